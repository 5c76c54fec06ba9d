/**
 * Editing a deck, as pure functions of the deck (the editor saves what they return): move,
 * duplicate, delete and restore scenes, change one, re-capture one from the map, and make a new
 * deck or a copy of one under an id no other deck uses. A deck always keeps at least one scene,
 * and every scene id stays unique within its deck, so each result is still a valid deck.
 */
import type { Deck, Scene } from '../schema/briefing.ts';
import type { Citation } from '../schema/model.ts';
import { SCHEMA_VERSION } from '../schema/model.ts';
import { capturedView, eventShown, freeId, slug, type DashboardSnapshot } from './capture.ts';

/** What a new deck says about itself until its author writes a summary. */
export const DECK_SUMMARY_PLACEHOLDER = 'Write what this briefing shows, in your own words.';

const clampIndex = (i: number, length: number) => Math.max(0, Math.min(length - 1, i));

/** The deck with the scene at `from` moved to position `to` (both 0-based; `to` is clamped). */
export function moveScene(deck: Deck, from: number, to: number): Deck {
	if (from < 0 || from >= deck.scenes.length) return deck;
	const target = clampIndex(to, deck.scenes.length);
	if (target === from) return deck;
	const scenes = [...deck.scenes];
	const [scene] = scenes.splice(from, 1);
	scenes.splice(target, 0, scene!);
	return { ...deck, scenes };
}

/** "copy", then "copy 2"…: the title of a duplicate. */
const copyTitle = (title: string) => `${title} (copy)`;

/** The deck with a copy of the scene at `index` right after it, under a new id; and the copy's index. */
export function duplicateScene(deck: Deck, index: number): { deck: Deck; index: number } {
	const scene = deck.scenes[index];
	if (!scene) return { deck, index };
	const copy: Scene = {
		...structuredClone(scene),
		id: freeId(
			`${scene.id}-copy`,
			deck.scenes.map((s) => s.id)
		),
		title: copyTitle(scene.title)
	};
	const scenes = [...deck.scenes];
	scenes.splice(index + 1, 0, copy);
	return { deck: { ...deck, scenes }, index: index + 1 };
}

/** The deck without the scene at `index`, and what to restore; null for a deck's only scene. */
export function removeScene(deck: Deck, index: number): { deck: Deck; removed: Scene; index: number } | null {
	const removed = deck.scenes[index];
	if (!removed || deck.scenes.length < 2) return null;
	return { deck: { ...deck, scenes: deck.scenes.filter((_, i) => i !== index) }, removed, index };
}

/** Undoes a removal: the scene back at its place (under a new id if the deck has one like it since). */
export function restoreScene(deck: Deck, scene: Scene, index: number): Deck {
	const id = deck.scenes.some((s) => s.id === scene.id)
		? freeId(
				scene.id,
				deck.scenes.map((s) => s.id)
			)
		: scene.id;
	const scenes = [...deck.scenes];
	scenes.splice(Math.max(0, Math.min(index, scenes.length)), 0, { ...scene, id });
	return { ...deck, scenes };
}

/** The deck with the scene at `index` changed by `patch` (its id is never changed). */
export function updateScene(deck: Deck, index: number, patch: Partial<Omit<Scene, 'id'>>): Deck {
	const scene = deck.scenes[index];
	if (!scene) return deck;
	const next: Scene = { ...scene, ...patch, id: scene.id };
	// Optional texts are left out rather than kept empty: the schema wants them absent or non-empty.
	if (!next.notes) delete next.notes;
	return { ...deck, scenes: deck.scenes.map((s, i) => (i === index ? next : s)) };
}

/**
 * The scene citing `citations` instead: its open passage is kept only while one of them is from
 * that paragraph (as the schema requires).
 */
export function withCitations(scene: Scene, citations: readonly Citation[]): Scene {
	const next: Scene = { ...scene, citations: citations.map((c) => ({ ...c })) };
	const p = next.passage;
	if (p && !citations.some((c) => c.source === p.source && c.paragraph === p.paragraph)) delete next.passage;
	return next;
}

/**
 * The scene re-captured from the map: its camera (replacing any fit), groups, hidden overlays and
 * window come from the snapshot; its words and citations stay. Highlighted events the new groups
 * or window would hide are dropped, as the deck checks require every highlight to be visible.
 */
export function recaptureScene(
	scene: Scene,
	snapshot: Pick<DashboardSnapshot, 'view' | 'groups' | 'timeWindow' | 'hidden'>,
	eventOf: (id: string) => { group: string; dateFirst: string; dateLast: string } | undefined
): Scene {
	const view = capturedView({ ...snapshot, inView: [] });
	const next: Scene = { ...scene, ...view };
	if (!view.time) delete next.time;
	if (!view.hidden) delete next.hidden;
	delete next.fit;
	next.highlight = {
		events: scene.highlight.events.filter((id) => {
			const e = eventOf(id);
			return !!e && eventShown(e, snapshot.groups, snapshot.timeWindow);
		}),
		places: [...scene.highlight.places]
	};
	return next;
}

/** A deck id for a title that neither a deck of the workspace nor a shipped deck has. */
export function deckIdFor(title: string, taken: Iterable<string>): string {
	const base = slug(title);
	return freeId(base === 'scene' ? 'briefing' : base, taken);
}

/** A new deck of one scene. */
export function newDeck(title: string, scene: Scene, taken: Iterable<string>): Deck {
	const name = title.trim() || 'My briefing';
	return {
		schemaVersion: SCHEMA_VERSION,
		id: deckIdFor(name, taken),
		title: name,
		summary: DECK_SUMMARY_PLACEHOLDER,
		scenes: [scene]
	};
}

/** A copy of a deck to adapt: the same scenes under a new id, its title marked as a copy. */
export function copyOfDeck(deck: Deck, taken: Iterable<string>): Deck {
	return {
		...structuredClone(deck),
		id: freeId(`${deck.id}-copy`, taken),
		title: copyTitle(deck.title)
	};
}

/** What a screen reader hears after a move: "Moved “Torkham closes” to position 2 of 5." */
export function moveAnnouncement(deck: Deck, to: number): string {
	const scene = deck.scenes[to];
	return scene ? `Moved “${scene.title}” to position ${to + 1} of ${deck.scenes.length}.` : '';
}

/**
 * Where a dragged scene lands: the index of the first scene whose middle is below the pointer
 * (the scenes' middles given top to bottom), counted without the dragged scene itself.
 */
export function dropIndex(middles: readonly number[], from: number, pointerY: number): number {
	let to = 0;
	middles.forEach((middle, i) => {
		if (i !== from && pointerY > middle) to++;
	});
	return to;
}
