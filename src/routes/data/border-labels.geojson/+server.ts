// Publishes the points where the border's name is written, computed from the committed basemap
// when the site is built, so the browser reads them instead of running turf on every map load.
import type { Topology } from 'topojson-specification';
import basemap from '../../../../geodata/basemap.topo.json?raw';
import { borderLabelsOf } from '$lib/map/border-label-points';

export const prerender = true;

export function GET(): Response {
	const points = borderLabelsOf(JSON.parse(basemap) as Topology);
	return new Response(JSON.stringify(points), { headers: { 'content-type': 'application/geo+json' } });
}
