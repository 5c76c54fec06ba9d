/**
 * The one data model of the atlas. Every record in `geodata/` is checked against these zod
 * schemas by the validator (`src/lib/server/data/validate.ts`), the build derives the app's data from
 * the parsed records, and the UI imports the inferred types. Change the model here, nowhere else.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

/** Lower-case kebab-case identifiers, stable across edits (they appear in URLs). */
export const Id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case kebab-case');

/** Paragraph ids are `p1`, `p2`, ...: the ordinal of the non-blank line in the source text. */
export const ParagraphId = z.string().regex(/^p[1-9][0-9]*$/, 'must look like p12');

/** ISO 3166-1 alpha-2 country code. */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code');

/** ISO 3166-2 code of a province in the boundary extract (PK-TA stands for the former FATA). */
export const ProvinceCode = z.string().regex(/^(AF|PK)-[A-Z]{2,3}$/, 'must be an ISO 3166-2 code');

/** A date at day, month or year resolution: 2024-03-18, 2024-03 or 2024. */
export const PartialDate = z
	.string()
	.regex(/^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD');

export const DatePrecision = z.enum(['day', 'month', 'season', 'year', 'approximate']);
/** Where a date comes from: stated in the text, inferred by us from it, or the publication date. */
export const DateBasis = z.enum(['explicit', 'inferred', 'publication']);

export const DateSpan = z.strictObject({
	/** First day the event may have happened (at the resolution written). */
	start: PartialDate,
	/** Last day it may have happened; omitted when it is the same period as `start`. */
	end: PartialDate.optional(),
	precision: DatePrecision,
	basis: DateBasis,
	/** Why we read the date this way, when it is not plain. */
	note: z.string().min(1).optional()
});

/** A verbatim passage of a source: `quote` must occur in that paragraph (whitespace-normalised). */
export const Citation = z.strictObject({
	source: Id,
	paragraph: ParagraphId,
	quote: z.string().min(3)
});

// ---------------------------------------------------------------------------------------------
// Sources

export const SourceKind = z.enum(['news', 'opinion', 'policy-paper']);
export const DebrisKind = z.enum([
	'caption',
	'pull-quote',
	'duplicate',
	'social-media',
	'front-matter',
	'page-artifact',
	/** Body text cut off by a page break: shown as text, joined in reading to the paragraph `of`. */
	'continuation'
]);

export const Debris = z.strictObject({
	paragraph: ParagraphId,
	kind: DebrisKind,
	/** For duplicates and pull quotes: the paragraph this one repeats; for continuations, the one it continues. */
	of: ParagraphId.optional(),
	note: z.string().min(1).optional()
});

/**
 * A web address: http: or https: only. The reader shows a source's address as a live link, and a
 * `javascript:` or `data:` address there would run or open whatever it holds when clicked.
 */
export const WebAddress = z
	.string()
	.url()
	// A test of the text, not `new URL(...)`, which throws on the addresses `url()` has just refused.
	.refine((value) => /^https?:/i.test(value), 'must be an http: or https: address');

export const Source = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	id: Id,
	title: z.string().min(1),
	publisher: z.string().min(1),
	author: z.string().min(1).optional(),
	date: DateSpan,
	/** The address of the original, where known; shown as a link, never fetched. */
	url: WebAddress.optional(),
	/** Where the text was actually read (a republication, say). */
	readAt: z.string().min(1),
	kind: SourceKind,
	/** File name of the verbatim text, beside this metadata file. */
	textFile: z.string().regex(/^[\w.-]+\.txt$/),
	debris: z.array(Debris)
});

// ---------------------------------------------------------------------------------------------
// Places

export const PlaceType = z.enum([
	'country',
	'province',
	'historical-region',
	'district',
	'city',
	'town',
	'crossing',
	'region',
	'valley',
	'port',
	'mountain-range',
	'river'
]);

/**
 * How the point stands for the place: `exact` (a town or crossing at its known position),
 * `approximate` (known roughly), `district` (the district's headquarters or centre), `area`
 * (drawn as the area it names; the point is only a label anchor).
 */
export const LocationPrecision = z.enum(['exact', 'approximate', 'district', 'area']);

export const Boundary = z.strictObject({
	layer: z.enum(['country', 'province', 'fata', 'belt']),
	/** ISO 3166-1 numeric id for countries, ISO 3166-2 code for provinces, `belt` for the belt. */
	id: z.string().min(1)
});

export const Place = z.strictObject({
	id: Id,
	name: z.string().min(1),
	/** Every spelling as written in the sources, plus common alternatives. */
	aliases: z.array(z.string().min(1)),
	type: PlaceType,
	/** Country the place lies in (ISO alpha-2); omitted for regions spanning several. */
	country: CountryCode.optional(),
	/** Province the place lies in; its coordinates must fall inside that province's polygon. */
	province: ProvinceCode.optional(),
	/** The gazetteer place this one lies within, when that place is itself in the gazetteer. */
	parent: Id.optional(),
	/** WGS84 [longitude, latitude]. */
	coordinates: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
	precision: LocationPrecision,
	/** Where the coordinates come from (GeoNames record, Natural Earth centroid, or hand-entered). */
	coordinateSource: z.string().min(1),
	boundary: Boundary.optional(),
	note: z.string().min(1).optional(),
	mentions: z.array(Citation).min(1)
});

// ---------------------------------------------------------------------------------------------
// Layer groups and events

export const SymbolShape = z.enum([
	'circle',
	'square',
	'diamond',
	'triangle',
	'star',
	'cross',
	'hexagon',
	'pentagon'
]);

export const LayerGroup = z.strictObject({
	id: Id,
	label: z.string().min(1),
	description: z.string().min(1),
	/** sRGB hex colour from a colour-blind-safe palette. */
	colour: z.string().regex(/^#[0-9a-f]{6}$/),
	shape: SymbolShape,
	visible: z.boolean(),
	order: z.number().int()
});

export const PlaceRole = z.enum(['site', 'target', 'origin', 'venue', 'base', 'destination', 'mentioned']);

export const Stance = z.strictObject({
	party: z.string().min(1),
	stance: z.enum(['claims', 'denies', 'disputes']),
	citation: Citation
});

export const Event = z.strictObject({
	id: Id,
	title: z.string().min(1),
	/** Our words, not the source's. */
	summary: z.string().min(1),
	date: DateSpan,
	places: z.array(z.strictObject({ place: Id, role: PlaceRole })).min(1),
	actors: z.array(z.string().min(1)),
	type: z.string().min(1),
	group: Id,
	/** Present when the event is disputed or rests on one side's word. */
	contested: z
		.strictObject({
			note: z.string().min(1),
			stances: z.array(Stance).min(1)
		})
		.optional(),
	citations: z.array(Citation).min(1)
});

export const PlacesFile = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	places: z.array(Place)
});
export const EventsFile = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	events: z.array(Event)
});
export const GroupsFile = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	groups: z.array(LayerGroup)
});

export type PartialDate = z.infer<typeof PartialDate>;
export type DatePrecision = z.infer<typeof DatePrecision>;
export type DateSpan = z.infer<typeof DateSpan>;
export type Citation = z.infer<typeof Citation>;
export type Source = z.infer<typeof Source>;
export type Debris = z.infer<typeof Debris>;
export type Place = z.infer<typeof Place>;
export type LocationPrecision = z.infer<typeof LocationPrecision>;
export type LayerGroup = z.infer<typeof LayerGroup>;
export type SymbolShape = z.infer<typeof SymbolShape>;
export type Event = z.infer<typeof Event>;
export type PlaceRole = z.infer<typeof PlaceRole>;
