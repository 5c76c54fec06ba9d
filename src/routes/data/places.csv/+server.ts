// Publishes data/places.csv: one row per citation, guarded against spreadsheet formula injection.
import { loadGeodata } from '$lib/server/data/load';
import { placesGeoJSON } from '$lib/server/data/export';
import { CSV_UTF8_BOM, placesToCsv } from '$lib/export/csv';

export const prerender = true;

export function GET(): Response {
	const csv = placesToCsv(placesGeoJSON(loadGeodata()).features);
	return new Response(CSV_UTF8_BOM + csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
