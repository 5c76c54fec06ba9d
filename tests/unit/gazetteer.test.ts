/**
 * The outside gazetteer, geodata/gazetteer.json: the committed extract passes its validator and
 * holds what the extraction promises (both countries' places and provinces, GeoNames ids and
 * provenance, Latin- and Arabic-script names only, provinces by point-in-polygon, atlas places
 * linked), and intentionally broken variants fail with messages naming the entry and field.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { readGeodata } from '$lib/server/data/read';
import { validateGeodata } from '$lib/server/data/validate';
import { formatProblem } from '$lib/server/data/problems';
import { GAZETTEER_FILE, validateGazetteer } from '$lib/server/data/gazetteer';
import { ATLAS_LINK_KM } from '$lib/server/gazetteer/rules';
import {
	GazetteerFile,
	LARGE_CITY_POPULATION,
	decodeGazetteer,
	gazetteerPrecision,
	type GazetteerEntry
} from '$lib/schema/gazetteer';
import { nameKey } from '$lib/corpus/name-matching';

const raw = readFileSync(`geodata/${GAZETTEER_FILE}`, 'utf8');
const files = readGeodata();
const { data } = validateGeodata(files);
const context = { places: data!.places, provinces: data!.provinces };
const file = GazetteerFile.parse(JSON.parse(raw));
const entries = decodeGazetteer(file);

/** The validator's messages for a variant of the committed file. */
function problemsOf(mutate: (file: GazetteerFile) => void): string[] {
	const copy = JSON.parse(raw) as GazetteerFile;
	mutate(copy);
	const variant = new Map(files);
	variant.set(GAZETTEER_FILE, JSON.stringify(copy));
	return validateGazetteer(variant, context).problems.map(formatProblem);
}

const withGazetteer = () => new Map(files).set(GAZETTEER_FILE, raw);
const byName = (name: string) => entries.filter((e) => e.asciiName === name || e.name === name);
const province = (code: string) => data!.provinces.features.find((f) => f.properties?.code === code)!;

