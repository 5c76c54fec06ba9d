import { describe, expect, it } from 'vitest';
import { DrawnPoints } from '$lib/map/drawn-points';
import { eventFilters } from '$lib/map/data-layers';
import { dayNumber } from '$lib/time/day-number';
import type { EventFeature } from '$lib/schema/exported';

const event = (id: string, day: string): EventFeature => ({
	type: 'Feature',
	id,
	geometry: { type: 'Point', coordinates: [70, 33] },
	properties: {
		id,
		group: 'attacks',
		title: id,
		precision: 'exact',
		places: [{ id: 'p', name: 'P', role: 'site', precision: 'exact' }],
		dateFirst: day,
		dateLast: day
	} as EventFeature['properties']
});
const many = Array.from({ length: 10 }, (_, i) =>
	event(`e${i}`, `2024-03-${String(i + 1).padStart(2, '0')}`)
);

describe('DrawnPoints', () => {
	it('sends everything first, then only the points that come and go', () => {
		const drawn = new DrawnPoints();
		const first = drawn.update(many);
		expect(first.kind).toBe('all');
		expect(first.kind === 'all' && first.data.features.map((f) => f.properties.key)).toEqual(
			many.map((e) => `${e.properties.id}@0`)
		);
		// Two leave, one comes back: a change, not a copy.
		const change = drawn.update([...many.slice(0, 7), many[8]!]);
		expect(change).toEqual({ kind: 'diff', remove: ['e7@0', 'e9@0'], add: [] });
		expect(drawn.update([...many.slice(0, 8), many[8]!])).toMatchObject({
			kind: 'diff',
			remove: [],
			add: [{ properties: { key: 'e7@0' } }]
		});
		expect(drawn.size).toBe(9);
	});

	it('says when nothing changed, and sends a whole copy when most points change', () => {
		const drawn = new DrawnPoints();
		drawn.update(many);
		expect(drawn.update([...many])).toEqual({ kind: 'none' });
		expect(drawn.update(many.slice(0, 2)).kind).toBe('all');
	});

	it('sends an edited event again under its key', () => {
		const drawn = new DrawnPoints();
		drawn.update(many);
		const edited = { ...many[3]!, properties: { ...many[3]!.properties, title: 'Edited' } };
		expect(drawn.update(many.with(3, edited))).toMatchObject({
			kind: 'diff',
			remove: [],
			add: [{ properties: { key: 'e3@0', title: 'Edited' } }]
		});
	});
});

describe('eventFilters', () => {
	it('compares the points’ day numbers with the window’s, on every layer that draws events', () => {
		const filters = eventFilters({ from: '2024-03-01', to: '2024-03-31' });
		const window = [
			['<=', ['get', 'first'], dayNumber('2024-03-31')],
			['>=', ['get', 'last'], dayNumber('2024-03-01')]
		];
		expect(filters['events-symbol']).toEqual(['all', ['!', ['has', 'point_count']], ...window]);
		expect(filters['events-cluster']).toEqual(['all', ['has', 'point_count'], ...window]);
		expect(filters['events-precision'].slice(-2)).toEqual(window);
		expect(filters.highlight(['e1']).slice(-2)).toEqual(window);
		expect(eventFilters(null)['events-symbol']).toEqual(['all', ['!', ['has', 'point_count']]]);
	});

	it('leaves out the points of hidden groups at once, but not clusters (they have no group)', () => {
		const filters = eventFilters(null, ['attacks']);
		expect(filters['events-symbol']).toEqual([
			'all',
			['!', ['has', 'point_count']],
			['in', ['get', 'group'], ['literal', ['attacks']]]
		]);
		expect(filters['events-cluster']).toEqual(['all', ['has', 'point_count']]);
	});

	it('counts days from 1 January 1970', () => {
		expect(dayNumber('1970-01-01')).toBe(0);
		expect(dayNumber('2024-03-01')).toBe(19783);
		expect(dayNumber('2024-12-31') - dayNumber('2024-01-01')).toBe(365);
	});
});
