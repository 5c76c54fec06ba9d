/**
 * The published GeoJSON (build/data/*.geojson): RFC 7946 shape, the export contract's fields,
 * and a golden case built from a small slice of the data.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON, placesGeoJSON } from '$lib/server/data/export';
import type { Geodata } from '$lib/server/data/validate';

const data = loadGeodata();
const places = placesGeoJSON(data);
const events = eventsGeoJSON(data);

function isPosition(p: unknown): boolean {
	return Array.isArray(p) && p.length === 2 && Math.abs(p[0]) <= 180 && Math.abs(p[1]) <= 90;
}

describe('places.geojson', () => {
	it('is an RFC 7946 FeatureCollection of Points, one per gazetteer place', () => {
		expect(places.type).toBe('FeatureCollection');
		expect(places.features).toHaveLength(data.places.length);
		for (const f of places.features) {
			expect(f.type).toBe('Feature');
			expect(f.geometry.type).toBe('Point');
			expect(isPosition(f.geometry.coordinates), f.id as string).toBe(true);
			expect(f.id).toBe(f.properties.id);
		}
	});

	it('carries names, aliases and every mention with its quote and source', () => {
		const torkham = places.features.find((f) => f.id === 'torkham')!;
		expect(torkham.properties.name).toBe('Torkham');
		expect(torkham.properties.aliases.length).toBeGreaterThan(0);
		expect(torkham.properties.mentions[0]).toMatchObject({
			source: 'fnf-2024-04',
			sourceTitle: expect.stringContaining('Pakistan')
		});
		const total = places.features.reduce((n, f) => n + f.properties.mentions.length, 0);
		expect(total).toBe(data.places.reduce((n, p) => n + p.mentions.length, 0));
	});
});

describe('events.geojson', () => {
	it('is an RFC 7946 FeatureCollection of Points and MultiPoints, one per event, oldest first', () => {
		expect(events.features).toHaveLength(data.events.length);
		for (const f of events.features) {
			const g = f.geometry;
			if (g.type === 'Point') expect(isPosition(g.coordinates)).toBe(true);
			else {
				expect(g.type).toBe('MultiPoint');
				expect(g.coordinates.length).toBeGreaterThan(1);
				for (const c of g.coordinates) expect(isPosition(c)).toBe(true);
			}
		}
		const firsts = events.features.map((f) => f.properties.dateFirst);
		expect(firsts).toEqual([...firsts].sort());
	});

	it('carries the title, the date in words and every citation with its quote', () => {
		for (const f of events.features) {
			const source = data.events.find((e) => e.id === f.id)!;
			expect(f.properties.title).toBe(source.title);
			expect(f.properties.citations.map((c) => c.quote)).toEqual(source.citations.map((c) => c.quote));
			expect(f.properties.dateText.length).toBeGreaterThan(3);
		}
	});

	it('is deterministic', () => {
		expect(JSON.stringify(eventsGeoJSON(data))).toBe(JSON.stringify(events));
		expect(JSON.stringify(placesGeoJSON(data))).toBe(JSON.stringify(places));
	});
});

describe('golden: a two-place, one-event slice', () => {
	const torkham = data.places.find((p) => p.id === 'torkham')!;
	const kp = data.places.find((p) => p.id === 'khyber-pakhtunkhwa-province')!;
	const slice: Geodata = {
		...data,
		places: [torkham, kp],
		events: [
			{
				id: 'golden-closure',
				title: 'Torkham closed',
				summary: 'Our words.',
				date: { start: '2023-09', precision: 'month', basis: 'inferred', note: 'From context.' },
				places: [
					{ place: 'torkham', role: 'site' },
					{ place: 'khyber-pakhtunkhwa-province', role: 'site' }
				],
				actors: ['Pakistan government'],
				type: 'border-closure',
				group: 'crossings',
				citations: [torkham.mentions[0]!]
			}
		]
	};

	it('draws an event at all its sites, at the coarsest precision, with its citation resolved', () => {
		const [event] = eventsGeoJSON(slice).features;
		expect(event).toEqual({
			type: 'Feature',
			id: 'golden-closure',
			geometry: { type: 'MultiPoint', coordinates: [torkham.coordinates, kp.coordinates] },
			properties: {
				id: 'golden-closure',
				title: 'Torkham closed',
				summary: 'Our words.',
				date: { start: '2023-09', precision: 'month', basis: 'inferred', note: 'From context.' },
				dateText: 'September 2023',
				dateFirst: '2023-09-01',
				dateLast: '2023-09-30',
				group: 'crossings',
				type: 'border-closure',
				actors: ['Pakistan government'],
				precision: 'area',
				places: [
					{ id: 'torkham', name: 'Torkham', role: 'site', precision: torkham.precision },
					{ id: 'khyber-pakhtunkhwa-province', name: kp.name, role: 'site', precision: 'area' }
				],
				contested: null,
				citations: [
					{
						source: 'fnf-2024-04',
						sourceTitle: data.sources.find((s) => s.meta.id === 'fnf-2024-04')!.meta.title,
						publisher:
							'Friedrich Naumann Foundation for Freedom (Friedrich-Naumann-Stiftung für die Freiheit)',
						sourceDate: 'April 2024',
						paragraph: torkham.mentions[0]!.paragraph,
						quote: torkham.mentions[0]!.quote
					}
				]
			}
		});
		const placeCounts = placesGeoJSON(slice).features.map((f) => [f.id, f.properties.eventCount]);
		expect(placeCounts).toEqual([
			['torkham', 1],
			['khyber-pakhtunkhwa-province', 1]
		]);
	});
});

describe('the feature builder shared with the browser', () => {
	it('names the reference that does not resolve instead of writing a broken feature', async () => {
		const { eventFeature } = await import('$lib/evidence/features');
		const event = { ...data.events[0]!, places: [{ place: 'nowhere-at-all', role: 'site' as const }] };
		const lookups = {
			source: () => ({ title: 't', publisher: 'p', dateText: 'd' }),
			place: () => undefined
		};
		expect(() => eventFeature(event, lookups)).toThrow('place "nowhere-at-all" is not known');
	});
});
