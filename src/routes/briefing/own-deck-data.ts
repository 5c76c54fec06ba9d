/**
 * What the pages of a user's own decks (presenter, handout, editor) need from the build: the
 * layer groups, the sources' titles and dates for the citations, and the shipped decks' ids
 * (which a copy or a new deck must not take). The deck itself is read in the browser.
 */
import { briefingData, deckEntries } from '$lib/server/data/briefing-pages';

export function ownDeckPageData() {
	const { sources, groups } = briefingData('');
	return { sources, groups, shipped: deckEntries().map((e) => e.deck) };
}
