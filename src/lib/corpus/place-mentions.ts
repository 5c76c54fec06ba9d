/**
 * The atlas's own places named in a text, so the reader can link each to the map. Every place's
 * name and aliases are searched in every paragraph (src/lib/corpus/name-matching.ts: whole words,
 * any whitespace, diacritics ignored); offsets index the paragraph text exactly as stored. Where a
 * name stands for several places (Kabul the city and the province), the places' own citations
 * decide, then a fixed preference. Pure: used at build time for the bundled sources and in the
 * browser for a text the user brings (src/lib/corpus/place-finder.ts).
 */
import type { Place } from '../schema/model.ts';
import { locateQuote, type Paragraph } from './paragraphs.ts';
import { buildNameIndex, longestWithoutOverlap, findNameSpans, type NameIndex } from './name-matching.ts';

export { isCaseSensitive } from './name-matching.ts';

export interface PlaceMention {
	/** Offset of the first character of the name in the paragraph text. */
	start: number;
	/** Offset just past its last character. */
	end: number;
	/** Id of the place it names. */
	place: string;
}

/** Every place under each of its names (name first, then aliases). */
export function placeNameIndex(places: readonly Place[]): NameIndex<Place> {
	return buildNameIndex(places.map((place) => ({ names: [place.name, ...place.aliases], value: place })));
}

const PREFERRED_TYPES = new Set(['city', 'town']);

/**
 * The place an ambiguous name stands for in one paragraph. The gazetteer cites, for each place,
 * the passages that name it: a place whose cited quote covers this very occurrence wins, then one
 * that cites the paragraph at all, then any other; within each, a city or town comes first (a
 * bare "Kabul" is usually the capital), then the first by id, so the choice never depends on the
 * order of the gazetteer. A text no place cites (a user's own) falls through to the preference.
 */
export function choosePlace(
	candidates: readonly Place[],
	sourceId: string,
	paragraphId: string,
	paragraphText: string,
	start: number,
	end: number
): Place {
	if (candidates.length === 1) return candidates[0]!;
	const rank = (place: Place): number => {
		const here = place.mentions.filter((m) => m.source === sourceId && m.paragraph === paragraphId);
		const quoteCoversIt = here.some((m) => {
			const at = locateQuote(paragraphText, m.quote);
			return at !== null && at.start <= start && end <= at.end;
		});
		const citation = quoteCoversIt ? 0 : here.length ? 1 : 2;
		return citation * 2 + (PREFERRED_TYPES.has(place.type) ? 0 : 1);
	};
	return [...candidates].sort((a, b) => rank(a) - rank(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0]!;
}

/** Every place name in one paragraph: whole words, longest first, never overlapping, in text order. */
export function findPlacesInParagraph(
	text: string,
	index: NameIndex<Place>,
	sourceId: string,
	paragraphId: string
): PlaceMention[] {
	return longestWithoutOverlap(findNameSpans(text, index)).map((span) => ({
		start: span.start,
		end: span.end,
		place: choosePlace(span.values, sourceId, paragraphId, text, span.start, span.end).id
	}));
}

/**
 * The place mentions of every paragraph of a text, keyed by paragraph id; paragraphs that name
 * no place are left out.
 */
export function findPlaceMentionsInParagraphs(
	sourceId: string,
	paragraphs: readonly Paragraph[],
	places: readonly Place[]
): Record<string, PlaceMention[]> {
	const index = placeNameIndex(places);
	const out: Record<string, PlaceMention[]> = {};
	for (const paragraph of paragraphs) {
		const found = findPlacesInParagraph(paragraph.text, index, sourceId, paragraph.id);
		if (found.length) out[paragraph.id] = found;
	}
	return out;
}
