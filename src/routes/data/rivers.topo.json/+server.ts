// Publishes the committed river extract at /data/rivers.topo.json (prerendered to a file). The
// prerender crawler writes it only if a page links it (a preload link, like the basemap's).
import rivers from '../../../../geodata/rivers.topo.json?raw';

export const prerender = true;

export function GET(): Response {
	return new Response(rivers, { headers: { 'content-type': 'application/json' } });
}
