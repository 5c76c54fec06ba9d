/**
 * Adding a captured scene to a deck of the workspace: to an existing deck (appended, with the
 * revision it was read at; if another tab wrote the deck meanwhile, it is read again and the
 * scene appended to that version, so nobody's change is lost), or as the first scene of a new
 * deck under an id that no deck of the workspace (trash included) and no shipped deck has.
 * Loaded by the dashboard only when the user adds a view, with the workspace.
 */
import type { Deck, Scene } from '../schema/briefing.ts';
import type { Workspace } from '../workspace/workspace.ts';
import { newDeck } from './deck-editing.ts';

export type AddTarget = { deck: string } | { newTitle: string };

export interface AddedScene {
	deck: Deck;
	scene: Scene;
	/** 0-based position of the scene in its deck. */
	index: number;
	created: boolean;
}

/** The ids a new deck may not take: the workspace's decks (in the trash too) and the shipped ones. */
export async function takenDeckIds(ws: Workspace, shipped: readonly string[]): Promise<Set<string>> {
	const [live, trash] = await Promise.all([ws.list('deck'), ws.list('deck', { trash: true })]);
	return new Set([...live, ...trash].map((r) => r.id).concat(shipped));
}

/**
 * Adds the scene `build` makes for the deck (it picks an id the deck does not use yet); null
 * from `build` (nothing to cite) adds nothing and returns null.
 */
export async function addScene(
	ws: Workspace,
	target: AddTarget,
	build: (deck: Pick<Deck, 'scenes'>) => Scene | null,
	shipped: readonly string[]
): Promise<AddedScene | null> {
	if ('newTitle' in target) {
		const scene = build({ scenes: [] });
		if (!scene) return null;
		const deck = newDeck(target.newTitle, scene, await takenDeckIds(ws, shipped));
		const saved = await ws.put('deck', deck);
		return { deck: saved.data, scene, index: 0, created: true };
	}
	for (let attempt = 0; ; attempt++) {
		const record = await ws.get('deck', target.deck);
		if (!record || record.deleted)
			throw new Error(`There is no briefing “${target.deck}” in this browser any more.`);
		const scene = build(record.data);
		if (!scene) return null;
		const deck = { ...record.data, scenes: [...record.data.scenes, scene] };
		try {
			const saved = await ws.put('deck', deck, { baseRev: record.rev });
			return { deck: saved.data, scene, index: deck.scenes.length - 1, created: false };
		} catch (e) {
			// Another tab saved the deck between the read and the write: append to its version.
			if ((e as { code?: unknown }).code !== 'conflict' || attempt >= 2) throw e;
		}
	}
}
