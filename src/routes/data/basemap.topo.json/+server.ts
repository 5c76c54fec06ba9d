// Publishes the committed basemap extract at /data/basemap.topo.json (prerendered to a file).
import basemap from '../../../../geodata/basemap.topo.json?raw';

export const prerender = true;

export function GET(): Response {
	return new Response(basemap, { headers: { 'content-type': 'application/json' } });
}
