/**
 * A span of a source marked as a place by hand, for the names the matcher and the gazetteer do
 * not find ("the crossing at Ghulam Khan", a village the gazetteer lacks): the user says where it
 * is by choosing a place the atlas has, a gazetteer entry, or a point (a click on the map, or
 * coordinates typed in), and how precisely the point stands for it. The record says so: its
 * `coordinateSource` begins "Placed by hand", names where the point came from, and, for a point
 * the user gave, that it is outside knowledge, not the source's. The span's sentence is the
 * place's mention, verbatim, as for the places found for the user (./place-proposals.ts).
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import type { Citation, LocationPrecision, Place } from '../schema/model.ts';
import { Place as PlaceSchema, PlaceType } from '../schema/model.ts';
import type { GazetteerEntry } from '../schema/gazetteer.ts';
import type { Paragraph } from '../corpus/paragraphs.ts';
import { isWithinOneEdit, normalizeName } from '../search/normalize.ts';
import { REGION_BBOX } from '../geo/region.ts';
import { placeFromGazetteer, sentenceAround } from './place-proposals.ts';
import { proposePlaceId } from './ids.ts';

/** The kinds of place a span can be marked as; a country or a province has its boundary in the basemap. */
export const HAND_PLACE_TYPES = PlaceType.options.filter((t) => t !== 'country' && t !== 'province');
export type HandPlaceType = (typeof HAND_PLACE_TYPES)[number];

/** The precisions a point the user gives can have: `area` needs a boundary, which a point has not. */
export const POINT_PRECISIONS = [
	'exact',
	'approximate',
	'district'
] as const satisfies readonly LocationPrecision[];

/** Where the marked place is. */
export type HandPosition =
	/** A place the atlas (or the user) already has: the span is one more mention of it. */
	| { kind: 'atlas'; place: Place }
	| { kind: 'gazetteer'; entry: GazetteerEntry }
	| { kind: 'point'; coordinates: [number, number]; how: 'map' | 'typed' };

/** A name longer than this is not a place name but a passage. */
export const MAX_PLACE_NAME = 80;

/**
 * Whether the words marked can stand as a spelling of the place's name. An alias is linked by
 * the matcher wherever it is written, so a proper name ("Torkham Gate", "تورخم") is one and a
 * description ("the border post") is not: that one is the place's passage, not its name.
 */
export function isNameLike(words: string): boolean {
	const first = words.trim().split(/\s+/)[0] ?? '';
	if (!first || /^(the|a|an|this|that|these|those|its|their|our)$/i.test(first)) return false;
	const c = first[0]!;
	// Scripts without case (Arabic) name by any letter; cased ones by a capital.
	return c.toLowerCase() !== c.toUpperCase() ? c === c.toUpperCase() : /\p{L}/u.test(c);
}

// ---------------------------------------------------------------------------------------------
// Finding where it is

export type PositionMatch = { kind: 'atlas'; place: Place } | { kind: 'gazetteer'; entry: GazetteerEntry };

interface Indexed {
	match: PositionMatch;
	names: string[];
	/** Atlas places first (the atlas is the authority), then by population. */
	weight: number;
}

/**
 * A search over the atlas's places and the gazetteer by name, alias or alternative spelling
 * (accents, case and punctuation aside): exact names first, then names that begin with the query,
 * then names that hold it, then names one typing slip away. A gazetteer entry that is an atlas
 * place is found as the atlas place.
 */
export function createPositionSearch(places: readonly Place[], gazetteer: readonly GazetteerEntry[]) {
	const atlasIds = new Set(places.map((p) => p.id));
	const index: Indexed[] = [
		...places.map((place) => ({
			match: { kind: 'atlas', place } as const,
			names: [...new Set([place.name, ...place.aliases].map(normalizeName))],
			weight: Number.MAX_SAFE_INTEGER
		})),
		...gazetteer
			.filter((entry) => !entry.atlas || !atlasIds.has(entry.atlas))
			.map((entry) => ({
				match: { kind: 'gazetteer', entry } as const,
				names: [...new Set([entry.name, entry.asciiName, ...entry.alternateNames].map(normalizeName))],
				weight: entry.population ?? 0
			}))
	];
	return function search(query: string, limit = 8): PositionMatch[] {
		const q = normalizeName(query);
		if (!q) return [];
		const ranked: { rank: number; weight: number; match: PositionMatch }[] = [];
		for (const item of index) {
			let rank = Infinity;
			for (const name of item.names) {
				const r =
					name === q
						? 0
						: name.startsWith(q)
							? 1
							: name.includes(` ${q}`)
								? 2
								: name.includes(q)
									? 3
									: q.length >= 4 && isWithinOneEdit(name, q)
										? 4
										: Infinity;
				if (r < rank) rank = r;
			}
			if (rank !== Infinity) ranked.push({ rank, weight: item.weight, match: item.match });
		}
		ranked.sort((a, b) => a.rank - b.rank || b.weight - a.weight);
		return ranked.slice(0, limit).map((r) => r.match);
	};
}

