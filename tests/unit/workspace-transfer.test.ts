/**
 * The workspace file: export → import into an empty workspace gives the same records, revisions
 * and rows; a malformed or hostile file is refused with a message naming what is wrong and
 * where, before anything is written; conflicts (same id, different content) change nothing by
 * default and are reported, or are resolved as the caller chooses.
 */
import { describe, expect, it } from 'vitest';
import { aPlace, anEvent, freshOptions, open, ownDeck } from './workspace-fixtures';
import type { WorkspaceError } from '$lib/workspace/errors';
import { describeImport } from '$lib/workspace/imports';
import { MAX_WORKSPACE_FILE_BYTES, WORKSPACE_FORMAT, type WorkspaceFile } from '$lib/workspace/transfer';
import type { Row } from '$lib/workspace/datasets';
import type { Workspace } from '$lib/workspace/workspace';

const rows: Row[] = Array.from({ length: 12_345 }, (_, i) => ({ n: i, label: `row ${i}` }));

/** A workspace with one of everything, a record in the trash and a dataset. */
async function filled(ws: Workspace) {
	await ws.put('deck', ownDeck(), { origin: { how: 'copied', kind: 'deck', id: 'border-story' } });
	const deck = await ws.put('deck', ownDeck('second', 'Second'));
	await ws.remove('deck', 'second', { baseRev: deck.rev });
	await ws.put('place', aPlace());
	await ws.put('event', anEvent(), { origin: { how: 'imported', file: 'events.csv' } });
	await ws.put('dataset', { id: 'counts', title: 'Counts', columns: ['n', 'label'] }, { rows });
}

/** Everything a workspace holds, as a reader sees it. */
async function contents(ws: Workspace) {
	const kinds = ['deck', 'source', 'place', 'event', 'dataset'] as const;
	const out: Record<string, unknown> = {};
	for (const kind of kinds) out[kind] = [...(await ws.list(kind)), ...(await ws.list(kind, { trash: true }))];
	out.rows = (await ws.list('dataset')).length ? await ws.rows('counts') : [];
	return out;
}

const exported = async (ws: Workspace) => JSON.parse((await ws.exportAll()).text) as WorkspaceFile;

async function refusal(ws: Workspace, file: Blob | string): Promise<WorkspaceError> {
	const before = await contents(ws);
	const error = await ws.importAll(file, { fileName: 'hostile.json' }).then(
		() => undefined,
		(e: WorkspaceError) => e
	);
	expect(error?.name).toBe('WorkspaceError');
	expect(error?.code).toBe('bad-file');
	expect(await contents(ws)).toEqual(before);
	return error!;
}

