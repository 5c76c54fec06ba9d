import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { sceneIndex, sceneStep, sceneTimeWindow } from '$lib/briefing/scene';
import { Deck } from '$lib/schema/briefing';

const deck = Deck.parse(JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')));

describe('scene URLs', () => {
	it('round-trips every scene: its id in the URL gives back its place in the deck', () => {
		deck.scenes.forEach((scene, i) => expect(sceneIndex(deck, scene.id)).toBe(i));
	});

	it.each([undefined, '', 'no-such-scene', '../print', '0'])('falls back to the first scene for %j', (id) => {
		expect(sceneIndex(deck, id)).toBe(0);
	});

	it('steps within the deck and stops at both ends', () => {
		const last = deck.scenes.length - 1;
		expect(sceneStep(deck, 0, 1)).toBe(1);
		expect(sceneStep(deck, 0, -1)).toBeNull();
		expect(sceneStep(deck, last, 1)).toBeNull();
		expect(sceneStep(deck, last, -last)).toBe(0);
		expect(sceneStep(deck, 3, 0)).toBeNull();
	});
});

describe('scene time window', () => {
	it.each([
		[
			{ from: '2023-09', to: '2023-09' },
			{ from: '2023-09-01', to: '2023-09-30' }
		],
		[
			{ from: '2024', to: '2024' },
			{ from: '2024-01-01', to: '2024-12-31' }
		],
		[
			{ from: '2021-08-15', to: '2022-02' },
			{ from: '2021-08-15', to: '2022-02-28' }
		]
	])('%j covers %j', (time, window) => expect(sceneTimeWindow({ time })).toEqual(window));

	it('is all time when the scene has none', () => expect(sceneTimeWindow({})).toBeNull());
});
