/**
 * The whole import as the worker runs it (import-job.ts over a File, PapaParse's parser in Node):
 * an ACLED-format CSV written here, with rows that must be rejected and awkward rows that must
 * import, gives exact counts; characters cut by chunk boundaries survive; progress and batches
 * arrive; the rejected rows download is guarded against formulas; the typed client starts,
 * follows and cancels an import through a stand-in worker.
 */
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '$lib/datasets/acled';
import { acledCsv, type AcledRow } from '../support/acled-csv';
import { ImportClient, type WorkerLike } from '$lib/datasets/import-client';
import { DocumentCache, handleRequest, previewFile, runImport } from '$lib/datasets/import-job';
import type { FileLike, ImportSettings, WorkerMessage, WorkerRequest } from '$lib/datasets/import-protocol';
import { rejectedRowsCsv, rejectedRowsFileName } from '$lib/datasets/rejected-csv';
import { datasetIdFromFileName, datasetNameFromFileName } from '$lib/datasets/dataset-id';
import type { ChunkResult, ImportedEvent, ImportSummary } from '$lib/datasets/types';

const LONG_NOTES = 'x'.repeat(100 * 1024);

/** The rows of the test file: [what it tests, its cells]. Blank lines are written as null. */
const ROWS: ([string, AcledRow] | null)[] = [
	['day, exact', { event_id_cnty: 'PAK1' }],
	['week, approximate', { event_id_cnty: 'PAK2', time_precision: '2', geo_precision: '2' }],
	[
		'month, province only',
		{ event_id_cnty: 'PAK3', time_precision: '3', geo_precision: '3', location: 'Peshawar' }
	],
	['formula', { event_id_cnty: 'PAK4', notes: '=HYPERLINK("http://example.invalid","open")' }],
	['markup', { event_id_cnty: 'PAK5', notes: '<img src=x onerror=alert(1)>' }],
	[
		'Pashto name',
		{
			event_id_cnty: 'AFG6',
			country: 'Afghanistan',
			admin1: 'Kunar',
			location: 'اسعدآباد',
			latitude: '34.87',
			longitude: '71.15'
		}
	],
	['quoted newlines', { event_id_cnty: 'PAK7', notes: 'First line,\nsecond "line"\nthird line' }],
	null,
	['100 KB notes', { event_id_cnty: 'PAK8', notes: LONG_NOTES }],
	['decimal comma', { event_id_cnty: 'PAK9', latitude: '33,0186' }],
	['no longitude', { event_id_cnty: 'PAK10', longitude: '' }],
	['unreadable date', { event_id_cnty: 'PAK11', event_date: 'spring 2024' }],
	['swapped', { event_id_cnty: 'PAK12', latitude: '70.0689', longitude: '33.0186' }],
	['bad time precision', { event_id_cnty: 'PAK13', time_precision: '5' }],
	['duplicate', { event_id_cnty: 'PAK1' }],
	['ambiguous date', { event_id_cnty: 'PAK14', event_date: '03/04/2024' }]
];

const ACLED_TEXT = acledCsv(ROWS.map((r) => r && r[1]));

const DATASET = { id: 'acled-test', name: 'ACLED test export', file: 'acled-test.csv', publisher: 'ACLED' };

async function importFile(file: FileLike, chunkBytes?: number) {
	const preview = await previewFile({ type: 'preview', file });
	const settings: ImportSettings = {
		dataset: DATASET,
		mapping: preview.detected.mapping,
		format: preview.format
	};
	const messages: WorkerMessage[] = [];
	await runImport({ type: 'import', file, settings }, (m) => messages.push(m), { chunkBytes, batchRows: 4 });
	const batches = messages
		.filter((m): m is { type: 'batch'; batch: ChunkResult } => m.type === 'batch')
		.map((m) => m.batch);
	return {
		preview,
		messages,
		batches,
		events: batches.flatMap((b) => b.events) as ImportedEvent[],
		rejections: batches.flatMap((b) => b.rejections),
		rows: batches.flatMap((b) => b.rows),
		summary: messages.find((m): m is { type: 'done'; summary: ImportSummary } => m.type === 'done')!.summary
	};
}

