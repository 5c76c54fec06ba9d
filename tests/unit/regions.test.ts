/**
 * The sub-national regions the sources name (southern Khyber Pakhtunkhwa; eastern, north-eastern
 * and southern Afghanistan): drawn as honest label anchors inside the country they belong to,
 * holding the passages that name them, and pointed at by the events that happen there instead of
 * the province's or the country's label point.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { feature } from 'topojson-client';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Topology } from 'topojson-specification';
import { loadGeodata } from '$lib/server/data/load';
import { findPlaceMentions } from '$lib/server/data/mentions';

const { places, events, sources } = loadGeodata();
const placeById = new Map(places.map((p) => [p.id, p]));
const topo = JSON.parse(readFileSync('geodata/basemap.topo.json', 'utf8')) as Topology;
const countries = (
	feature(topo, topo.objects.countries!) as unknown as { features: Feature<Polygon | MultiPolygon>[] }
).features;
/** The two mapped countries by ISO alpha-2, as the basemap keys them (ISO numeric). */
const COUNTRY_ID: Record<string, string> = { AF: '004', PK: '586' };

const REGIONS = [
	'southern-khyber-pakhtunkhwa',
	'eastern-afghanistan',
	'northeastern-afghanistan',
	'southern-afghanistan'
];

describe('regions named in the sources', () => {
	it.each(REGIONS)('%s is a hand-placed area label, cited, inside its country', (id) => {
		const region = placeById.get(id)!;
		expect(region, id).toBeDefined();
		expect(region.type).toBe('region');
		expect(region.precision).toBe('area');
		expect(region.coordinateSource).toMatch(/^Hand-entered from outside knowledge: approximate centre of /);
		expect(region.boundary).toBeUndefined();
		expect(region.mentions.length).toBeGreaterThan(0);
		const country = countries.find((f) => String(f.id ?? f.properties?.id) === COUNTRY_ID[region.country!]);
		expect(country, region.country).toBeDefined();
		expect(booleanPointInPolygon(region.coordinates, country!)).toBe(true);
	});

	it('keeps every region without a province inside the mapped country it claims', () => {
		const checked = places.filter(
			(p) => p.type === 'region' && p.country && COUNTRY_ID[p.country] && !p.province
		);
		expect(checked.map((p) => p.id)).toEqual(
			expect.arrayContaining(['eastern-afghanistan', 'northeastern-afghanistan', 'southern-afghanistan'])
		);
		for (const p of checked) {
			const country = countries.find((f) => String(f.id ?? f.properties?.id) === COUNTRY_ID[p.country!])!;
			expect(booleanPointInPolygon(p.coordinates, country), p.id).toBe(true);
		}
	});

	it('leaves the passages about the south of the province to the southern region', () => {
		const kp = placeById.get('khyber-pakhtunkhwa-province')!;
		expect(kp.mentions.filter((m) => /\bsouth(ern)?\b/i.test(m.quote))).toEqual([]);
		const fnf = sources.find((s) => s.meta.id === 'fnf-2024-04')!;
		const found = findPlaceMentions(fnf, places);
		for (const paragraph of ['p130', 'p255']) {
			const text = fnf.paragraphs.find((p) => p.id === paragraph)!.text;
			const named = found[paragraph]!.filter((m) => /Khyber Pakhtunkhwa/.test(text.slice(m.start, m.end)));
			expect(
				named.map((m) => m.place),
				paragraph
			).toEqual(['southern-khyber-pakhtunkhwa']);
		}
	});

	it.each([
		['gul-bahadur-group-attacks-on-security-forces-2023-2024', ['southern-khyber-pakhtunkhwa']],
		['ttp-gul-bahadur-merger-talks-2024', ['southern-khyber-pakhtunkhwa']],
		['iskp-threat-in-eastern-afghanistan', ['eastern-afghanistan']],
		['taliban-operations-against-iskp', ['eastern-afghanistan', 'northeastern-afghanistan']],
		['nifma-established-2022-03', ['eastern-afghanistan', 'southern-afghanistan']],
		[
			'peoples-democratic-party-of-afghanistan-established-2022-04',
			['eastern-afghanistan', 'southern-afghanistan']
		]
	])('%s is drawn at the regions its passages name', (id, regions) => {
		const event = events.find((e) => e.id === id)!;
		expect(event.places.map((p) => p.place)).toEqual(regions);
	});
});
