// Publishes the committed outside gazetteer (GeoNames, CC BY 4.0) at /data/gazetteer.json
// (prerendered to a file), for proposing places in a text the user brings.
import gazetteer from '../../../../geodata/gazetteer.json?raw';

export const prerender = true;

export function GET(): Response {
	return new Response(gazetteer, { headers: { 'content-type': 'application/json' } });
}
