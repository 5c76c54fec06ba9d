/**
 * Migrations of the workspace database: a browser holding version 1 (records only) upgrades to
 * the current version with its data intact; a test-only future step proves that a step can
 * change the layout and rewrite records, that a failing step changes nothing, that old code
 * refuses a newer database in words, and that an open tab lets go when another upgrades.
 */
import { describe, expect, it } from 'vitest';
import { aPlace, freshOptions, nextEvent, open, ownDeck } from './workspace-fixtures';
import { openDatabase } from '$lib/workspace/db';
import { checkMigrations, DB_VERSION, MIGRATIONS, type Migration } from '$lib/workspace/migrations';
import { openWorkspace } from '$lib/workspace/workspace';
import type { WorkspaceError } from '$lib/workspace/errors';
import type { StoredRecord } from '$lib/workspace/records';
import type { WorkspaceEvent } from '$lib/workspace/channel';

/** A future step: an index of records by last-changed time, and a field added to every deck. */
const addChangedIndex: Migration = {
	version: DB_VERSION + 1,
	description: 'records by last-changed time; decks get a subtitle',
	async upgrade(_db, tx) {
		const records = tx.objectStore('records');
		records.createIndex('by-changed' as never, 'changed');
		for await (const cursor of records.iterate()) {
			const record = cursor.value;
			if (record.kind === 'deck' && record.data)
				await cursor.update({ ...record, data: { ...record.data, subtitle: 'Migrated' } } as StoredRecord);
		}
	}
};

const failingStep: Migration = {
	version: DB_VERSION + 1,
	description: 'a step that fails half-way',
	async upgrade(db, tx) {
		db.createObjectStore('half-made' as never);
		await tx.objectStore('records').clear();
		throw new Error('disk says no');
	}
};

const rejection = (p: Promise<unknown>) =>
	p.then(
		() => {
			throw new Error('expected a refusal');
		},
		(e: WorkspaceError) => e
	);

describe('workspace migrations', () => {
	it('are versions 1, 2, … in order, and a list with a gap is refused', () => {
		expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
		expect(DB_VERSION).toBeGreaterThan(1);
		expect(() => checkMigrations([MIGRATIONS[0]!, { ...MIGRATIONS[1]!, version: 3 }])).toThrow(
			/has version 3; expected 2/
		);
	});

	it('upgrade a version 1 database to the current version with its records intact', async () => {
		const options = freshOptions();
		// What the first layout held: a record written straight into version 1's only store.
		const v1 = await openDatabase({
			factory: options.factory,
			name: options.name!,
			migrations: MIGRATIONS.slice(0, 1)
		});
		expect(v1.version).toBe(1);
		expect([...v1.objectStoreNames]).toEqual(['records']);
		const record: StoredRecord = {
			kind: 'deck',
			id: 'my-deck',
			rev: '1-0123456789abcd',
			changed: '2024-04-01T00:00:00.000Z',
			origin: { how: 'made-here' },
			deleted: false,
			purged: false,
			data: ownDeck()
		};
		await v1.put('records', record);
		v1.close();

		const ws = await open(options);
		const { kind, id, rev, changed, origin, deleted, data } = record;
		expect(await ws.get('deck', 'my-deck')).toEqual({ kind, id, rev, changed, origin, deleted, data });
		// The new layout works: a dataset's rows go to the chunks store of version 2.
		await ws.put('dataset', { id: 'rows', title: 'Rows', columns: ['a'] }, { rows: [{ a: 1 }] });
		expect(await ws.rows('rows')).toEqual([{ a: 1 }]);
	});

	it('run a future step that changes the layout and rewrites records', async () => {
		const options = freshOptions();
		const ws = await open(options);
		const saved = await ws.put('deck', ownDeck());
		await ws.put('place', aPlace());
		ws.close();

		const future = await open({ ...options, migrations: [...MIGRATIONS, addChangedIndex] });
		const deck = await future.get('deck', 'my-deck');
		expect(deck?.data.subtitle).toBe('Migrated');
		expect({ ...deck!.data, subtitle: undefined }).toEqual({ ...saved.data, subtitle: undefined });
		expect((await future.list('place')).length).toBe(1);
		future.close();

		const raw = await openDatabase({
			factory: options.factory,
			name: options.name!,
			migrations: [...MIGRATIONS, addChangedIndex]
		});
		expect(raw.version).toBe(DB_VERSION + 1);
		expect([...raw.transaction('records').store.indexNames]).toContain('by-changed');
		raw.close();
	});

	it('refuse, in words, a database a newer version of the atlas wrote', async () => {
		const options = freshOptions();
		(await open({ ...options, migrations: [...MIGRATIONS, addChangedIndex] })).close();
		const error = await rejection(openWorkspace(options));
		expect(error.code).toBe('newer-version');
		expect(error.message).toBe(
			'This workspace was saved by a newer version of the atlas: reload the page to get it.'
		);
	});

	it('leave the database as it was when a step fails', async () => {
		const options = freshOptions();
		const ws = await open(options);
		await ws.put('deck', ownDeck());
		ws.close();

		const error = await rejection(openWorkspace({ ...options, migrations: [...MIGRATIONS, failingStep] }));
		expect(error.code).toBe('failed');
		expect(error.message).toContain(
			`could not be upgraded to version ${DB_VERSION + 1} (a step that fails half-way: disk says no)`
		);

		const again = await open(options);
		expect((await again.list('deck')).map((d) => d.id)).toEqual(['my-deck']);
		const raw = await openDatabase({ factory: options.factory, name: options.name!, migrations: MIGRATIONS });
		expect(raw.version).toBe(DB_VERSION);
		expect([...raw.objectStoreNames]).not.toContain('half-made');
		raw.close();
	});

	it('close an open tab when another tab upgrades, telling it to reload', async () => {
		const options = freshOptions();
		const old = await open(options);
		const closed = nextEvent<WorkspaceEvent>(old.subscribe, (e) => e.type === 'closed');
		const upgraded = await open({ ...options, migrations: [...MIGRATIONS, addChangedIndex] });
		expect(await closed).toEqual({
			type: 'closed',
			message: 'The atlas was updated in another tab: reload this page to keep working on your workspace.'
		});
		const error = await rejection(old.list('deck'));
		expect(error.code).toBe('closed');
		expect(await upgraded.list('deck')).toEqual([]);
	});
});
