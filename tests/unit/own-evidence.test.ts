import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownEvidenceCollection, type KnownEvidence } from '$lib/evidence/own-evidence';
import { placeFeature } from '$lib/evidence/features';
import type { Event, Place } from '$lib/schema/model';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const shippedPlaces: Place[] = json('geodata/places.json').places;
const torkham = shippedPlaces.find((p) => p.id === 'torkham')!;
const voa = json(`geodata/sources/${torkham.mentions[0]!.source}.json`);

const known: KnownEvidence = {
	places: [
		placeFeature(torkham, 3, {
			source: () => ({ title: voa.title, publisher: voa.publisher, dateText: 'January 2024' })
		})
	],
	events: [],
	sources: [{ id: voa.id, title: voa.title, publisher: voa.publisher, kind: voa.kind }]
};

const mySource = {
	id: 'dawn-2025-02',
	title: 'Crossing reopens',
	publisher: 'Dawn',
	kind: 'news' as const,
	date: { start: '2025-02', precision: 'month' as const, basis: 'explicit' as const }
};
const jalalabad: Place = {
	id: 'jalalabad',
	name: 'Jalalabad',
	aliases: [],
	type: 'city',
	country: 'AF',
	coordinates: [70.45, 34.43],
	precision: 'exact',
	coordinateSource: 'GeoNames 1138958 (from the atlas gazetteer)',
	mentions: [{ source: 'dawn-2025-02', paragraph: 'p1', quote: 'trucks bound for Jalalabad' }]
};
const event = (overrides: Partial<Event> = {}): Event => ({
	id: 'torkham-reopens',
	title: 'Torkham reopens',
	summary: 'The crossing reopened.',
	date: { start: '2025-02', precision: 'month', basis: 'explicit' },
	places: [
		{ place: 'torkham', role: 'site' },
		{ place: 'jalalabad', role: 'destination' }
	],
	actors: [],
	type: 'crossing reopened',
	group: 'crossings',
	citations: [{ source: 'dawn-2025-02', paragraph: 'p1', quote: 'The Torkham crossing reopened' }],
	...overrides
});

describe('own evidence as a collection', () => {
	it('resolves shipped and own places and sources, as the shipped features are built', () => {
		const { collection, problems } = ownEvidenceCollection(
			{ sources: [mySource], places: [jalalabad], events: [event()] },
			known
		);
		expect(problems).toEqual([]);
		expect(collection).toMatchObject({
			id: 'browser',
			label: 'Added in this browser',
			origin: { kind: 'browser' }
		});
		const [e] = collection.events;
		expect(e!.properties.places.map((p) => p.name)).toEqual(['Torkham', 'Jalalabad']);
		expect(e!.properties.dateText).toBe('February 2025');
		expect(e!.geometry).toEqual({ type: 'MultiPoint', coordinates: [torkham.coordinates, [70.45, 34.43]] });
		expect(e!.properties.citations[0]).toMatchObject({
			sourceTitle: 'Crossing reopens',
			sourceDate: 'February 2025'
		});
		expect(collection.places[0]!.properties).toMatchObject({ id: 'jalalabad', eventCount: 1 });
		expect(collection.sources).toEqual([
			{ id: 'dawn-2025-02', title: 'Crossing reopens', publisher: 'Dawn', kind: 'news' }
		]);
	});

	it('cites a shipped source with the date its citations carry', () => {
		const cited = event({ citations: [{ source: voa.id, paragraph: 'p2', quote: 'a shipped passage' }] });
		const { collection } = ownEvidenceCollection(
			{ sources: [], places: [jalalabad], events: [cited] },
			known
		);
		expect(collection.events[0]!.properties.citations[0]).toMatchObject({
			source: voa.id,
			sourceDate: 'January 2024'
		});
	});

	it('leaves out a record whose references do not resolve, and names it', () => {
		const { collection, problems } = ownEvidenceCollection(
			{ sources: [mySource], places: [], events: [event()] },
			known
		);
		expect(collection.events).toEqual([]);
		expect(problems).toEqual([
			'Your event “Torkham reopens” is not shown: its place "jalalabad" is not known.'
		]);
	});
});