describe('an ACLED-format CSV, start to end', async () => {
	const file = new File([ACLED_TEXT], 'acled-test.csv', { type: 'text/csv' });
	const r = await importFile(file, 1000);

	it('is previewed as ACLED, with its delimiter, line break and first rows', () => {
		expect(r.preview).toMatchObject({
			kind: 'csv',
			format: 'acled',
			delimiter: ',',
			newline: '\r\n',
			encoding: 'utf-8'
		});
		expect(r.preview.columns).toEqual([...ACLED_COLUMNS]);
		expect(r.preview.rows).toHaveLength(15);
		expect(r.preview.rows[5]!.location).toBe('اسعدآباد');
	});

	it('gives exact counts: 8 imported, 7 rejected, 1 blank line', () => {
		expect(r.summary).toMatchObject({
			format: 'acled',
			read: 15,
			imported: 8,
			rejected: 7,
			blank: 1,
			words: '8 imported, 7 rejected'
		});
		expect(r.summary.byReason.map((x) => [x.code, x.count])).toEqual([
			['missing-coordinates', 1],
			['decimal-comma', 1],
			['outside-region', 1],
			['unparseable-date', 1],
			['ambiguous-date', 1],
			['unknown-precision', 1],
			['duplicate-id', 1]
		]);
	});

	it('rejects each bad row on its line (the multi-line notes take three)', () => {
		expect(r.rejections.map((x) => [x.line, x.field, x.code])).toEqual([
			[13, 'latitude', 'decimal-comma'],
			[14, 'longitude', 'missing-coordinates'],
			[15, 'event_date', 'unparseable-date'],
			[16, 'latitude', 'outside-region'],
			[17, 'time_precision', 'unknown-precision'],
			[18, 'event_id_cnty', 'duplicate-id'],
			[19, 'event_date', 'ambiguous-date']
		]);
	});

	it('maps the precision codes: day, the week around the day, the month; exact, approximate, the province', () => {
		const [day, week, month] = r.events;
		expect([day, week, month].map((e) => [e!.properties.dateText, e!.properties.precision])).toEqual([
			['12 March 2024', 'exact'],
			['around 9–15 March 2024', 'approximate'],
			['March 2024', 'area']
		]);
		expect(month!.properties.places[0]).toMatchObject({
			name: 'Khyber Pakhtunkhwa',
			precision: 'area',
			province: 'PK-KP'
		});
	});

	it('imports the awkward rows with their text as it was', () => {
		const quote = (id: string) =>
			r.events.find((e) => e.properties.imported.recordId === id)!.properties.citations[0]!.quote;
		expect(quote('PAK4')).toBe('=HYPERLINK("http://example.invalid","open")');
		expect(quote('PAK5')).toBe('<img src=x onerror=alert(1)>');
		expect(quote('PAK7')).toBe('First line,\nsecond "line"\nthird line');
		expect(quote('PAK8')).toBe(LONG_NOTES);
		const pashto = r.events.find((e) => e.properties.imported.recordId === 'AFG6')!;
		expect(pashto.properties.title).toBe('Armed clash in اسعدآباد');
		expect(pashto.properties.imported.province).toBe('AF-KNR');
		expect(pashto.properties.citations[0]!.paragraph).toBe('row 7');
	});

	it('hands back every non-blank row for the workspace, in order', () => {
		expect(r.rows).toHaveLength(15);
		expect(r.rows.map((x) => x.event_id_cnty).slice(0, 3)).toEqual(['PAK1', 'PAK2', 'PAK3']);
		expect(Object.keys(r.rows[0]!)).toEqual([...ACLED_COLUMNS]);
	});

	it('posts results in batches and progress up to the whole file', () => {
		expect(r.batches.length).toBeGreaterThan(2);
		const progress = r.messages.flatMap((m) => (m.type === 'progress' ? [m.progress] : []));
		expect(progress.length).toBeGreaterThan(10);
		const bytes = progress.map((p) => p.bytesRead);
		expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
		expect(progress.at(-1)).toEqual({ rowsRead: 15, bytesRead: file.size, bytesTotal: file.size });
		expect(r.messages.at(-1)!.type).toBe('done');
	});

	it('gives the same result whatever the chunk size', async () => {
		for (const chunkBytes of [7, 4096, 1 << 20]) {
			const again = await importFile(file, chunkBytes);
			expect(again.events, `chunk ${chunkBytes}`).toEqual(r.events);
			expect(again.rejections, `chunk ${chunkBytes}`).toEqual(r.rejections);
		}
	});

	it('offers the rejected rows as CSV: line, field, reason and the row, formulas guarded', () => {
		const withFormula = [
			{ ...r.rejections[0]!, record: { ...r.rejections[0]!.record, notes: '=cmd|"/c calc"!A1' } },
			...r.rejections.slice(1)
		];
		const csv = rejectedRowsCsv(withFormula, r.summary.columns);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(`\uFEFFline,field,reason_code,reason,${ACLED_COLUMNS.join(',')}`);
		expect(lines).toHaveLength(r.rejections.length + 2);
		expect(lines[1]!.startsWith('13,latitude,decimal-comma,"latitude “33,0186” has a decimal comma')).toBe(
			true
		);
		expect(lines[1]).toContain(`"'=cmd|""/c calc""!A1"`);
		expect(lines[1]).not.toMatch(/,=cmd/);
		expect(rejectedRowsFileName('acled-test')).toBe('acled-test-rejected-rows.csv');
	});
});