export type CoordinatesResult = { ok: true; coordinates: [number, number] } | { ok: false; message: string };

const NUMBER = String.raw`[-+]?\d+(?:\.\d+)?`;
const HEMISPHERES = new RegExp(String.raw`^(${NUMBER})\s*°?\s*([NS])[\s,;]+(${NUMBER})\s*°?\s*([EW])$`, 'i');
const DECIMAL = new RegExp(String.raw`^${NUMBER}$`);

/** Two plain numbers: "34.43, 70.45", "34.43 70.45", or with decimal commas "34,43; 70,45". */
function plainPair(t: string): [number, number] | null {
	const parts = (t.includes(';') ? t.split(';').map((s) => s.replace(',', '.')) : t.split(/[\s,]+/))
		.map((s) => s.replace(/°/g, '').trim())
		.filter(Boolean);
	return parts.length === 2 && parts.every((s) => DECIMAL.test(s))
		? [Number(parts[0]), Number(parts[1])]
		: null;
}

/**
 * Coordinates as people type them: "34.43, 70.45" (latitude first, as maps show them) or
 * "34.43° N, 70.45° E". Returns [longitude, latitude], or what is wrong.
 */
export function parseCoordinates(text: string): CoordinatesResult {
	const t = text.trim();
	if (!t) return { ok: false, message: 'Type the latitude and longitude, as “34.43, 70.45”.' };
	let lat: number;
	let lon: number;
	const h = HEMISPHERES.exec(t);
	const pair = h ? null : plainPair(t);
	if (h) {
		lat = Number(h[1]) * (h[2]!.toUpperCase() === 'S' ? -1 : 1);
		lon = Number(h[3]) * (h[4]!.toUpperCase() === 'W' ? -1 : 1);
	} else if (pair) {
		[lat, lon] = pair;
	} else {
		return {
			ok: false,
			message: `“${t.slice(0, 40)}” is not a latitude and longitude: write them as “34.43, 70.45” or “34.43° N, 70.45° E”.`
		};
	}
	if (Math.abs(lat) > 90)
		return { ok: false, message: `${lat} is not a latitude: it must be between −90 and 90.` };
	if (Math.abs(lon) > 180)
		return { ok: false, message: `${lon} is not a longitude: it must be between −180 and 180.` };
	return { ok: true, coordinates: [lon, lat] };
}

export const inRegion = ([lon, lat]: readonly [number, number]) =>
	lon >= REGION_BBOX[0] && lon <= REGION_BBOX[2] && lat >= REGION_BBOX[1] && lat <= REGION_BBOX[3];

export interface ProvinceAt {
	code: string;
	country: 'AF' | 'PK';
	name: string;
}

/** The basemap's province (an ISO 3166-2 code) a point lies in, or null outside them all. */
export function provinceAt(
	provinces: FeatureCollection,
	coordinates: readonly [number, number]
): ProvinceAt | null {
	for (const f of provinces.features) {
		const g = f.geometry;
		if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon') continue;
		if (booleanPointInPolygon([...coordinates], f as Feature<Polygon | MultiPolygon>)) {
			const { code, country, name } = f.properties ?? {};
			if (typeof code === 'string' && (country === 'AF' || country === 'PK'))
				return { code, country, name: String(name ?? code) };
		}
	}
	return null;
}

// ---------------------------------------------------------------------------------------------
// The record

export interface MarkedSpan {
	source: string;
	paragraph: string;
	/** The span's offsets in the paragraph's text. */
	start: number;
	end: number;
}

export interface HandPlaceInput {
	span: MarkedSpan;
	paragraphs: readonly Paragraph[];
	name: string;
	type: HandPlaceType;
	precision: LocationPrecision;
	position: HandPosition;
	/** For a point: the province it lies in, from the basemap (provinceAt). */
	province?: ProvinceAt | null;
	/** The atlas as the user sees it. */
	places: readonly Place[];
	takenIds?: ReadonlySet<string>;
}

export type HandPlaceResult =
	| { ok: true; place: Place; extended: boolean }
	| { ok: false; field: 'name' | 'position' | 'precision'; message: string };

const SOURCE_OF_POINT = {
	map: 'Placed by hand in this browser, by a click on the map: outside knowledge, not from the source',
	typed: 'Placed by hand in this browser, from coordinates typed in: outside knowledge, not from the source'
};

