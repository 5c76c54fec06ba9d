import { describe, expect, it } from 'vitest';
import {
	deckFileText,
	deckWithScene,
	sceneFromSnapshot,
	SCENE_TEXT_PLACEHOLDER,
	slug
} from '$lib/briefing/capture';
import { Scene } from '$lib/schema/briefing';
import type { EventFeature, PlaceFeature } from '$lib/schema/exported';

const citation = {
	source: 'voa-2024-01',
	sourceTitle: 'T',
	publisher: 'P',
	sourceDate: 'January 2024',
	paragraph: 'p3',
	quote: 'a quote'
};
const event = {
	properties: { id: 'airstrikes', title: 'Airstrikes', citations: [citation, citation, citation, citation] }
} as unknown as EventFeature;
const place = {
	properties: { id: 'torkham', name: 'Torkham', mentions: [citation] }
} as unknown as PlaceFeature;
const view = { zoom: 6.123456, lat: 33.123456789, lng: 69.987654321 };
const deck = { scenes: [{ id: 'airstrikes' }] } as never;

describe('sceneFromSnapshot', () => {
	it('captures view, groups, window and the selected event with its citations, as a valid scene', () => {
		const scene = sceneFromSnapshot(
			{
				view,
				groups: ['strikes'],
				timeWindow: { from: '2024-03-01', to: '2024-03-31' },
				selectedEvent: event,
				inView: []
			},
			'Airstrikes',
			deck
		)!;
		expect(scene).toMatchObject({
			id: 'airstrikes-2',
			title: 'Airstrikes',
			text: SCENE_TEXT_PLACEHOLDER,
			camera: { center: [69.9877, 33.1235], zoom: 6.12 },
			groups: ['strikes'],
			time: { from: '2024-03', to: '2024-03' },
			highlight: { events: ['airstrikes'], places: [] }
		});
		expect(scene.citations).toHaveLength(3);
		expect(scene.citations[0]).toEqual({ source: 'voa-2024-01', paragraph: 'p3', quote: 'a quote' });
		expect(Scene.safeParse(scene).success).toBe(true);
	});

	it('cites a selected place by its mentions, and omits an all-time window', () => {
		const scene = sceneFromSnapshot(
			{ view, groups: [], timeWindow: null, selectedPlace: place, inView: [event] },
			'',
			deck
		)!;
		expect(scene.highlight).toEqual({ events: [], places: ['torkham'] });
		expect(scene.time).toBeUndefined();
		expect(scene.title).toBe('New scene');
		expect(Scene.safeParse(scene).success).toBe(true);
	});

	it('refuses a scene with nothing to cite', () => {
		expect(sceneFromSnapshot({ view, groups: [], timeWindow: null, inView: [] }, 'Empty', deck)).toBeNull();
	});
});

describe('deck file', () => {
	it('appends the scene and writes tab-indented JSON', () => {
		const d = { schemaVersion: 1, id: 'x', title: 'X', summary: 'S', scenes: [] } as never;
		const text = deckFileText(deckWithScene(d, { id: 'a' } as never));
		expect(text).toBe(
			'{\n\t"schemaVersion": 1,\n\t"id": "x",\n\t"title": "X",\n\t"summary": "S",\n\t"scenes": [\n\t\t{\n\t\t\t"id": "a"\n\t\t}\n\t]\n}\n'
		);
	});

	it.each([
		['Pakistan’s airstrikes, March 2024!', 'pakistan-s-airstrikes-march-2024'],
		['Khyber Pakhtūnkhwā', 'khyber-pakhtunkhwa'],
		['***', 'scene']
	])('slugs %s', (text, expected) => expect(slug(text)).toBe(expected));
});
