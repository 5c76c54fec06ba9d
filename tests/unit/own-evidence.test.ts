import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ownEvidenceCollection, type KnownEvidence } from '$lib/evidence/own-evidence';
import { placeFeature } from '$lib/evidence/features';
import type { Place } from '$lib/schema/model';
import { OWN_PLACE, OWN_SOURCE, ownEvent } from '../support/own-evidence';

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

const mySource = OWN_SOURCE;
const jalalabad = OWN_PLACE;
const event = ownEvent;

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
			sourceTitle: OWN_SOURCE.title,
			sourceDate: 'February 2025'
		});
		expect(collection.places[0]!.properties).toMatchObject({ id: 'jalalabad', eventCount: 1 });
		expect(collection.sources).toEqual([
			{ id: OWN_SOURCE.id, title: OWN_SOURCE.title, publisher: OWN_SOURCE.publisher, kind: 'news' }
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
			'Your event “Torkham reopens to Jalalabad traffic” is not shown: its place "jalalabad" is not known.'
		]);
	});
});
