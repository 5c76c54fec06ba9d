/**
 * A user's copy of a shipped record in the evidence store: a later collection's place or event
 * with the id of an earlier one stands in its place (the shipped Torkham with one more passage is
 * listed and drawn once, as the user's), and taking the collection away brings the shipped one back.
 */
import { describe, expect, it } from 'vitest';
import { EvidenceStore, type EvidenceCollection } from '$lib/evidence/store.svelte';
import type { EventFeature, PlaceFeature } from '$lib/schema/exported';

const place = (id: string, name: string) =>
	({
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [71, 34] },
		properties: { id, name }
	}) as unknown as PlaceFeature;
const event = (id: string, title: string) =>
	({ type: 'Feature', geometry: null, properties: { id, title } }) as unknown as EventFeature;

const collection = (id: string, places: PlaceFeature[], events: EventFeature[]): EvidenceCollection => ({
	id,
	label: id,
	origin: id === 'bundled' ? { kind: 'bundled' } : { kind: 'browser' },
	places,
	events
});

describe('a later collection’s copy of a record', () => {
	it('stands in the shipped record’s place, once, and goes with its collection', () => {
		const store = new EvidenceStore([]);
		store.put(
			collection(
				'bundled',
				[place('torkham', 'Torkham'), place('kabul', 'Kabul')],
				[event('closure', 'Closure'), event('talks', 'Talks')]
			)
		);
		store.put(
			collection(
				'browser',
				[place('torkham', 'Torkham (yours)'), place('jalalabad', 'Jalalabad')],
				[event('closure', 'Closure (yours)')]
			)
		);
		expect(store.places.map((p) => p.properties.name)).toEqual(['Torkham (yours)', 'Kabul', 'Jalalabad']);
		expect(store.events.map((e) => e.properties.title)).toEqual(['Closure (yours)', 'Talks']);
		expect(store.collectionOf.get('torkham')?.id).toBe('browser');

		store.remove('browser');
		expect(store.places.map((p) => p.properties.name)).toEqual(['Torkham', 'Kabul']);
		expect(store.events.map((e) => e.properties.title)).toEqual(['Closure', 'Talks']);
	});
});
