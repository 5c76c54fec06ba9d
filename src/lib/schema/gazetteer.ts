/**
 * The outside gazetteer, `geodata/gazetteer.json`: the populated places and provinces of
 * Afghanistan and Pakistan from GeoNames, used to propose places that a new text names and the
 * atlas does not know yet. It is written by `npm run gazetteer`, checked by the validator
 * (src/lib/server/data/gazetteer.ts) and published at /data/gazetteer.json for the browser.
 *
 * To stay small it is stored as tuples under a `fields` header, with the alternative names in a
 * separate map; `decodeGazetteer` turns it into plain records. The atlas's own places remain the
 * authority: an entry that is an atlas place names it in `atlas`.
 */
import { z } from 'zod';
import { Id, ProvinceCode, type LocationPrecision } from './model.ts';

export const GAZETTEER_SCHEMA_VERSION = 1;

/** The columns of an entry, in order. */
export const GAZETTEER_FIELDS = [
	'id',
	'name',
	'asciiName',
	'country',
	'province',
	'featureCode',
	'population',
	'lon',
	'lat',
	'atlas'
] as const;

/** Separates the alternative names of an entry in `alternateNames` (no name contains it). */
export const NAME_SEPARATOR = '|';

/** GeoNames feature codes of populated places (PPL, PPLA, PPLC, ...); ADM1 for a province. */
export const FeatureCode = z
	.string()
	.regex(/^(PPL[A-Z0-9]{0,2}|ADM1)$/, 'must be a GeoNames PPL* code or ADM1');

const Name = z
	.string()
	.min(1)
	.refine(
		(s) => s.trim() === s && !s.includes(NAME_SEPARATOR),
		`must be trimmed and hold no "${NAME_SEPARATOR}"`
	);

export const GazetteerTuple = z.tuple([
	/** The GeoNames id of a populated place, or the ISO 3166-2 code of a province. */
	z.union([z.number().int().positive(), ProvinceCode]),
	Name,
	/** GeoNames' plain-ASCII spelling (for provinces, the name itself). */
	Name,
	z.enum(['AF', 'PK']),
	/** The province the point lies in, by point-in-polygon against the basemap; null if none. */
	ProvinceCode.nullable(),
	FeatureCode,
	/** GeoNames population; 0 means unknown. */
	z.number().int().min(0),
	z.number().min(-180).max(180),
	z.number().min(-90).max(90),
	/** The atlas place (geodata/places.json) this entry is, when the atlas has it. */
	Id.nullable()
]);

export const GazetteerProvenance = z.strictObject({
	generator: z.string().min(1),
	/** The package the populated places come from, its version, and what it holds. */
	places: z.strictObject({ package: z.string().min(1), version: z.string().min(1), data: z.string().min(1) }),
	/** The package the GeoNames names of provinces come from. */
	provinceNames: z.strictObject({
		package: z.string().min(1),
		version: z.string().min(1),
		data: z.string().min(1)
	}),
	/** Where the provinces' points and codes come from. */
	provincePoints: z.string().min(1),
	/** How each place's province was found. */
	provinceOfPlace: z.string().min(1),
	licence: z.literal('CC BY 4.0'),
	attribution: z.string().min(1)
});

export const GazetteerFile = z.strictObject({
	schemaVersion: z.literal(GAZETTEER_SCHEMA_VERSION),
	provenance: GazetteerProvenance,
	/** The column names, which must be GAZETTEER_FIELDS: a reader of the file needs no code to read it. */
	fields: z
		.array(z.string())
		.refine((f) => f.join() === GAZETTEER_FIELDS.join(), `must be ${JSON.stringify(GAZETTEER_FIELDS)}`),
	entries: z.array(GazetteerTuple),
	/** Alternative names by entry id (as a string), joined by NAME_SEPARATOR. */
	alternateNames: z.record(z.string().min(1), z.string().min(1))
});

export type GazetteerFile = z.infer<typeof GazetteerFile>;
export type GazetteerTuple = z.infer<typeof GazetteerTuple>;

export type GazetteerKind = 'populated-place' | 'province';

/** One gazetteer entry as the matcher and the UI use it. */
export interface GazetteerEntry {
	/** Stable kebab-case key: `geonames-1168197`, or `province-af-pia`. */
	key: string;
	/** The GeoNames id; null for provinces (their points come from the basemap). */
	geonameId: number | null;
	name: string;
	asciiName: string;
	/** Every other spelling kept: Latin and Arabic script (Urdu, Pashto, Dari, Arabic alike). */
	alternateNames: string[];
	country: 'AF' | 'PK';
	province: string | null;
	kind: GazetteerKind;
	featureCode: string;
	/** GeoNames population; null when unknown. */
	population: number | null;
	/** WGS84 [longitude, latitude]. */
	coordinates: [number, number];
	/** How well the point stands for the place (see `gazetteerPrecision`). */
	precision: LocationPrecision;
	/** Where the entry comes from, in words, with its licence. */
	provenance: string;
	/** The atlas place this entry is, if any. */
	atlas: string | null;
}

/**
 * Cities of this many people or more are tens of kilometres across: a text that names one does
 * not say where in it, so their centre point is labelled approximate rather than exact.
 */
export const LARGE_CITY_POPULATION = 1_000_000;

/**
 * A province is an area (drawn as its polygon, never as a pin). A GeoNames populated place is a
 * town's centre: `exact` in the atlas's sense (a town at its known position), except for a large
 * city, which a point stands for only roughly.
 */
export function gazetteerPrecision(kind: GazetteerKind, population: number | null): LocationPrecision {
	if (kind === 'province') return 'area';
	return population !== null && population >= LARGE_CITY_POPULATION ? 'approximate' : 'exact';
}

/** The key of an entry from its id column. */
export const gazetteerKey = (id: number | string): string =>
	typeof id === 'number' ? `geonames-${id}` : `province-${id.toLowerCase()}`;

/** Plain records from the stored tuples, each with its provenance and precision. */
export function decodeGazetteer(file: GazetteerFile): GazetteerEntry[] {
	const { places, provinceNames, provincePoints } = file.provenance;
	return file.entries.map(
		([id, name, asciiName, country, province, featureCode, population, lon, lat, atlas]) => {
			const kind: GazetteerKind = featureCode === 'ADM1' ? 'province' : 'populated-place';
			const known = population > 0 ? population : null;
			const alternates = file.alternateNames[String(id)];
			return {
				key: gazetteerKey(id),
				geonameId: typeof id === 'number' ? id : null,
				name,
				asciiName,
				alternateNames: alternates ? alternates.split(NAME_SEPARATOR) : [],
				country,
				province,
				kind,
				featureCode,
				population: known,
				coordinates: [lon, lat],
				precision: gazetteerPrecision(kind, known),
				provenance:
					typeof id === 'number'
						? `GeoNames ${id}, via ${places.package} ${places.version}, ${file.provenance.licence}`
						: `${provincePoints} (${id}); names from GeoNames via ${provinceNames.package} ${provinceNames.version}, ${file.provenance.licence}`,
				atlas
			};
		}
	);
}
