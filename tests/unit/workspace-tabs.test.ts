/**
 * Two tabs on one workspace: two instances on the same (fake) database and the same
 * BroadcastChannel. Every committed change is announced to the other tab (and to the writing
 * tab's own views); a write based on a revision the other tab has replaced is refused with a
 * conflict the UI can show, never silently overwritten.
 */
import { describe, expect, it } from 'vitest';
import { forceCloseDatabase } from 'fake-indexeddb';
import { freshOptions, nextEvent, open, ownDeck } from './workspace-fixtures';
import type { WorkspaceEvent } from '$lib/workspace/channel';
import type { WorkspaceError } from '$lib/workspace/errors';

const changed = (e: WorkspaceEvent) => e.type === 'changed';

async function twoTabs() {
	const options = freshOptions();
	const a = await open(options);
	const b = await open(options);
	return { a, b };
}

describe('two tabs', () => {
	it('hear each other’s committed changes, with kind, id and revision', async () => {
		const { a, b } = await twoTabs();
		const heardInB = nextEvent<WorkspaceEvent>(b.subscribe, changed);
		const heardInA = nextEvent<WorkspaceEvent>(a.subscribe, changed);
		const saved = await a.put('deck', ownDeck());
		expect(await heardInA).toEqual({
			type: 'changed',
			fromThisTab: true,
			changes: [{ kind: 'deck', id: 'my-deck', rev: saved.rev, deleted: false }]
		});
		expect(await heardInB).toEqual({
			type: 'changed',
			fromThisTab: false,
			changes: [{ kind: 'deck', id: 'my-deck', rev: saved.rev, deleted: false }]
		});
		// What B reads after the announcement is what A wrote.
		expect(await b.get('deck', 'my-deck')).toEqual(saved);
	});

	it('hear a deletion as a change with deleted set', async () => {
		const { a, b } = await twoTabs();
		const saved = await a.put('deck', ownDeck());
		const heard = nextEvent<WorkspaceEvent>(
			b.subscribe,
			(e) => e.type === 'changed' && e.changes[0]!.deleted
		);
		const removed = await a.remove('deck', 'my-deck', { baseRev: saved.rev });
		expect(await heard).toMatchObject({ changes: [{ id: 'my-deck', rev: removed.rev, deleted: true }] });
	});

	it('refuse a write based on a revision the other tab replaced, keeping the other tab’s change', async () => {
		const { a, b } = await twoTabs();
		const original = await a.put('deck', ownDeck());
		const inB = (await b.get('deck', 'my-deck'))!;
		const fromA = await a.put('deck', { ...original.data, title: 'Edited in A' }, { baseRev: original.rev });

		const error = await b.put('deck', { ...inB.data, title: 'Edited in B' }, { baseRev: inB.rev }).then(
			() => undefined,
			(e: WorkspaceError) => e
		);
		expect(error?.code).toBe('conflict');
		expect(error?.message).toBe(
			`deck "my-deck" was changed in another tab (you started from revision ${original.rev}, it is now at revision ${fromA.rev}). Reload it to see that change, then make yours again.`
		);
		expect(error?.conflicts).toEqual([
			expect.objectContaining({ kind: 'deck', id: 'my-deck', baseRev: original.rev, currentRev: fromA.rev })
		]);
		expect((await b.get('deck', 'my-deck'))?.data.title).toBe('Edited in A');
	});

	it('refuse a second create of the same id from the other tab', async () => {
		const { a, b } = await twoTabs();
		await a.put('deck', ownDeck());
		const error = await b.put('deck', ownDeck('my-deck', 'Mine too')).then(
			() => undefined,
			(e: WorkspaceError) => e
		);
		expect(error?.code).toBe('conflict');
		expect((await a.get('deck', 'my-deck'))?.data.title).toBe('My deck');
	});

	it('stop announcing to a view that unsubscribed', async () => {
		const { a, b } = await twoTabs();
		const seen: WorkspaceEvent[] = [];
		const stop = b.subscribe((e) => seen.push(e));
		const first = nextEvent<WorkspaceEvent>(b.subscribe, changed);
		await a.put('deck', ownDeck('one'));
		await first;
		stop();
		const second = nextEvent<WorkspaceEvent>(b.subscribe, changed);
		await a.put('deck', ownDeck('two'));
		await second;
		expect(seen.map((e) => e.type === 'changed' && e.changes[0]!.id)).toEqual(['one']);
	});

	it('tell a tab whose database the browser closed to reload', async () => {
		const options = freshOptions();
		// Keep hold of the real connection, to close it the way a browser does when site data is cleared.
		const factory = options.factory!;
		const opened: IDBOpenDBRequest[] = [];
		const realOpen = factory.open.bind(factory);
		factory.open = (...args) => {
			const request = realOpen(...args);
			opened.push(request);
			return request;
		};
		const ws = await open(options);
		const closed = nextEvent<WorkspaceEvent>(ws.subscribe, (e) => e.type === 'closed');
		forceCloseDatabase(opened[0]!.result as never);
		expect(await closed).toEqual({
			type: 'closed',
			message: 'The browser closed the workspace (was the site’s data cleared?): reload this page.'
		});
		const error = await ws.list('deck').then(
			() => undefined,
			(e: WorkspaceError) => e
		);
		expect(error?.code).toBe('closed');
	});
});
