/**
 * A user's source can be deleted only when nothing cites it: the events whose citations or
 * stances quote it and the places whose passages come from it are found and named.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '$lib/server/data/load';
import type { Event, Place } from '$lib/schema/model';
import { citersOfSource, removalRefusal } from '$lib/authoring/source-removal';

const { events, places } = loadGeodata();
const cite = { source: 'herald-2024-05', paragraph: 'p2', quote: 'Shells fell' };
const own: Event = {
	...events[0]!,
	id: 'shelling-2024-05',
	title: 'Shelling near the crossing',
	citations: [cite]
};
const stance: Event = {
	...events[1]!,
	id: 'claimed-2024-05',
	title: 'A claim',
	contested: { note: 'who fired', stances: [{ party: 'Residents', stance: 'claims', citation: cite }] }
};
const place: Place = { ...places.find((p) => p.id === 'torkham')!, mentions: [...places[0]!.mentions, cite] };

describe('citersOfSource', () => {
	it('finds the events citing the source, by a citation or a stance, and the places it gives passages to', () => {
		const found = citersOfSource('herald-2024-05', [...events, own, stance], [...places, place]);
		expect(found.events.map((e) => e.id)).toEqual(['shelling-2024-05', 'claimed-2024-05']);
		expect(found.places.map((p) => p.id)).toEqual(['torkham']);
		expect(citersOfSource('herald-2024-05', events, places)).toEqual({ events: [], places: [] });
	});
});

describe('removalRefusal', () => {
	it('names what cites the source, a few at a time, and nothing when nothing does', () => {
		expect(removalRefusal({ events: [own], places: [] })).toBe(
			'It stays while the event “Shelling near the crossing” cites it: take its passages out of it, or delete it, first.'
		);
		const many = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ ...place, name }));
		expect(removalRefusal({ events: [own, stance], places: many })).toBe(
			'It stays while the events “Shelling near the crossing”, “A claim” and the places a, b, c and 2 more cite it: take its passages out of them, or delete them, first.'
		);
		expect(removalRefusal({ events: [], places: [] })).toBeNull();
	});
});
