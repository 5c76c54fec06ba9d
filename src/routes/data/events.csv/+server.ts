// Publishes data/events.csv: one row per citation, guarded against spreadsheet formula injection.
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON } from '$lib/server/data/export';
import { CSV_UTF8_BOM, eventsToCsv } from '$lib/export/csv';

export const prerender = true;

export function GET(): Response {
	const csv = eventsToCsv(eventsGeoJSON(loadGeodata()).features);
	return new Response(CSV_UTF8_BOM + csv, { headers: { 'content-type': 'text/csv; charset=utf-8' } });
}
