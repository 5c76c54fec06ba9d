import { describe, expect, it } from 'vitest';
import { eventInBounds, eventPoints, isAreaOnly } from '$lib/map/event-points';
import type { EventFeature, EventPlace } from '$lib/schema/exported';

function event(
	id: string,
	group: string,
	coordinates: [number, number][],
	places: EventPlace[]
): EventFeature {
	return {
		type: 'Feature',
		id,
		geometry:
			coordinates.length === 1
				? { type: 'Point', coordinates: coordinates[0]! }
				: { type: 'MultiPoint', coordinates },
		properties: {
			id,
			group,
			title: id,
			precision: 'area',
			places,
			dateFirst: '2024-03-01',
			dateLast: '2024-03-31'
		} as EventFeature['properties']
	};
}

const strikes = event(
	'strikes',
	'strikes',
	[
		[70, 33.3],
		[69.2, 34.5]
	],
	[
		{ id: 'khost-province', name: 'Khost', role: 'target', precision: 'area' },
		{ id: 'kabul', name: 'Kabul', role: 'mentioned', precision: 'exact' },
		{ id: 'torkham', name: 'Torkham', role: 'site', precision: 'approximate' }
	]
);
const talks = event(
	'talks',
	'diplomacy',
	[[69.2, 34.5]],
	[{ id: 'kabul', name: 'Kabul', role: 'venue', precision: 'exact' }]
);

const inKhost = event(
	'in-khost',
	'strikes',
	[[70, 33.3]],
	[{ id: 'khost-province', name: 'Khost', role: 'target', precision: 'area' }]
);

describe('eventPoints', () => {
	it('draws one point per drawn place, each with its own precision and a unique key', () => {
		const { features } = eventPoints([strikes, talks]);
		expect(features.map((f) => [f.properties.key, f.properties.precision])).toEqual([
			['strikes@1', 'approximate'],
			['talks@0', 'exact']
		]);
		expect(features[0]!.geometry.coordinates).toEqual([69.2, 34.5]);
		// The days the time filter compares on the GPU: 1 and 31 March 2024, counted from 1970.
		expect([features[0]!.properties.first, features[0]!.properties.last]).toEqual([19783, 19813]);
	});

	it('makes an event’s points once', () => {
		expect(eventPoints([talks]).features[0]).toBe(eventPoints([talks, strikes]).features[0]);
	});

	it('never draws a place known only as a whole area as a point', () => {
		expect(eventPoints([inKhost]).features).toEqual([]);
		expect(eventPoints([strikes]).features.map((f) => f.properties.precision)).not.toContain('area');
	});
});

describe('isAreaOnly', () => {
	it('is true only when every drawn place is a whole area', () => {
		expect(isAreaOnly(inKhost)).toBe(true);
		expect(isAreaOnly(strikes)).toBe(false);
		expect(isAreaOnly(talks)).toBe(false);
	});
});

describe('eventInBounds', () => {
	it('is in view when any of its points is', () => {
		expect(eventInBounds(strikes, [69, 34, 70, 35])).toBe(true);
		expect(eventInBounds(strikes, [60, 25, 65, 30])).toBe(false);
		expect(eventInBounds(talks, [69.2, 34.5, 69.2, 34.5])).toBe(true);
	});
});
