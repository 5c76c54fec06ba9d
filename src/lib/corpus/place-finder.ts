/**
 * Finds the places a new text names, for a user who brings their own text: each mention of an
 * atlas place is linked to it, and each name the atlas lacks but the outside gazetteer
 * (geodata/gazetteer.json, GeoNames) has is proposed with its coordinates, precision and
 * provenance. Every hit carries its paragraph and character offsets into the paragraph text as
 * given, and the text matched verbatim, so the UI can mark exactly those characters.
 *
 * The atlas is the authority. Its names are matched as the reader matches them
 * (src/lib/corpus/place-mentions.ts, on src/lib/corpus/name-matching.ts: whole words, any
 * whitespace, diacritics ignored, acronyms only in capitals, capitalised names never in lower case)
 * and win any tie with a gazetteer name. A gazetteer entry that is an atlas place (its `atlas`
 * link) only adds spellings to that place. Gazetteer names are held to stricter rules, because
 * hundreds of town names are also words or people's names: at least four letters, never a word on
 * the stop list, never a short name written in capitals (SWAT, HALA), never a name just after a
 * title (Mr, General, Mullah ...). Longest match wins; hits never overlap.
 *
 * Pure: no I/O. Build a finder once (it compiles every name) and run it over as many texts as needed.
 */
import type { Place } from '../schema/model.ts';
import type { GazetteerEntry } from '../schema/gazetteer.ts';
import type { Paragraph } from './paragraphs.ts';
import {
	buildNameIndex,
	findNameSpans,
	foldName,
	longestWithoutOverlap,
	nameKey,
	type NameIndex
} from './name-matching.ts';
import { choosePlace } from './place-mentions.ts';

interface HitBase {
	/** The paragraph's id (`p3`). */
	paragraph: string;
	/** Offset of the first character in the paragraph text. */
	start: number;
	/** Offset just past the last character. */
	end: number;
	/** paragraph.text.slice(start, end), verbatim. */
	text: string;
}

/** A mention of a place the atlas has. */
export interface AtlasHit extends HitBase {
	kind: 'atlas';
	/** The atlas place's id. */
	place: string;
	/** Gazetteer places of the same name that are not this one (the town of Khost for Khost province). */
	alternatives: GazetteerEntry[];
}

/** A name the atlas lacks, proposed from the gazetteer. */
export interface GazetteerHit extends HitBase {
	kind: 'gazetteer';
	/** The most likely entry (see `rankEntries`). */
	entry: GazetteerEntry;
	/** Other entries of the same name, most likely first. */
	alternatives: GazetteerEntry[];
}

export type PlaceHit = AtlasHit | GazetteerHit;

/** What a name in the index stands for: an atlas place (perhaps by a gazetteer spelling) or an entry. */
type Candidate =
	{ kind: 'atlas'; place: Place; fromGazetteer: boolean } | { kind: 'gazetteer'; entry: GazetteerEntry };

/** Gazetteer names shorter than this (in letters) are never proposed: Dir, Bar, Kot, Tal, Bay. */
export const MIN_GAZETTEER_NAME_LETTERS = 4;

/** A gazetteer name this short written all in capitals is taken for an acronym (SWAT, MACH). */
const MAX_ACRONYM_LETTERS = 5;

/**
 * Town names in the gazetteer that are also English words, other places, languages, companies,
 * honorifics or people's names, as a news text about the region uses them. Compared folded and
 * lower-cased. A real mention of one of these towns is missed; that is the price of not proposing
 * "March" as a town.
 */
export const GAZETTEER_STOP_WORDS: ReadonlySet<string> = new Set([
	// English words
	'bust',
	'gala',
	'march',
	'marc',
	'titan',
	'tata',
	'tatar',
	'ibis',
	'mach',
	'naka',
	'sheva',
	'sewa',
	// words of the region's languages common in English-language news
	'mandi',
	'langar',
	'haveli',
	'chowki',
	'chauki',
	'eidgah',
	'idgah',
	'mizan',
	'khana',
	'khas',
	'farsi',
	// places elsewhere that GeoNames lists as another name of a town here
	'samara',
	'mashad',
	'gilan',
	// honorifics and given names or surnames
	'abbas',
	'asma',
	'hazrat',
	'khwaja',
	'qaisar',
	'rustam',
	'rustom',
	'saiyid',
	'sayad',
	'seyyed',
	'tareen',
	'bozdar',
	'naik'
]);

/** Words that, just before a name, make it a person's: "General Abbas", "Mullah Omar". */
const TITLES = new Set([
	'mr',
	'mrs',
	'ms',
	'dr',
	'gen',
	'general',
	'colonel',
	'major',
	'maulana',
	'mullah',
	'mufti',
	'haji',
	'hafiz',
	'qari',
	'sheikh',
	'imam',
	'khawaja',
	'syed',
	'sardar',
	'malik',
	'mian'
]);

const folded = (s: string) =>
	nameKey(s)
		.replace(/^(exact|folded):/, '')
		.toLowerCase();
const letterCount = (s: string) => (foldName(s).match(/\p{L}/gu) ?? []).length;

/** Words that may stand capitalised before a town's name without making it part of another name. */
const QUALIFIERS = new Set([
	'upper',
	'lower',
	'north',
	'south',
	'east',
	'west',
	'northern',
	'southern',
	'eastern',
	'western',
	'central',
	'greater',
	'old',
	'new',
	'the',
	'in',
	'at',
	'from',
	'to',
	'near',
	'and',
	'or',
	'of',
	'on',
	'for',
	'by',
	'with',
	'via',
	'between',
	'outside',
	'inside',
	'around'
]);

