/**
 * Editing a deck as pure functions: every result is still a valid deck (schema and, for the
 * shipped deck's copies, the same deck checks as the build), scene ids stay unique, and each
 * operation does what the editor's buttons say.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
	copyOfDeck,
	deckIdFor,
	dropIndex,
	duplicateScene,
	moveAnnouncement,
	moveScene,
	newDeck,
	recaptureScene,
	removeScene,
	restoreScene,
	updateScene,
	withCitations
} from '$lib/briefing/deck-editing';
import { Deck, type Deck as DeckData } from '$lib/schema/briefing';

const shipped = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as DeckData;
const deck = (): DeckData => structuredClone(shipped);
const ids = (d: DeckData) => d.scenes.map((s) => s.id);
const valid = (d: DeckData) => Deck.safeParse(d).success;

describe('moving scenes', () => {
	it.each([
		[0, 2, ['ttp-steps-up-attacks', 'talks-hosted-by-the-taliban', 'kabul-falls']],
		[2, 0, ['talks-hosted-by-the-taliban', 'kabul-falls', 'ttp-steps-up-attacks']],
		[1, 1, ['kabul-falls', 'ttp-steps-up-attacks', 'talks-hosted-by-the-taliban']],
		// Past either end, the move stops at the end.
		[0, 99, ['ttp-steps-up-attacks', 'talks-hosted-by-the-taliban', 'kabul-falls']],
		[2, -5, ['talks-hosted-by-the-taliban', 'kabul-falls', 'ttp-steps-up-attacks']]
	])('moves scene %i to %i', (from, to, expected) => {
		const three = { ...deck(), scenes: deck().scenes.slice(0, 3) };
		const moved = moveScene(three, from, to);
		expect(ids(moved)).toEqual(expected);
		expect(ids(three)).toEqual(['kabul-falls', 'ttp-steps-up-attacks', 'talks-hosted-by-the-taliban']);
	});

	it('announces where the scene went', () => {
		const moved = moveScene(deck(), 0, 1);
		expect(moveAnnouncement(moved, 1)).toBe(
			`Moved “${shipped.scenes[0]!.title}” to position 2 of ${shipped.scenes.length}.`
		);
	});

	it.each([
		// Middles of four rows at 10, 30, 50, 70; dragging row 0.
		[[10, 30, 50, 70], 0, 5, 0],
		[[10, 30, 50, 70], 0, 35, 1],
		[[10, 30, 50, 70], 0, 80, 3],
		// Dragging row 3 up above row 1's middle.
		[[10, 30, 50, 70], 3, 25, 1],
		[[10, 30, 50, 70], 3, 0, 0]
	])('drops a drag over middles %j from %i at y=%i on index %i', (middles, from, y, expected) => {
		expect(dropIndex(middles, from, y)).toBe(expected);
	});
});

describe('duplicating, deleting and undoing', () => {
	it('duplicates a scene right after it under a new id and title', () => {
		const { deck: d, index } = duplicateScene(deck(), 0);
		expect(index).toBe(1);
		expect(d.scenes[1]).toMatchObject({
			id: 'kabul-falls-copy',
			title: `${shipped.scenes[0]!.title} (copy)`
		});
		expect(d.scenes[1]!.citations).toEqual(shipped.scenes[0]!.citations);
		const again = duplicateScene(d, 0).deck;
		expect(ids(again).slice(0, 3)).toEqual(['kabul-falls', 'kabul-falls-copy-2', 'kabul-falls-copy']);
		expect(new Set(ids(again)).size).toBe(again.scenes.length);
		expect(valid(again)).toBe(true);
	});

	it('deletes a scene and restores it where it was', () => {
		const removed = removeScene(deck(), 4)!;
		expect(removed.removed.id).toBe(shipped.scenes[4]!.id);
		expect(ids(removed.deck)).not.toContain(shipped.scenes[4]!.id);
		const back = restoreScene(removed.deck, removed.removed, removed.index);
		expect(back).toEqual(shipped);
	});

	it('restores under a new id when the deck has a scene of that id again', () => {
		const removed = removeScene(deck(), 0)!;
		const clash = restoreScene(restoreScene(removed.deck, removed.removed, 0), removed.removed, 1);
		expect(ids(clash).slice(0, 2)).toEqual(['kabul-falls', 'kabul-falls-2']);
	});

	it('never deletes a deck’s only scene', () => {
		expect(removeScene({ ...deck(), scenes: [shipped.scenes[0]!] }, 0)).toBeNull();
	});
});

describe('changing a scene', () => {
	it('changes the fields it is given, never the id, and drops emptied notes', () => {
		const d = updateScene(deck(), 0, { title: 'New', notes: '' });
		expect(d.scenes[0]).toMatchObject({ id: 'kabul-falls', title: 'New' });
		expect('notes' in d.scenes[0]!).toBe(false);
		expect(valid(d)).toBe(true);
	});

	it('keeps the open passage only while a citation is from it', () => {
		const scene = { ...shipped.scenes[0]!, passage: { source: 'fnf-2024-04', paragraph: 'p96' } };
		const [first, ...rest] = scene.citations;
		expect(withCitations(scene, [first!]).passage).toEqual(scene.passage);
		const other = rest.find((c) => c.paragraph !== 'p96');
		if (!other) throw new Error('the fixture needs a citation of another paragraph');
		expect(withCitations(scene, [other]).passage).toBeUndefined();
	});

	it('re-captures camera, groups, overlays and window, dropping highlights now hidden', () => {
		const scene = shipped.scenes[1]!; // a fit of places, attacks only
		const events = new Map(
			scene.highlight.events.map((id, i) => [
				id,
				{ group: i === 0 ? 'attacks' : 'strikes', dateFirst: '2021-09-01', dateLast: '2021-09-30' }
			])
		);
		const next = recaptureScene(
			scene,
			{
				view: { zoom: 7.123, lat: 33.5, lng: 70.25 },
				groups: ['attacks'],
				timeWindow: { from: '2021-09-01', to: '2021-12-31' },
				hidden: ['belt']
			},
			(id) => events.get(id)
		);
		expect(next.fit).toBeUndefined();
		expect(next.camera).toEqual({ center: [70.25, 33.5], zoom: 7.12 });
		expect(next.time).toEqual({ from: '2021-09', to: '2021-12' });
		expect(next.hidden).toEqual(['belt']);
		expect(next.highlight.events).toEqual([scene.highlight.events[0]]);
		expect(next).toMatchObject({ title: scene.title, text: scene.text, citations: scene.citations });
	});
});

describe('new decks and copies', () => {
	it('makes a one-scene deck under an id no other deck has', () => {
		const d = newDeck('Border story', shipped.scenes[0]!, ['border-story']);
		expect(d.id).toBe('border-story-2');
		expect(valid(d)).toBe(true);
		expect(deckIdFor('***', [])).toBe('briefing');
	});

	it('copies a deck under a new id', () => {
		const copy = copyOfDeck(shipped, ['border-story-copy']);
		expect(copy.id).toBe('border-story-copy-2');
		expect(copy.title).toBe(`${shipped.title} (copy)`);
		expect(copy.scenes).toEqual(shipped.scenes);
		expect(copy.scenes).not.toBe(shipped.scenes);
	});
});
