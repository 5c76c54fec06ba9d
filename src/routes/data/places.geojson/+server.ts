// Publishes data/places.geojson (RFC 7946; the export contract in src/lib/schema/exported.ts).
import { loadGeodata } from '$lib/server/data/load';
import { placesGeoJSON } from '$lib/server/data/export';

export const prerender = true;

export function GET(): Response {
	return new Response(JSON.stringify(placesGeoJSON(loadGeodata())), {
		headers: { 'content-type': 'application/geo+json' }
	});
}