/**
 * Whether a name the gazetteer alone knows may be proposed where it stands in the text. Besides
 * the length, stop-list and capitals rules, a name right after a title, or right after another
 * capitalised word that is not a place, a qualifier (Upper, North, The ...) or a sentence's first
 * word, is taken for part of a person's name: "Robert Chiras", "Ömer Fadıl Usta".
 */
function isPlausibleGazetteerName(text: string, start: number, end: number, placeEnds: Set<number>): boolean {
	const said = text.slice(start, end);
	const letters = letterCount(said);
	if (letters < MIN_GAZETTEER_NAME_LETTERS) return false;
	if (GAZETTEER_STOP_WORDS.has(folded(said))) return false;
	if (letters <= MAX_ACRONYM_LETTERS && /\p{Lu}/u.test(said) && !/\p{Ll}/u.test(said)) return false;
	const head = text.slice(0, start);
	const gap = /(\.?)[^\S\n]+$/u.exec(head);
	if (!gap) return true;
	const wordEnd = head.length - gap[0].length;
	const word = /[\p{L}\p{M}]+$/u.exec(head.slice(0, wordEnd))?.[0];
	if (!word) return true;
	if (TITLES.has(folded(word))) return false;
	if (!/^\p{Lu}/u.test(word) || QUALIFIERS.has(folded(word))) return true;
	if (placeEnds.has(wordEnd) || placeEnds.has(wordEnd + gap[1]!.length)) return true;
	// A sentence's first word is capitalised whatever it is: no sign of a person's name.
	return /(^|[.!?:;]["”’)]?\s+)["“‘(]?$/u.test(head.slice(0, wordEnd - word.length));
}

const FEATURE_RANK: Record<string, number> = { PPLC: 0, PPLA: 1, PPLA2: 2, PPLA3: 3, PPLA4: 4, PPL: 5 };

/**
 * The entries a name may stand for, most likely first: a province when the text goes on
 * "… province"; then an entry whose own name it is before one it is only an alternative name of
 * ("Parwan" is the province, not the town GeoNames also calls Parwan); then a town before a
 * province, as a bare "Farah" is usually the town (the reader's rule for the atlas's own places);
 * then the higher administrative seat, the larger population, and the key.
 */
export function rankEntries(
	entries: readonly GazetteerEntry[],
	said: string,
	after: string
): GazetteerEntry[] {
	const wantsProvince = /^\s+provinces?\b/iu.test(after);
	const key = nameKey(said);
	const score = (e: GazetteerEntry): number[] => [
		wantsProvince && e.kind !== 'province' ? 1 : 0,
		nameKey(e.name) === key || nameKey(e.asciiName) === key ? 0 : 1,
		e.kind === 'province' ? 1 : 0,
		FEATURE_RANK[e.featureCode] ?? 6,
		-(e.population ?? 0)
	];
	return [...entries].sort((a, b) => {
		const sa = score(a);
		const sb = score(b);
		for (let i = 0; i < sa.length; i++) if (sa[i] !== sb[i]) return sa[i]! - sb[i]!;
		return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	});
}

export interface PlaceFinder {
	/**
	 * Every place mention in the paragraphs, in text order. `sourceId` names a bundled source, so
	 * that its places' citations decide ambiguous atlas names as in the reader; a user's own text
	 * has none, and the fixed preference decides (a city or town first).
	 */
	find(paragraphs: readonly Paragraph[], sourceId?: string): PlaceHit[];
}

export function createPlaceFinder(
	places: readonly Place[],
	gazetteer: readonly GazetteerEntry[]
): PlaceFinder {
	const placeById = new Map(places.map((p) => [p.id, p]));
	const entries: { names: string[]; value: Candidate }[] = places.map((place) => ({
		names: [place.name, ...place.aliases],
		value: { kind: 'atlas', place, fromGazetteer: false }
	}));
	for (const entry of gazetteer) {
		const names = [entry.name, entry.asciiName, ...entry.alternateNames];
		const linked = entry.atlas ? placeById.get(entry.atlas) : undefined;
		entries.push({
			names,
			value: linked ? { kind: 'atlas', place: linked, fromGazetteer: true } : { kind: 'gazetteer', entry }
		});
	}
	const index: NameIndex<Candidate> = buildNameIndex(entries);

	function findInParagraph(paragraph: Paragraph, sourceId: string): PlaceHit[] {
		const text = paragraph.text;
		// Names only the gazetteer knows must pass its stricter rules before they compete for words.
		const found = findNameSpans(text, index);
		const placeEnds = new Set(found.map((span) => span.end));
		const spans = found
			.map((span) => {
				const plausible = isPlausibleGazetteerName(text, span.start, span.end, placeEnds);
				const values = span.values.filter((v) => (v.kind === 'atlas' && !v.fromGazetteer) || plausible);
				return { ...span, values };
			})
			.filter((span) => span.values.length > 0);
		return longestWithoutOverlap(spans).map((span): PlaceHit => {
			const base = {
				paragraph: paragraph.id,
				start: span.start,
				end: span.end,
				text: text.slice(span.start, span.end)
			};
			const atlas = [...new Set(span.values.flatMap((v) => (v.kind === 'atlas' ? [v.place] : [])))];
			const ranked = rankEntries(
				span.values.flatMap((v) => (v.kind === 'gazetteer' ? [v.entry] : [])),
				base.text,
				text.slice(span.end)
			);
			if (atlas.length) {
				const place = choosePlace(atlas, sourceId, paragraph.id, text, span.start, span.end);
				return { ...base, kind: 'atlas', place: place.id, alternatives: ranked };
			}
			return { ...base, kind: 'gazetteer', entry: ranked[0]!, alternatives: ranked.slice(1) };
		});
	}

	return {
		find(paragraphs, sourceId = '') {
			return paragraphs.flatMap((p) => findInParagraph(p, sourceId));
		}
	};
}
