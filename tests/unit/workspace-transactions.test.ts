/**
 * Writes are all or nothing: a batch with one invalid record, one conflict, or a failure of the
 * browser half-way through the transaction (a full disk, injected) leaves every record as it
 * was, and the failure comes back as a typed, worded error, never a raw DOMException.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aPlace, anEvent, freshOptions, open, ownDeck } from './workspace-fixtures';
import type { WorkspaceError } from '$lib/workspace/errors';
import type { Workspace } from '$lib/workspace/workspace';

const rejection = (p: Promise<unknown>) =>
	p.then(
		() => {
			throw new Error('expected a refusal');
		},
		(e: WorkspaceError) => e
	);

/** Two records saved, and what a reader sees of them. */
async function seeded(ws: Workspace) {
	const deck = await ws.put('deck', ownDeck());
	const place = await ws.put('place', aPlace());
	return { deck, place };
}

const snapshot = async (ws: Workspace) => ({
	decks: await ws.list('deck'),
	places: await ws.list('place'),
	events: await ws.list('event')
});

afterEach(() => {
	vi.restoreAllMocks();
});

describe('workspace transactions', () => {
	it('write a batch of changes together', async () => {
		const ws = await open();
		const { deck, place } = await seeded(ws);
		const changes = await ws.writeMany([
			{ op: 'put', kind: 'deck', data: { ...deck.data, title: 'Renamed' }, baseRev: deck.rev },
			{ op: 'remove', kind: 'place', id: place.id, baseRev: place.rev },
			{ op: 'put', kind: 'event', data: anEvent() }
		]);
		expect(changes.map((c) => [c.kind, c.deleted])).toEqual([
			['deck', false],
			['place', true],
			['event', false]
		]);
		expect((await ws.get('deck', deck.id))?.data.title).toBe('Renamed');
		expect(await ws.list('place')).toEqual([]);
	});

	it('write nothing when one record of the batch is invalid', async () => {
		const ws = await open();
		const { deck } = await seeded(ws);
		const before = await snapshot(ws);
		const bad = { ...anEvent(), date: { start: 'last spring', precision: 'season', basis: 'explicit' } };
		const error = await rejection(
			ws.writeMany([
				{ op: 'put', kind: 'deck', data: { ...deck.data, title: 'Renamed' }, baseRev: deck.rev },
				{ op: 'put', kind: 'event', data: bad as never }
			])
		);
		expect(error.code).toBe('invalid');
		expect(error.message).toContain(
			'event "fata-autonomous-status-from-1947" › field date.start: must be YYYY, YYYY-MM or YYYY-MM-DD'
		);
		expect(await snapshot(ws)).toEqual(before);
	});

	it('write nothing when one change of the batch conflicts', async () => {
		const ws = await open();
		const { deck, place } = await seeded(ws);
		const before = await snapshot(ws);
		const error = await rejection(
			ws.writeMany([
				{ op: 'put', kind: 'event', data: anEvent() },
				{ op: 'put', kind: 'deck', data: { ...deck.data, title: 'Renamed' }, baseRev: deck.rev },
				{ op: 'remove', kind: 'place', id: place.id, baseRev: '7-00000000000000' }
			])
		);
		expect(error.code).toBe('conflict');
		expect(error.conflicts.map((c) => c.id)).toEqual([place.id]);
		expect(await snapshot(ws)).toEqual(before);
	});

	it('refuse a batch that changes one record twice', async () => {
		const ws = await open();
		const error = await rejection(
			ws.writeMany([
				{ op: 'put', kind: 'deck', data: ownDeck() },
				{ op: 'put', kind: 'deck', data: ownDeck() }
			])
		);
		expect(error.message).toContain('deck "my-deck": changed twice in one batch');
		expect(await ws.list('deck')).toEqual([]);
	});

	it('roll back a transaction the browser fails half-way, reporting a full disk in words', async () => {
		const ws = await open(freshOptions({ storage: { persisted: async () => false } }));
		const { deck, place } = await seeded(ws);
		const before = await snapshot(ws);

		// The third request of the transaction fails as a full disk would.
		const put = IDBObjectStore.prototype.put;
		let calls = 0;
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
			if (++calls === 3) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			return put.apply(this, args);
		});
		const error = await rejection(
			ws.writeMany([
				{ op: 'put', kind: 'deck', data: { ...deck.data, title: 'Renamed' }, baseRev: deck.rev },
				{ op: 'put', kind: 'place', data: { ...place.data, name: 'Renamed' }, baseRev: place.rev },
				{ op: 'put', kind: 'event', data: anEvent() }
			])
		);
		expect(calls).toBe(3);
		expect(error.name).toBe('WorkspaceError');
		expect(error.code).toBe('quota');
		expect(error.message).toMatch(
			/^Storage is full: the browser refused to save the change, and nothing was changed\./
		);
		vi.restoreAllMocks();

		expect(await snapshot(ws)).toEqual(before);
		const status = await ws.status();
		expect(status.tone).toBe('error');
		expect(status.text).toMatch(/^Storage is full:/);

		// The next successful write clears the warning.
		await ws.put('event', anEvent());
		expect((await ws.status()).text).toMatch(/^Saved in this browser;/);
	});

	it('roll back when a request fails inside the transaction', async () => {
		const ws = await open();
		const { deck } = await seeded(ws);
		const before = await snapshot(ws);
		const put = IDBObjectStore.prototype.put;
		let calls = 0;
		// The second write is refused by the database itself (an aborted transaction).
		vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
			if (++calls === 2) this.transaction.abort();
			return put.apply(this, args);
		});
		const error = await rejection(
			ws.writeMany([
				{ op: 'put', kind: 'deck', data: { ...deck.data, title: 'Renamed' }, baseRev: deck.rev },
				{ op: 'put', kind: 'event', data: anEvent() }
			])
		);
		expect(error.name).toBe('WorkspaceError');
		expect(error.code).not.toBe('quota');
		expect(error.message).toMatch(/Nothing was changed\.$/);
		vi.restoreAllMocks();
		expect(await snapshot(ws)).toEqual(before);
	});
});
