/**
 * Imported datasets: one metadata record and its rows in chunks of 5,000 (not one record per
 * row), written and read back whole, 100,000 rows at a time; the rows are checked before they
 * are written, and replacing, trashing and purging a dataset keep its chunks consistent.
 */
import { describe, expect, it } from 'vitest';
import { freshOptions, open } from './workspace-fixtures';
import { CHUNK_ROWS, rowsHash, rowsJson, toChunks, type Row } from '$lib/workspace/datasets';
import { canonicalJson, hashText } from '$lib/workspace/rev';
import type { WorkspaceError } from '$lib/workspace/errors';
import type { WorkspaceOptions } from '$lib/workspace/workspace';
import { openDatabase } from '$lib/workspace/db';
import { MIGRATIONS } from '$lib/workspace/migrations';

const COLUMNS = ['event_id', 'event_date', 'fatalities', 'admin1', 'verified'];

function rows(count: number, offset = 0): Row[] {
	return Array.from({ length: count }, (_, i) => ({
		event_id: `PAK${i + offset}`,
		event_date: '2024-03-18',
		fatalities: (i + offset) % 7,
		admin1: i % 2 ? 'Khyber Pakhtunkhwa' : 'Balochistan',
		verified: i % 3 === 0 ? null : true
	}));
}

const input = { id: 'acled-2024', title: 'ACLED export, 2024', columns: COLUMNS };

/** The chunk records in the database itself, not as the workspace reports them. */
async function storedChunks(options: WorkspaceOptions) {
	const db = await openDatabase({ factory: options.factory, name: options.name!, migrations: MIGRATIONS });
	const chunks = await db.getAll('chunks');
	db.close();
	return chunks;
}

describe('workspace datasets', () => {
	it('store 100,000 rows in chunks of 5,000 and read them back in order', async () => {
		const options = freshOptions();
		const ws = await open(options);
		const all = rows(100_000);
		const saved = await ws.put('dataset', input, { rows: all });
		expect(saved.data).toMatchObject({ rowCount: 100_000, chunkSize: CHUNK_ROWS, chunkCount: 20 });
		expect(saved.data.rowsHash).toBe(rowsHash(all));

		const chunks = await storedChunks(options);
		expect(chunks.length).toBe(20);
		expect(chunks.every((c) => c.rows.length === CHUNK_ROWS)).toBe(true);

		const back = await ws.rows('acled-2024');
		expect(back.length).toBe(100_000);
		expect(back[0]).toEqual(all[0]);
		expect(back[54_321]).toEqual(all[54_321]);
		expect(back.at(-1)).toEqual(all.at(-1));
	});

	it('replace every chunk when the rows are replaced, leaving none behind', async () => {
		const options = freshOptions();
		const ws = await open(options);
		const first = await ws.put('dataset', input, { rows: rows(12_000) });
		const second = await ws.put('dataset', input, { rows: rows(4_000, 1), baseRev: first.rev });
		expect(second.data).toMatchObject({ rowCount: 4_000, chunkCount: 1 });
		expect(second.rev).not.toBe(first.rev);
		expect((await storedChunks(options)).length).toBe(1);
		expect((await ws.rows('acled-2024'))[0]!.event_id).toBe('PAK1');
	});

	it('keep the rows when only the metadata changes', async () => {
		const ws = await open();
		const first = await ws.put('dataset', input, { rows: rows(7_000) });
		const renamed = await ws.put('dataset', { ...input, title: 'Renamed' }, { baseRev: first.rev });
		expect(renamed.data).toMatchObject({ title: 'Renamed', rowCount: 7_000, rowsHash: first.data.rowsHash });
		expect((await ws.rows('acled-2024')).length).toBe(7_000);
	});

	it('refuse bad rows, naming the row and the column, and write nothing', async () => {
		const ws = await open();
		const bad = rows(10);
		(bad[3] as Record<string, unknown>).fatalities = { n: 1 };
		(bad[6] as Record<string, unknown>).notes = 'x';
		const error = await ws.put('dataset', input, { rows: bad }).then(
			() => undefined,
			(e: WorkspaceError) => e
		);
		expect(error?.code).toBe('invalid');
		expect(error?.message).toContain(
			'dataset "acled-2024" › field rows[3].fatalities: row 4, column "fatalities": a cell must be text, a finite number, true/false or null'
		);
		expect(error?.message).toContain('row 7: column "notes" is not one of the dataset\'s columns');
		expect(await ws.list('dataset')).toEqual([]);
	});

	it('keep the rows of a trashed dataset for undo, and drop them when purged', async () => {
		const options = freshOptions();
		const ws = await open(options);
		const saved = await ws.put('dataset', input, { rows: rows(6_000) });
		const removed = await ws.remove('dataset', 'acled-2024', { baseRev: saved.rev });
		expect((await storedChunks(options)).length).toBe(2);
		await ws.purge('dataset', 'acled-2024', { baseRev: removed.rev });
		expect(await storedChunks(options)).toEqual([]);
		const error = await ws.rows('acled-2024').then(
			() => undefined,
			(e: WorkspaceError) => e
		);
		expect(error?.code).toBe('not-found');
	});

	it('cut rows into chunks with the last one partial', () => {
		const chunks = toChunks('d', rows(11), 5);
		expect(chunks.map((c) => [c.index, c.rows.length])).toEqual([
			[0, 5],
			[1, 5],
			[2, 1]
		]);
		expect(rowsHash(rows(11), 5)).not.toBe(rowsHash(rows(11, 1), 5));
	});

	it('write rows as the canonical JSON of the rows, whatever their keys and cells', () => {
		const awkward: Row[] = [
			{ b: 'x', a: 1, c: null },
			{ b: 'y', a: 2.5, c: true },
			{ a: -0.001, b: 'quote " and \\ backslash', c: false },
			{ c: 'line\nbreak', b: '', a: 0, 'column 4': 'extra' },
			{ 'z col': 'اسعدآباد', Ä: '😀 \u2028', a: 1e21 },
			{}
		];
		expect(rowsJson(awkward)).toBe(canonicalJson(awkward));
		expect(rowsJson([])).toBe(canonicalJson([]));
	});

	it('hash rows as the hash of their canonical JSON, chunk by chunk, however awkward the cells', () => {
		const awkward: Row[] = [
			{ b: 'x', a: 1, c: null },
			{ b: 'y', a: 2.5, c: true },
			{ a: -0.001, b: 'quote " and \\ backslash', c: false },
			{ c: 'line\nbreak\ttab\u0001', b: '', a: 0, 'column 4': 'extra' },
			{ 'z col': 'اسعدآباد', Ä: '😀 \u2028', a: 1e21 },
			{ 'a "quoted" key': 'lone \ud800 surrogate' },
			{}
		];
		const reference = (rows: Row[], size: number) => {
			const parts: string[] = [];
			for (let i = 0; i < rows.length; i += size)
				parts.push(hashText(canonicalJson(rows.slice(i, i + size))));
			return hashText(parts.join(','));
		};
		for (const size of [1, 3, 5000]) expect(rowsHash(awkward, size)).toBe(reference(awkward, size));
		expect(rowsHash(rows(7_000))).toBe(reference(rows(7_000), CHUNK_ROWS));
	});
});
