import { error } from '@sveltejs/kit';
import { briefingData, deckEntries } from '$lib/server/data/briefing-pages';

export const entries = deckEntries;

export function load({ params }) {
	const { deck, groups } = briefingData(params.deck);
	if (!deck) error(404, `No briefing deck "${params.deck}"`);
	return { deck, groups, shipped: deckEntries().map((e) => e.deck) };
}
