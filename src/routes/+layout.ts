// Every page is prerendered into the static build; nothing needs a server at run time.
export const prerender = true;
// Each page is written as `name/index.html` and addressed as `/name/`: any static host serves a
// folder's index.html, and the pages' relative asset paths resolve from that folder. (With
// `name.html`, a plain host shows a directory listing for `/name/`, and assets resolve one
// folder too deep.) Data endpoints with a file extension (`/data/places.geojson`) keep their names.
export const trailingSlash = 'always';
