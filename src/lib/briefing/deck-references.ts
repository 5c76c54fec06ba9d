/**
 * What a deck is checked against in the browser: the atlas's layer groups, the places and events
 * of the evidence store, and the paragraphs of the cited sources, fetched from the prerendered
 * `data/sources/<id>.json` only when a check needs them (once per source and page). The same deck
 * checks as the build (validate-deck.ts) then run on a user's deck or an imported file.
 */
import type { Deck } from '../schema/briefing.ts';
import type { EventFeature, PlaceFeature } from '../schema/exported.ts';
import type { DeckFileContext } from '../workspace/deck-file.ts';
import { checkDeck, citedParagraphs, parseDeck, type DeckProblem } from './validate-deck.ts';

/** The published paragraphs of a source (src/routes/data/sources/[id].json). */
export interface SourceParagraphsFile {
	id: string;
	/** Paragraph `pN` is `paragraphs[N - 1]`. */
	paragraphs: string[];
}

type Fetch = (url: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>;

/** A lookup of a source's paragraphs that fetches each source at most once. */
export function sourceParagraphsFetcher(
	urlOf: (source: string) => string,
	fetchImpl: Fetch = (url) => fetch(url)
): DeckFileContext['sourceParagraphs'] {
	const cache = new Map<string, Promise<{ text: string }[] | undefined>>();
	return (source) => {
		// Only ids can name a file: anything else is unknown, not a path to follow.
		if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(source)) return Promise.resolve(undefined);
		let pending = cache.get(source);
		if (!pending) {
			pending = fetchImpl(urlOf(source))
				.then(async (r) => {
					if (!r.ok) return undefined;
					const file = (await r.json()) as SourceParagraphsFile;
					return Array.isArray(file?.paragraphs) ? file.paragraphs.map((text) => ({ text })) : undefined;
				})
				.catch(() => undefined);
			cache.set(source, pending);
		}
		return pending;
	};
}

/** The references of the evidence store, as the deck checks want them. */
export function deckContext(
	evidence: { groups: readonly { id: string }[]; places: PlaceFeature[]; events: EventFeature[] },
	sourceParagraphs: DeckFileContext['sourceParagraphs']
): DeckFileContext {
	return {
		groups: evidence.groups,
		places: evidence.places.map((p) => ({ id: p.properties.id })),
		events: evidence.events.map((e) => ({
			id: e.properties.id,
			group: e.properties.group,
			date: e.properties.date
		})),
		sourceParagraphs
	};
}

/** Every problem of a deck: its schema, then everything the deck checks look at. */
export async function deckProblems(deck: unknown, context: DeckFileContext): Promise<DeckProblem[]> {
	const parsed = parseDeck(deck);
	if (!parsed.deck) return parsed.problems;
	const paragraphs = await citedParagraphs(parsed.deck as Deck, context.sourceParagraphs);
	return checkDeck(parsed.deck, { ...context, paragraphs });
}