describe('text encodings and chunk boundaries', () => {
	const header = 'location,latitude,longitude,date\n';
	const names = ['میر علی', 'خوست', 'Ghulām Khān', 'Qandahār'];
	const body = names.map((n, i) => `${n},${33 + i / 10},70.1,2024-01-0${i + 1}\n`).join('');

	it('keeps multi-byte characters whole when a chunk boundary cuts them', async () => {
		const file = new File([header + body], 'names.csv');
		for (const chunkBytes of [1, 2, 3, 5]) {
			const r = await importFile(file, chunkBytes);
			expect(
				r.events.map((e) => e.properties.places[0]!.name),
				`chunk ${chunkBytes}`
			).toEqual(names);
		}
	});

	it('reads UTF-16 with its byte-order mark, and Windows-1252 when the bytes are not UTF-8', async () => {
		const text = header + body;
		const utf16 = new Uint8Array(2 + text.length * 2);
		utf16.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
			utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
		}
		const r16 = await importFile(new File([utf16], 'utf16.csv'));
		expect(r16.preview.encoding).toBe('utf-16le');
		expect(r16.events.map((e) => e.properties.places[0]!.name)).toEqual(names);

		// "Peshāwar"-style names saved by an old spreadsheet: é is 0xE9 in Windows-1252.
		const latin = new Uint8Array([
			...new TextEncoder().encode(header + 'Caf'),
			0xe9,
			...new TextEncoder().encode(',33,70,2024-01-01\n')
		]);
		const r1252 = await importFile(new File([latin], 'latin.csv'));
		expect(r1252.preview.encoding).toBe('windows-1252');
		expect(r1252.events[0]!.properties.places[0]!.name).toBe('Café');
	});

	it('refuses a workbook saved with a .csv name', async () => {
		const messages: WorkerMessage[] = [];
		await handleRequest(
			{ type: 'preview', file: new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'sheet.csv') },
			(m) => messages.push(m)
		);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatchObject({ type: 'failed' });
		expect((messages[0] as { message: string }).message).toContain('Excel workbook');
	});

	it('stops with a message when a quote is never closed, after posting the rows before it', async () => {
		const text =
			header + 'Fine,33,70,2024-01-01\n"Open,33,70,2024-01-01\n' + 'y,33,70,2024-01-01\n'.repeat(450_000);
		const messages: WorkerMessage[] = [];
		const file = new File([text], 'open.csv');
		const preview = await previewFile({ type: 'preview', file });
		await handleRequest(
			{ type: 'import', file, settings: { dataset: DATASET, mapping: preview.detected.mapping } },
			(m) => messages.push(m)
		);
		const failed = messages.find((m) => m.type === 'failed') as { message: string };
		expect(failed.message).toContain('open.csv stops making sense after 1 rows');
		expect(failed.message).toContain('a quote is probably not closed');
		const events = messages.flatMap((m) => (m.type === 'batch' ? m.batch.events : []));
		expect(events).toHaveLength(1);
	});
});

describe('dataset ids and names from file names', () => {
	it.each([
		['ACLED Pakistan 2024.csv', 'acled-pakistan-2024'],
		['2024-03_events (final).geojson', '2024-03-events-final'],
		['داده.csv', 'dataset'],
		['Éléments.csv', 'elements']
	])('%j → %j', (name, id) => {
		expect(datasetIdFromFileName(name)).toBe(id);
	});

	it('an id already taken gets a number', () => {
		expect(datasetIdFromFileName('acled.csv', new Set(['acled', 'acled-2']))).toBe('acled-3');
		expect(datasetNameFromFileName('ACLED_Pakistan_2024.csv')).toBe('ACLED Pakistan 2024');
	});
});

/** A stand-in for the worker: runs the worker's own handler, posting its messages asynchronously. */
class FakeWorker implements WorkerLike {
	onmessage: WorkerLike['onmessage'] = null;
	onerror: WorkerLike['onerror'] = null;
	terminated = false;
	private cache = new DocumentCache();
	constructor(private readonly failWith?: string) {}
	postMessage(request: WorkerRequest): void {
		if (this.failWith) {
			setTimeout(() => this.onerror?.({ message: this.failWith, preventDefault() {} } as ErrorEvent));
			return;
		}
		void handleRequest(
			request,
			(m) =>
				setTimeout(() => !this.terminated && this.onmessage?.({ data: m } as MessageEvent<WorkerMessage>)),
			this.cache,
			{ chunkBytes: 512, batchRows: 2 }
		);
	}
	terminate(): void {
		this.terminated = true;
	}
}