describe('geodata/gazetteer.json', () => {
	it('passes its validator', () => {
		const { gazetteer, problems } = validateGazetteer(withGazetteer(), context);
		expect(problems.map(formatProblem)).toEqual([]);
		expect(gazetteer?.entries.length).toBe(file.entries.length);
	});

	it('names its sources, their versions and the licence that requires attribution', () => {
		expect(file.provenance.licence).toBe('CC BY 4.0');
		expect(file.provenance.attribution).toContain('GeoNames');
		expect(file.provenance.places.version).toMatch(/^\d+\.\d+\.\d+$/);
		const peshawar = byName('Peshawar')[0]!;
		expect(peshawar.provenance).toBe(
			`GeoNames ${peshawar.geonameId}, via ${file.provenance.places.package} ${file.provenance.places.version}, CC BY 4.0`
		);
	});

	it('holds the populated places of both countries and every province of the basemap once', () => {
		const towns = entries.filter((e) => e.kind === 'populated-place');
		for (const country of ['AF', 'PK'])
			expect(towns.filter((e) => e.country === country).length, country).toBeGreaterThan(300);
		expect(towns.every((e) => e.geonameId !== null && /^PPL/.test(e.featureCode))).toBe(true);
		const provinces = entries.filter((e) => e.kind === 'province').map((e) => e.province);
		const basemap = data!.provinces.features
			.map((f) => String(f.properties?.code))
			.filter((c) => c !== 'PK-TA');
		expect([...provinces].sort()).toEqual([...basemap].sort());
		expect(new Set(entries.map((e) => e.key)).size).toBe(entries.length);
	});

	it('has the towns a new text is likely to name that the atlas lacks', () => {
		for (const [name, code] of [
			['Peshawar', 'PK-KP'],
			['Jalalabad', 'AF-NAN'],
			['Quetta', 'PK-BA'],
			['Miran Shah', 'PK-KP'],
			['Chaman', 'PK-BA']
		] as const) {
			const [entry, ...more] = byName(name);
			expect(more, name).toEqual([]);
			expect(entry?.province, name).toBe(code);
			expect(entry?.atlas, name).toBeNull();
			expect(booleanPointInPolygon(entry!.coordinates, province(code)), name).toBe(true);
		}
	});

	it('keeps Arabic-script names, and no name in another script, in lower case or as a code', () => {
		const arabic = entries.filter((e) => e.alternateNames.some((n) => /\p{Script=Arabic}/u.test(n)));
		expect(arabic.length).toBeGreaterThan(300);
		expect(byName('Peshawar')[0]!.alternateNames).toContain('پشاور');
		for (const e of entries) {
			for (const n of e.alternateNames) {
				const letters = n.match(/\p{L}/gu) ?? [];
				const latin = letters.every((l) => /\p{Script=Latin}/u.test(l));
				const inArabic = letters.every((l) => /\p{Script=Arabic}/u.test(l));
				expect(latin || inArabic, `${e.key}: ${n}`).toBe(true);
				if (latin) expect(n, e.key).toMatch(/^\p{Lu}.*\p{Ll}/u);
			}
			// No spelling twice once diacritics are folded: Jalālābād and Jalalabad are one name.
			const keys = [e.name, ...e.alternateNames].map(nameKey);
			expect(new Set(keys).size, e.key).toBe(keys.length);
		}
	});

	it('places each town in the province whose polygon holds it', () => {
		let outside = 0;
		for (const e of entries.filter((x) => x.kind === 'populated-place')) {
			const holding = data!.provinces.features.filter(
				(f) => f.properties?.country === e.country && booleanPointInPolygon(e.coordinates, f)
			);
			// KP includes the former FATA, whose polygon is kept too as a historical layer.
			const codes = holding.map((f) => String(f.properties?.code)).filter((c) => c !== 'PK-TA');
			if (codes.length) expect(codes, e.key).toEqual([e.province]);
			else outside++; // just off a simplified coast or border: the nearest province (the validator checks how near)
		}
		expect(outside).toBeLessThan(10);
	});

	it('links the atlas places it duplicates, and only those', () => {
		const linked = new Map<string, GazetteerEntry[]>();
		for (const e of entries) if (e.atlas) linked.set(e.atlas, [...(linked.get(e.atlas) ?? []), e]);
		// Atlas places whose coordinates the atlas took from a GeoNames record of the same name.
		for (const id of ['kabul', 'kandahar', 'islamabad', 'karachi', 'tank-district', 'chitral-district']) {
			expect(linked.get(id)?.length, id).toBe(1);
		}
		for (const id of ['kunar-province', 'khyber-pakhtunkhwa-province', 'khost-province'])
			expect(linked.get(id)?.[0]?.kind, id).toBe('province');
		// The town of Khost is not Khost province, and Miran Shah is not North Waziristan.
		expect(byName('Khōst')[0]!.atlas).toBeNull();
		expect(byName('Miran Shah')[0]!.atlas).toBeNull();
		expect(ATLAS_LINK_KM).toBeLessThan(50);
	});

	it('labels a province an area, a large city approximate and a town exact', () => {
		expect(entries.filter((e) => e.kind === 'province').every((e) => e.precision === 'area')).toBe(true);
		expect(byName('Peshawar')[0]!.precision).toBe('approximate');
		expect(byName('Jalalabad')[0]!.precision).toBe('exact');
		expect(gazetteerPrecision('populated-place', LARGE_CITY_POPULATION)).toBe('approximate');
		expect(gazetteerPrecision('populated-place', LARGE_CITY_POPULATION - 1)).toBe('exact');
		expect(gazetteerPrecision('populated-place', null)).toBe('exact');
		expect(gazetteerPrecision('province', null)).toBe('area');
	});
});