describe('workspace file', () => {
	it('is the format, version, app version, export time and every record with its rev', async () => {
		const ws = await open();
		await filled(ws);
		const exportResult = await ws.exportAll();
		const file = JSON.parse(exportResult.text) as WorkspaceFile;
		expect(file).toMatchObject({ format: WORKSPACE_FORMAT, schemaVersion: 1, appVersion: '0.0.0-test' });
		expect(file.exported).toMatch(/^2024-05-01T12:00:\d\d\.000Z$/);
		expect(exportResult.fileName).toBe('frontier-atlas-workspace-2024-05-01.json');
		expect(exportResult.importable).toBe(true);
		expect(file.records.map((r) => `${r.kind}/${r.id}/${r.deleted}`).sort()).toEqual([
			'dataset/counts/false',
			'deck/my-deck/false',
			'deck/second/true',
			'event/fata-autonomous-status-from-1947/false',
			'place/afghanistan/false'
		]);
		expect(file.records.find((r) => r.kind === 'dataset')?.rows?.length).toBe(12_345);
	});

	it('round-trips: an import into an empty workspace holds the same records, revisions and rows', async () => {
		const source = await open();
		await filled(source);
		const { text } = await source.exportAll();
		const target = await open(freshOptions());
		const report = await target.importAll(new File([text], 'backup.json'));
		expect(report).toMatchObject({ applied: true, unchanged: [], conflicts: [] });
		expect(report.added.length).toBe(5);
		expect(describeImport(report)).toBe('Imported 5 records.');

		const [from, to] = [await contents(source), await contents(target)];
		// Made in the other browser becomes "imported from file"; every other origin is kept.
		const madeHere = (r: { origin: { how: string } }) => r.origin.how === 'made-here';
		const expected = Object.fromEntries(
			Object.entries(from).map(([key, list]) => [
				key,
				key === 'rows'
					? list
					: (list as { origin: { how: string } }[]).map((r) =>
							madeHere(r) ? { ...r, origin: { how: 'imported', file: 'backup.json' } } : r
						)
			])
		);
		expect(to).toEqual(expected);
		expect(((to.deck as { origin: unknown }[])[0] as { origin: unknown }).origin).toEqual({
			how: 'copied',
			kind: 'deck',
			id: 'border-story'
		});

		// Importing the same file again changes nothing.
		const again = await target.importAll(text, { fileName: 'backup.json' });
		expect(again).toMatchObject({ applied: true, added: [], conflicts: [] });
		expect(again.unchanged.length).toBe(5);
	});

	describe('refuses, changing nothing,', () => {
		it('a file over the size limit, before reading it', async () => {
			const ws = await open();
			await filled(ws);
			const big = new Blob([new Uint8Array(50_000_000)]);
			const error = await refusal(ws, big);
			expect(error.message).toBe(
				`This workspace file is too large to import: it is 50 MB, and the limit is ${MAX_WORKSPACE_FILE_BYTES / 1e6} MB. Nothing was changed.`
			);
		});

		it('a string over the size limit', async () => {
			const ws = await open();
			const error = await refusal(ws, 'x'.repeat(MAX_WORKSPACE_FILE_BYTES + 1));
			expect(error.message).toMatch(/too large to import/);
		});

		it('bad JSON, saying where', async () => {
			const ws = await open();
			await filled(ws);
			const cut = await refusal(ws, '{"format": "frontier-atlas-workspace", "records": [');
			expect(cut.message).toBe(
				'This workspace file cannot be read: not valid JSON: Unexpected end of JSON input (the file ends early: was it cut off?). Nothing was changed.'
			);
			const broken = await refusal(ws, '{\n  "format": "frontier-atlas-workspace",\n  "records": [} ]\n}');
			// The parser quotes the text around the error.
			expect(broken.problems[0]?.message).toMatch(
				/^not valid JSON: Unexpected token '}', \.\.\."ecords": \[} \]/
			);
			const late = await refusal(ws, '{\n  "format": "frontier-atlas-workspace"\n  "records": []\n}');
			expect(late.problems[0]?.message).toMatch(/^not valid JSON: .* \(line 3, column 3\)$/);
		});

		it('a file of another format', async () => {
			const ws = await open();
			const error = await refusal(ws, JSON.stringify({ type: 'FeatureCollection', features: [] }));
			expect(error.problems[0]?.message).toBe(
				'is not a Frontier Atlas workspace file (its format is null, not "frontier-atlas-workspace")'
			);
		});

		it('a file a newer atlas wrote, and a file of an unknown version', async () => {
			const ws = await open();
			await filled(ws);
			const file = await exported(ws);
			const newer = await refusal(ws, JSON.stringify({ ...file, schemaVersion: 2 }));
			expect(newer.message).toContain(
				'the file: was written by a newer version of the atlas (workspace file version 2; this atlas reads version 1): update the atlas first'
			);
			const unknown = await refusal(ws, JSON.stringify({ ...file, schemaVersion: '1' }));
			expect(unknown.message).toContain('has an unknown workspace file version "1"');
		});

		it('an unknown record kind, naming the record', async () => {
			const ws = await open();
			await filled(ws);
			const file = await exported(ws);
			file.records.splice(1, 0, { ...file.records[0]!, kind: 'spreadsheet' as never });
			const error = await refusal(ws, JSON.stringify(file));
			expect(error.message).toContain(
				'records[1] › field kind: unknown record kind "spreadsheet" (this atlas knows deck, source, place, event, dataset)'
			);
		});

		it('an invalid record, naming the record and the field', async () => {
			const ws = await open();
			await filled(ws);
			const file = await exported(ws);
			const i = file.records.findIndex((r) => r.kind === 'deck' && r.id === 'my-deck');
			(file.records[i]!.data as { scenes: { title: string }[] }).scenes[2]!.title = '';
			const error = await refusal(ws, JSON.stringify(file));
			expect(error.problems.map((p) => [p.record, p.field])).toEqual([
				[`records[${i}] (deck "my-deck")`, 'data.scenes[2].title']
			]);
			expect(error.message).toMatch(
				/^This workspace file cannot be imported, and nothing was changed \(1 problem\):\n {2}- records\[\d+\] \(deck "my-deck"\) › field data\.scenes\[2\]\.title: Too small/
			);
		});

		it('a hostile envelope: a bad revision, a bad time, an extra key, a mismatched id', async () => {
			const ws = await open();
			await filled(ws);
			const file = await exported(ws);
			const [r0, r1, r2, r3] = file.records as unknown as Record<string, unknown>[];
			r0!.rev = '<script>';
			r1!.changed = 'yesterday';
			r2!.extra = 1;
			r3!.id = 'someone-else';
			// A "__proto__" key can only be written as text: assigning it would set the prototype.
			const text = JSON.stringify(file).replace('"extra":1', '"__proto__":{"polluted":true}');
			expect(text).toContain('"__proto__":{"polluted":true}');
			const error = await refusal(ws, text);
			const fields = error.problems.map(
				(p) => `${p.record.replace(/ \(.*/, '')} ${p.field ?? ''} ${p.message}`
			);
			expect(fields).toEqual(
				expect.arrayContaining([
					expect.stringMatching(/^records\[0\] rev must be a revision/),
					expect.stringMatching(/^records\[1\] changed must be an ISO 8601 UTC time/),
					expect.stringMatching(/^records\[2\] {2}Unrecognized key: "__proto__"$/),
					expect.stringMatching(/^records\[3\] data\.id is ".*", but the record's id is "someone-else"/)
				])
			);
			expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		});

		it('dataset rows that do not match their record', async () => {
			const ws = await open();
			await filled(ws);
			const file = await exported(ws);
			const dataset = file.records.find((r) => r.kind === 'dataset')!;
			dataset.rows = dataset.rows!.slice(1);
			const short = await refusal(ws, JSON.stringify(file));
			expect(short.message).toMatch(
				/field rows: there are 12344 rows, but the record says 12345 \(data\.rowCount\)/
			);
			dataset.rows = [{ n: -1, label: 'forged' }, ...dataset.rows];
			const edited = await refusal(ws, JSON.stringify(file));
			expect(edited.message).toContain('the rows are not the ones the record was saved with');
		});

		it('the same record twice', async () => {
			const ws = await open();
			await filled(ws);
			const file = await exported(ws);
			file.records.push(file.records[0]!);
			const error = await refusal(ws, JSON.stringify(file));
			expect(error.message).toMatch(/records\[5\] \(\w+ "[\w-]+"\): the same \w+ id as records\[0\]/);
		});

		it('a file that is not an object', async () => {
			const ws = await open();
			const error = await refusal(ws, '[1, 2, 3]');
			expect(error.problems[0]?.message).toBe('is not a workspace file (it is not a JSON object)');
		});
	});

	describe('conflicts', () => {
		/** Two workspaces sharing `my-deck` with different titles; B also has a record A lacks. */
		async function diverged() {
			const a = await open();
			const base = await a.put('deck', ownDeck());
			const file = await exported(a);
			const b = await open(freshOptions());
			await b.importAll(JSON.stringify(file), { fileName: 'from-a.json' });
			await a.put('deck', { ...base.data, title: 'Title in A' }, { baseRev: base.rev });
			const inB = (await b.get('deck', 'my-deck'))!;
			await b.put('deck', { ...inB.data, title: 'Title in B' }, { baseRev: inB.rev });
			await b.put('place', aPlace());
			return { a, text: JSON.stringify(await exported(b)) };
		}

		it('change nothing by default, and are reported with both sides', async () => {
			const { a, text } = await diverged();
			const before = await contents(a);
			const report = await a.importAll(text, { fileName: 'from-b.json' });
			expect(report.applied).toBe(false);
			expect(report.conflicts).toEqual([
				expect.objectContaining({
					kind: 'deck',
					id: 'my-deck',
					mine: expect.objectContaining({ title: 'Title in A' }),
					theirs: expect.objectContaining({ title: 'Title in B' })
				})
			]);
			expect(report.conflicts[0]!.choice).toBeUndefined();
			expect(describeImport(report)).toBe(
				"Nothing was imported; 1 record here differs from the file's: choose for each (keep mine, take theirs or keep both)."
			);
			// Not even the record without a conflict was added.
			expect(await contents(a)).toEqual(before);
		});

		it('keep mine, adding the rest', async () => {
			const { a, text } = await diverged();
			const report = await a.importAll(text, { fileName: 'from-b.json', onConflict: 'mine' });
			expect(report).toMatchObject({ applied: true, added: [{ kind: 'place', id: 'afghanistan' }] });
			expect((await a.get('deck', 'my-deck'))?.data.title).toBe('Title in A');
		});

		it('take theirs, as a new revision above both', async () => {
			const { a, text } = await diverged();
			const mine = (await a.get('deck', 'my-deck'))!;
			await a.importAll(text, { fileName: 'from-b.json', onConflict: 'theirs' });
			const now = (await a.get('deck', 'my-deck'))!;
			expect(now.data.title).toBe('Title in B');
			expect(Number.parseInt(now.rev)).toBe(Number.parseInt(mine.rev) + 1);
		});

		it('keep both, theirs under a new id', async () => {
			const { a, text } = await diverged();
			const report = await a.importAll(text, { fileName: 'from-b.json', onConflict: () => 'both' });
			expect(report.conflicts[0]).toMatchObject({ choice: 'both', copyId: 'my-deck-copy' });
			expect((await a.get('deck', 'my-deck'))?.data.title).toBe('Title in A');
			const copy = (await a.get('deck', 'my-deck-copy'))!;
			expect(copy.data).toMatchObject({ id: 'my-deck-copy', title: 'Title in B' });
			// B's deck came from A's file in the first place, and still says so.
			expect(copy.origin).toEqual({ how: 'imported', file: 'from-a.json' });
		});
	});
});
