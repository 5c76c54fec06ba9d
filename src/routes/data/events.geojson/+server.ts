// Publishes data/events.geojson (RFC 7946; the export contract in src/lib/schema/exported.ts).
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON } from '$lib/server/data/export';

export const prerender = true;

export function GET(): Response {
	return new Response(JSON.stringify(eventsGeoJSON(loadGeodata())), {
		headers: { 'content-type': 'application/geo+json' }
	});
}
