/**
 * Place names in the source texts, found at build time so the reader can link each to the map.
 * Every place's name and aliases are searched in every paragraph; offsets index the paragraph text
 * exactly as stored (the text is never altered). Where an alias names several places (Kabul the
 * city and the province), the gazetteer's own citations decide, then a fixed preference.
 */
import type { Place } from '../../schema/model.ts';
import { locateQuote } from '../../corpus/paragraphs.ts';
import type { SourceRecord } from './validate.ts';

export interface PlaceMention {
	/** Offset of the first character of the name in the paragraph text. */
	start: number;
	/** Offset just past its last character. */
	end: number;
	/** Id of the place it names. */
	place: string;
}

/** A letter, combining mark or digit: on either side of a match, it means the match is inside a word. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Acronyms (KP, FATA, US, U.S.) match only as written: case-folded, "US" would match "us" and
 * "KP" would match any "kp". Everything else matches in any case ("Kunar Province", "KABUL").
 */
export function isCaseSensitive(alias: string): boolean {
	return /\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern of an alias: any run of whitespace stands for any other (the texts hold no-break
 * spaces and line-wrapped names), straight and curly apostrophes are one, and so are the hyphen
 * and the dashes that typesetting puts between names ("Afghanistan–Pakistan").
 */
function aliasPattern(alias: string): string {
	return alias
		.trim()
		.split(/\s+/)
		.map((word) =>
			[...word]
				.map((ch) => {
					if (ch === "'" || ch === '’') return "['’]";
					if (ch === '-' || ch === '‐' || ch === '‑' || ch === '–') return '[-‐‑–]';
					return escapeRegExp(ch);
				})
				.join('')
		)
		.join('\\s+');
}

interface Matcher {
	regex: RegExp;
	/** A capitalised alias never matches a word written in lower case: "Tank" is not "think tank". */
	capitalised: boolean;
	places: Place[];
}

/**
 * One matcher per distinct alias (case-folded unless it is an acronym), with every place that
 * carries it, so that an alias shared by two places is found once and then disambiguated.
 */
function buildMatchers(places: Place[]): Matcher[] {
	const byKey = new Map<string, { alias: string; caseSensitive: boolean; places: Place[] }>();
	for (const place of places) {
		for (const alias of new Set([place.name, ...place.aliases])) {
			const trimmed = alias.trim();
			if (!trimmed) continue;
			const caseSensitive = isCaseSensitive(trimmed);
			const key = (caseSensitive ? 'exact:' : 'folded:') + (caseSensitive ? trimmed : trimmed.toLowerCase());
			const entry = byKey.get(key) ?? { alias: trimmed, caseSensitive, places: [] };
			if (!entry.places.includes(place)) entry.places.push(place);
			byKey.set(key, entry);
		}
	}
	return [...byKey.values()].map(({ alias, caseSensitive, places }) => ({
		regex: new RegExp(aliasPattern(alias), caseSensitive ? 'gu' : 'giu'),
		capitalised: !caseSensitive && /^\p{Lu}/u.test(alias),
		places
	}));
}

/** The character (whole code point) just before `index`, or '' at the start. */
function charBefore(text: string, index: number): string {
	if (index <= 0) return '';
	const isLowSurrogate = /[\uDC00-\uDFFF]/.test(text[index - 1]!);
	return String.fromCodePoint(text.codePointAt(index >= 2 && isLowSurrogate ? index - 2 : index - 1)!);
}

/** Whether text[start, end) stands as whole words: no letter or digit touches either end. */
function isWholeWord(text: string, start: number, end: number): boolean {
	const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
	return !WORD_CHAR.test(charBefore(text, start)) && !WORD_CHAR.test(after);
}

const PREFERRED_TYPES = new Set(['city', 'town']);

/**
 * The place an ambiguous name stands for in one paragraph. The gazetteer cites, for each place,
 * the passages that name it: a place whose cited quote covers this very occurrence wins, then one
 * that cites the paragraph at all, then any other; within each, a city or town comes first (a
 * bare "Kabul" is usually the capital), then the first by id, so the choice never depends on the
 * order of the gazetteer.
 */
function choosePlace(
	candidates: Place[],
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
function findInParagraph(
	text: string,
	matchers: Matcher[],
	sourceId: string,
	paragraphId: string
): PlaceMention[] {
	// All candidate occurrences; the same span found by several aliases pools their places.
	const spans = new Map<string, { start: number; end: number; places: Set<Place> }>();
	for (const matcher of matchers) {
		for (const match of text.matchAll(matcher.regex)) {
			const start = match.index;
			const end = start + match[0].length;
			if (!isWholeWord(text, start, end)) continue;
			if (matcher.capitalised && /^\p{Ll}/u.test(match[0])) continue;
			const key = `${start}:${end}`;
			const span = spans.get(key) ?? { start, end, places: new Set<Place>() };
			for (const place of matcher.places) span.places.add(place);
			spans.set(key, span);
		}
	}
	// Longest first, so "North Waziristan" claims its words before "Waziristan" can.
	const ordered = [...spans.values()].sort(
		(a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start
	);
	const taken: PlaceMention[] = [];
	for (const span of ordered) {
		if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
		const place = choosePlace([...span.places], sourceId, paragraphId, text, span.start, span.end);
		taken.push({ start: span.start, end: span.end, place: place.id });
	}
	return taken.sort((a, b) => a.start - b.start);
}

/**
 * The place mentions of every paragraph of a source, keyed by paragraph id; paragraphs that name
 * no place are left out.
 */
export function findPlaceMentions(source: SourceRecord, places: Place[]): Record<string, PlaceMention[]> {
	const matchers = buildMatchers(places);
	const out: Record<string, PlaceMention[]> = {};
	for (const paragraph of source.paragraphs) {
		const found = findInParagraph(paragraph.text, matchers, source.meta.id, paragraph.id);
		if (found.length) out[paragraph.id] = found;
	}
	return out;
}
