/**
 * The deck editor's saving, on a real workspace (fake IndexedDB): edits save once typing pauses,
 * with the revision they are based on; an invalid deck is not saved and says why; a change from
 * another tab keeps the editor in step when nothing is unsaved here, and is a conflict (never an
 * overwrite) when something is; the conflict can be kept as a copy.
 */
import { describe, expect, it } from 'vitest';
import { freshOptions, open, ownDeck } from './workspace-fixtures';
import { DeckEditor } from '$lib/workspace/deck-editor.svelte';
import { updateScene } from '$lib/briefing/deck-editing';

/** Two tabs on one database: two workspaces sharing its name and change channel. */
async function twoTabs() {
	const options = freshOptions();
	const here = await open(options);
	const there = await open({ ...options });
	return { here, there };
}

/** Resolves once `check` holds, polling the event loop (the editor reacts to channel messages). */
async function until(check: () => boolean): Promise<void> {
	for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
	expect(check()).toBe(true);
}

describe('DeckEditor', () => {
	it('saves an edit after a pause, based on the revision it read', async () => {
		const ws = await open();
		const first = await ws.put('deck', ownDeck());
		const editor = new DeckEditor(ws, 'my-deck', { delay: 10 });
		expect(await editor.load()).toBe(true);
		expect(editor.words).toBe('Saved');
		editor.edit(updateScene(editor.deck!, 0, { text: 'Our own words.' }));
		expect(editor.words).toBe('Saving…');
		await until(() => editor.state === 'saved');
		const stored = await ws.get('deck', 'my-deck');
		expect(stored!.data.scenes[0]!.text).toBe('Our own words.');
		expect(stored!.rev).toBe(editor.rev);
		expect(stored!.rev).not.toBe(first.rev);
		editor.dispose();
	});

	it('keeps the last of several quick edits, in one write', async () => {
		const ws = await open();
		await ws.put('deck', ownDeck());
		const editor = new DeckEditor(ws, 'my-deck', { delay: 30 });
		await editor.load();
		for (const text of ['O', 'Ou', 'Our words.']) editor.edit(updateScene(editor.deck!, 0, { text }));
		await editor.flush();
		const stored = await ws.get('deck', 'my-deck');
		expect(stored!.data.scenes[0]!.text).toBe('Our words.');
		expect(stored!.rev.startsWith('2-')).toBe(true);
		editor.dispose();
	});

	it('does not save an invalid deck, and says what is wrong in words', async () => {
		const ws = await open();
		const first = await ws.put('deck', ownDeck());
		const editor = new DeckEditor(ws, 'my-deck', { delay: 5 });
		await editor.load();
		editor.edit(updateScene(editor.deck!, 1, { title: '' }));
		await editor.flush();
		expect(editor.state).toBe('invalid');
		expect(editor.words).toMatch(/^Not saved: Scene 2, title: is empty$/);
		expect((await ws.get('deck', 'my-deck'))!.rev).toBe(first.rev);
		editor.edit(updateScene(editor.deck!, 1, { title: 'Fixed' }));
		await editor.flush();
		expect(editor.state).toBe('saved');
		editor.dispose();
	});

	it('follows another tab’s change when nothing is unsaved here', async () => {
		const { here, there } = await twoTabs();
		await here.put('deck', ownDeck());
		const editor = new DeckEditor(here, 'my-deck', { delay: 5 });
		await editor.load();
		const theirs = (await there.get('deck', 'my-deck'))!;
		await there.put('deck', { ...theirs.data, title: 'Renamed there' }, { baseRev: theirs.rev });
		await until(() => editor.deck?.title === 'Renamed there');
		expect(editor.updatedElsewhere).toBe(true);
		expect(editor.state).toBe('saved');
		editor.dispose();
	});

	it('shows a conflict instead of overwriting another tab’s change, and can keep this version as a copy', async () => {
		const { here, there } = await twoTabs();
		await here.put('deck', ownDeck());
		const editor = new DeckEditor(here, 'my-deck', { delay: 60_000 });
		await editor.load();
		editor.edit({ ...editor.deck!, title: 'Mine' });
		const theirs = (await there.get('deck', 'my-deck'))!;
		await there.put('deck', { ...theirs.data, title: 'Theirs' }, { baseRev: theirs.rev });
		await until(() => editor.state === 'conflict');
		expect(editor.words).toMatch(/^Not saved: this deck was changed in another tab or window/);
		await editor.flush();
		expect((await here.get('deck', 'my-deck'))!.data.title).toBe('Theirs');

		const copy = await editor.saveAsCopy();
		expect(copy).toBe('my-deck-mine');
		expect((await here.get('deck', 'my-deck-mine'))!.data.title).toBe('Mine (my version)');

		expect(await editor.load()).toBe(true);
		expect(editor.deck!.title).toBe('Theirs');
		expect(editor.state).toBe('saved');
		editor.dispose();
	});

	it('says so when the deck is not in this browser', async () => {
		const editor = new DeckEditor(await open(), 'nothing-here');
		expect(await editor.load()).toBe(false);
		expect(editor.state).toBe('missing');
		editor.dispose();
	});
});