/** The mention a span makes: the sentence around it in its paragraph, verbatim. */
export function mentionOfSpan(span: MarkedSpan, paragraphs: readonly Paragraph[]): Citation | null {
	const text = paragraphs.find((p) => p.id === span.paragraph)?.text;
	if (text === undefined || span.start < 0 || span.end > text.length || span.start >= span.end) return null;
	const range = sentenceAround(text, span.start, span.end);
	return { source: span.source, paragraph: span.paragraph, quote: text.slice(range.start, range.end) };
}

/**
 * The record a marked span becomes: a new place of the user's, or (the span naming a place the
 * atlas has) that place with the span's sentence added to its mentions. Checked against the one
 * schema; a problem names the field the user can fix.
 */
export function placeByHand(input: HandPlaceInput): HandPlaceResult {
	const { span, paragraphs, position, places } = input;
	const name = input.name.trim().replace(/\s+/g, ' ');
	if (!name) return { ok: false, field: 'name', message: 'Give the place a name.' };
	if (name.length > MAX_PLACE_NAME)
		return {
			ok: false,
			field: 'name',
			message: `A place name is at most ${MAX_PLACE_NAME} characters; this is ${name.length}. Select the name alone.`
		};
	const mention = mentionOfSpan(span, paragraphs);
	if (!mention)
		return { ok: false, field: 'name', message: `The span is not in paragraph ${span.paragraph}.` };
	const words = paragraphs
		.find((p) => p.id === span.paragraph)!
		.text.slice(span.start, span.end)
		.trim()
		.replace(/\s+/g, ' ');
	const said = isNameLike(words) ? words : '';
	const taken = input.takenIds ?? new Set(places.map((p) => p.id));

	let place: Place;
	if (position.kind === 'atlas') {
		const known = position.place;
		if (
			known.mentions.some(
				(m) => m.source === mention.source && m.paragraph === mention.paragraph && m.quote === mention.quote
			)
		)
			return {
				ok: false,
				field: 'position',
				message: `${known.name} already has this sentence among its passages.`
			};
		const aliases =
			said && ![known.name, ...known.aliases].includes(said) ? [...known.aliases, said] : known.aliases;
		return { ok: true, extended: true, place: { ...known, aliases, mentions: [...known.mentions, mention] } };
	}
	if (position.kind === 'gazetteer') {
		const entry = position.entry;
		if (entry.kind === 'province' && input.precision !== 'area')
			return {
				ok: false,
				field: 'precision',
				message: 'A province is drawn as its area: its precision is “area”.'
			};
		if (entry.kind !== 'province' && input.precision === 'area')
			return {
				ok: false,
				field: 'precision',
				message: 'A point is not an area: choose exact, approximate or district.'
			};
		const base = placeFromGazetteer(entry, [said].filter(Boolean), [mention], places, taken);
		const named = name !== base.name;
		place = {
			...base,
			...(named
				? { id: proposePlaceId(name, undefined, taken), name, aliases: [...new Set([name, ...base.aliases])] }
				: {}),
			...(entry.kind === 'province' ? {} : { type: input.type }),
			precision: input.precision,
			coordinateSource: `Placed by hand in this browser, at the gazetteer’s point for ${entry.name}: ${entry.provenance}`
		};
	} else {
		if (!(POINT_PRECISIONS as readonly string[]).includes(input.precision))
			return {
				ok: false,
				field: 'precision',
				message: 'A point is not an area: choose exact, approximate or district.'
			};
		const [lon, lat] = position.coordinates;
		const province = input.province ?? null;
		if (!province && !inRegion(position.coordinates))
			return {
				ok: false,
				field: 'position',
				message: `${lat.toFixed(3)}, ${lon.toFixed(3)} is outside the mapped region: the atlas maps ${REGION_BBOX[1]}° to ${REGION_BBOX[3]}° N, ${REGION_BBOX[0]}° to ${REGION_BBOX[2]}° E.`
			};
		const parent = province && places.find((p) => p.type === 'province' && p.province === province.code);
		place = {
			id: proposePlaceId(name, undefined, taken),
			name,
			aliases: [...new Set([name, said].filter(Boolean))],
			type: input.type,
			...(province ? { country: province.country, province: province.code } : {}),
			...(parent ? { parent: parent.id } : {}),
			coordinates: [round(lon), round(lat)],
			precision: input.precision,
			coordinateSource: SOURCE_OF_POINT[position.how],
			mentions: [mention]
		};
	}
	const checked = PlaceSchema.safeParse(place);
	if (!checked.success)
		return {
			ok: false,
			field: 'position',
			message: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
		};
	return { ok: true, extended: false, place: checked.data };
}

/** Five decimals: about a metre, more than any hand placement can claim. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;