describe('the import client', () => {
	const file = new File([ACLED_TEXT], 'acled-test.csv');

	it('previews, then imports, reporting progress and batches', async () => {
		const workers: FakeWorker[] = [];
		const client = new ImportClient(() => {
			workers.push(new FakeWorker());
			return workers.at(-1)!;
		});
		const preview = await client.preview(file);
		expect(preview.format).toBe('acled');
		let batches = 0;
		let events = 0;
		let lastProgress = 0;
		const job = client.start(
			file,
			{ dataset: DATASET, mapping: preview.detected.mapping, format: preview.format },
			{
				onBatch: (b) => {
					batches++;
					events += b.events.length;
				},
				onProgress: (p) => (lastProgress = p.bytesRead)
			}
		);
		const outcome = await job.done;
		expect(outcome).toMatchObject({ status: 'done', summary: { imported: 8, rejected: 7 } });
		expect(events).toBe(8);
		expect(batches).toBeGreaterThan(1);
		expect(lastProgress).toBe(file.size);
		// The preview and the import share one worker.
		expect(workers).toHaveLength(1);
	});

	it('cancels an import: the worker is terminated, nothing more arrives, the next import starts afresh', async () => {
		const workers: FakeWorker[] = [];
		const client = new ImportClient(() => {
			workers.push(new FakeWorker());
			return workers.at(-1)!;
		});
		const preview = await client.preview(file);
		let afterCancel = 0;
		let cancelled = false;
		const settings = { dataset: DATASET, mapping: preview.detected.mapping };
		const job = client.start(file, settings, {
			onProgress: () => {
				if (cancelled) afterCancel++;
				else {
					cancelled = true;
					job.cancel();
				}
			}
		});
		expect(await job.done).toEqual({ status: 'cancelled' });
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(afterCancel).toBe(0);
		expect(workers[0]!.terminated).toBe(true);
		const again = await client.start(file, settings).done;
		expect(again.status).toBe('done');
		expect(workers).toHaveLength(2);
	});

	it('turns a failed file into a rejected preview and a failed import, with the message', async () => {
		const client = new ImportClient(() => new FakeWorker());
		const empty = new File([], 'empty.csv');
		await expect(client.preview(empty)).rejects.toThrow('empty.csv is empty.');
		const outcome = await client.start(empty, { dataset: DATASET, mapping: { roles: {}, dateOrder: null } })
			.done;
		expect(outcome).toEqual({ status: 'failed', message: 'empty.csv is empty.' });
	});

	it('reports a worker that fails to run', async () => {
		const client = new ImportClient(() => new FakeWorker('script error'));
		const outcome = await client.start(file, { dataset: DATASET, mapping: { roles: {}, dateOrder: null } })
			.done;
		expect(outcome.status).toBe('failed');
		expect((outcome as { message: string }).message).toContain('stopped unexpectedly');
	});
});

describe('a dataset stored in the workspace and read back', async () => {
	const { datasetRecord } = await import('$lib/datasets/collection');
	const { storedDatasetFile, storedSettings } = await import('$lib/datasets/stored');
	const { datasetMeta } = await import('$lib/workspace/datasets');
	const first = await importFile(new File([ACLED_TEXT], 'acled-test.csv', { type: 'text/csv' }));

	it('rebuilds the very same events from its rows, through the same reader', async () => {
		const result = {
			dataset: DATASET,
			summary: first.summary,
			events: first.events,
			rejections: first.rejections,
			rows: first.rows,
			settings: {
				kind: 'csv' as const,
				dataset: DATASET,
				mapping: first.preview.detected.mapping,
				format: first.preview.format
			}
		};
		const meta = datasetMeta(datasetRecord(result), first.rows);
		const settings = storedSettings(meta)!;
		const messages: WorkerMessage[] = [];
		const file = storedDatasetFile(meta, first.rows);
		await runImport({ type: 'import', file, settings }, (m) => messages.push(m));
		const again = messages.flatMap((m) => (m.type === 'batch' ? m.batch.events : []));
		expect(again.map((e) => e.properties.id)).toEqual(first.events.map((e) => e.properties.id));
		expect(again.map((e) => e.properties.citations[0]!.quote)).toEqual(
			first.events.map((e) => e.properties.citations[0]!.quote)
		);
		expect(again.map((e) => e.geometry)).toEqual(first.events.map((e) => e.geometry));
	});
});
