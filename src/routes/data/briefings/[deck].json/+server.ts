// Publishes each briefing deck as data/briefings/<deck>.json: what "Duplicate into my workspace"
// reads, and a stable address for tools outside the app.
import { error } from '@sveltejs/kit';
import { loadGeodata } from '$lib/server/data/load';
import { deckEntries } from '$lib/server/data/briefing-pages';

export const prerender = true;
export const entries = deckEntries;

export function GET({ params }) {
	const deck = loadGeodata().briefings.find((d) => d.id === params.deck);
	if (!deck) error(404, `No briefing deck "${params.deck}"`);
	return new Response(JSON.stringify(deck), { headers: { 'content-type': 'application/json' } });
}