describe('validateGazetteer', () => {
	const peshawarAt = (f: GazetteerFile) => f.entries.findIndex((e) => e[2] === 'Peshawar');

	it('reports a missing file and malformed JSON', () => {
		expect(validateGazetteer(new Map(), context).problems.map(formatProblem)).toEqual([
			'gazetteer.json: file is missing: run npm run gazetteer'
		]);
		const broken = new Map([[GAZETTEER_FILE, '{"schemaVersion": 1,']]);
		expect(validateGazetteer(broken, context).problems[0]!.message).toMatch(/^not valid JSON/);
	});

	it('names the entry and the column of a schema error', () => {
		expect(
			problemsOf((f) => {
				f.entries[peshawarAt(f)]![3] = 'IN' as 'PK';
			})
		).toEqual([expect.stringMatching(/^gazetteer\.json › record "1168197" › field country: /)]);
		expect(problemsOf((f) => (f.fields = ['id', 'name']))).toEqual([
			expect.stringMatching(/^gazetteer\.json › field fields: must be \["id","name","asciiName"/)
		]);
	});

	it('reports an unknown or distant atlas place, and one without the entry’s names', () => {
		expect(problemsOf((f) => (f.entries[peshawarAt(f)]![9] = 'nowhere'))).toEqual([
			'gazetteer.json › record "1168197" › field atlas: unknown place "nowhere"'
		]);
		expect(problemsOf((f) => (f.entries[peshawarAt(f)]![9] = 'torkham'))).toEqual([
			'gazetteer.json › record "1168197" › field atlas: "torkham" has none of this entry\'s names'
		]);
		expect(
			problemsOf((f) => {
				const tank = f.entries.find((e) => e[9] === 'tank-district')!;
				tank[7] += 0.3; // about 28 km east, still in Khyber Pakhtunkhwa
			})
		).toEqual([
			expect.stringMatching(/record "\d+" › field atlas: "tank-district" is 2\d km away \(more than 25 km\)/)
		]);
		expect(problemsOf((f) => (f.entries[peshawarAt(f)]![9] = 'kunar-province'))).toEqual([
			'gazetteer.json › record "1168197" › field atlas: "kunar-province" is a province, not a point place'
		]);
	});

	it('reports a point outside the province it claims, and a province of another country', () => {
		expect(problemsOf((f) => (f.entries[peshawarAt(f)]![4] = 'PK-BA'))).toEqual([
			expect.stringMatching(
				/record "1168197" › field lat: \[71\.57849, 34\.008\] is not inside PK-BA \(Balochistan\)/
			)
		]);
		expect(problemsOf((f) => (f.entries[peshawarAt(f)]![4] = 'AF-NAN'))).toEqual([
			'gazetteer.json › record "1168197" › field province: AF-NAN is not in country PK',
			expect.stringMatching(/field lat: .* is not inside AF-NAN/)
		]);
	});

	it('reports a duplicate id and names for an entry that does not exist', () => {
		expect(
			problemsOf((f) => {
				f.entries.push([...f.entries[peshawarAt(f)]!]);
				f.alternateNames['999999999'] = 'Nowhere';
			})
		).toEqual([
			'gazetteer.json › record "1168197" › field id: id used by more than one entry',
			'gazetteer.json › record "999999999" › field alternateNames: names for an entry that does not exist'
		]);
	});
});

describe('decodeGazetteer', () => {
	it('turns tuples into records with their names, precision and provenance', () => {
		const tiny: GazetteerFile = {
			...file,
			entries: [
				[1168197, 'Peshāwar', 'Peshawar', 'PK', 'PK-KP', 'PPLA', 1218773, 71.57849, 34.008, null],
				['AF-PIA', 'Paktia', 'Paktia', 'AF', 'AF-PIA', 'ADM1', 0, 69.4, 33.6, null]
			],
			alternateNames: { '1168197': 'Peschawar|پشاور' }
		};
		const [town, area] = decodeGazetteer(tiny);
		expect(town).toMatchObject({
			key: 'geonames-1168197',
			geonameId: 1168197,
			alternateNames: ['Peschawar', 'پشاور'],
			kind: 'populated-place',
			coordinates: [71.57849, 34.008],
			precision: 'approximate'
		});
		expect(area).toMatchObject({
			key: 'province-af-pia',
			geonameId: null,
			kind: 'province',
			population: null
		});
		expect(area!.alternateNames).toEqual([]);
		expect(area!.provenance).toContain('(AF-PIA)');
	});
});
