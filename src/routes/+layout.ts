// Every page is prerendered into the static build; nothing needs a server at run time.
export const prerender = true;
export const trailingSlash = 'never';
