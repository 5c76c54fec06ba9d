/**
 * What the import panel shows and hands on, as pure functions: pages of rejections, cells as one
 * line of text, progress in words (spoken at each tenth only), and a finished import as an
 * evidence-store collection and a workspace dataset record. Plus the panel's own rules: loaded
 * lazily (no page imports it yet), data shown as text, never {@html}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetCollection, datasetRecord, type ImportedDataset } from '$lib/datasets/collection';
import { cellPreview, clampPage, pageCount, pageItems, pageRangeWords } from '$lib/datasets/paging';
import { announcementStep, progressFraction, progressWords } from '$lib/datasets/progress';
import { DatasetInput, rowProblems } from '$lib/workspace/datasets';

describe('pages of rejections', () => {
	const items = Array.from({ length: 250 }, (_, i) => i + 1);

	it.each([
		[0, 1],
		[1, 1],
		[100, 1],
		[101, 2],
		[250, 3]
	])('%d items fill %d pages of 100', (total, pages) => {
		expect(pageCount(total, 100)).toBe(pages);
	});

	it('pages are brought into range, and hold their items', () => {
		expect([clampPage(0, 250, 100), clampPage(9, 250, 100), clampPage(Number.NaN, 250, 100)]).toEqual([
			1, 3, 1
		]);
		expect(pageItems(items, 3, 100)).toEqual(items.slice(200));
		expect(pageItems(items, 7, 100)).toEqual(items.slice(200));
		expect(pageRangeWords(2, 3210, 100)).toBe('101–200 of 3,210');
		expect(pageRangeWords(1, 0, 100)).toBe('none');
	});
});

describe('cells in a table', () => {
	it.each([
		['plain', 'plain'],
		['two\nlines', 'two ⏎ lines'],
		['a\r\n\r\nb', 'a ⏎ ⏎ b'],
		['  spaced   out ', 'spaced out'],
		['x'.repeat(200), 'x'.repeat(119) + '…'],
		['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>']
	])('%j → %j', (value, shown) => {
		expect(cellPreview(value)).toBe(shown);
	});
});

describe('progress', () => {
	it('in words, by bytes for CSV and by features for GeoJSON', () => {
		expect(progressWords({ rowsRead: 12000, bytesRead: 3_100_000, bytesTotal: 12_000_000 })).toBe(
			'12,000 rows read (3.1 MB of 12 MB, 25%)'
		);
		expect(progressWords({ rowsRead: 500, bytesRead: 10, bytesTotal: 10, rowsTotal: 2000 })).toBe(
			'500 features read of 2,000 (25%)'
		);
		expect(progressFraction({ rowsRead: 0, bytesRead: 0, bytesTotal: 0 })).toBe(1);
	});

	it('is announced at each tenth of the way only', () => {
		const steps = Array.from({ length: 101 }, (_, i) =>
			announcementStep({ rowsRead: i, bytesRead: i, bytesTotal: 100 })
		);
		expect(new Set(steps).size).toBe(11);
		expect(steps.slice(0, 10).every((s) => s === 0)).toBe(true);
	});
});

describe('a finished import', () => {
	const result: ImportedDataset = {
		dataset: { id: 'acled-2024', name: 'ACLED 2024', file: 'acled 2024.csv' },
		summary: {
			format: 'acled',
			columns: ['a', 'b'],
			read: 3,
			imported: 0,
			rejected: 3,
			blank: 0,
			byReason: [],
			words: '0 imported, 3 rejected'
		},
		events: [],
		rejections: [],
		rows: [{ a: '1', b: '2' }, { a: '3', b: '4', 'column 3': 'extra' }, { a: '5' }],
		settings: {
			kind: 'csv',
			dataset: { id: 'acled-2024', name: 'ACLED 2024', file: 'acled 2024.csv' },
			mapping: { roles: { latitude: 'a', longitude: 'b', title: undefined }, dateOrder: null },
			format: 'acled',
			delimiter: ','
		}
	};

	it('is one collection of the evidence store, from its file', () => {
		expect(datasetCollection(result.dataset, result.events, result.summary.words, 1)).toMatchObject({
			id: 'acled-2024',
			label: 'ACLED 2024',
			origin: { kind: 'imported', file: 'acled 2024.csv' },
			places: [],
			events: [],
			groups: [{ id: 'acled-2024', label: 'ACLED 2024', visible: true, order: 1001 }],
			sources: [{ id: 'acled-2024', title: 'ACLED 2024', kind: 'dataset' }]
		});
		// Each dataset in turn gets another symbol.
		expect(
			datasetCollection(result.dataset, result.events, result.summary.words, 0).groups![0]!.colour
		).not.toBe(datasetCollection(result.dataset, result.events, result.summary.words, 1).groups![0]!.colour);
	});

	it('is a dataset record the workspace accepts, with every column its rows use', () => {
		const record = datasetRecord(result);
		expect(DatasetInput.safeParse(record).success).toBe(true);
		expect(record.columns).toEqual(['a', 'b', 'column 3']);
		// How it was read goes with it, for its events to be rebuilt from the rows on the next load.
		expect(record.reading).toEqual({
			kind: 'csv',
			format: 'acled',
			file: 'acled 2024.csv',
			delimiter: ',',
			roles: { latitude: 'a', longitude: 'b' },
			dateOrder: null
		});
		expect(rowProblems(result.rows, record.columns)).toEqual([]);
	});
});

describe('the import panel’s files', () => {
	const dir = 'src/lib/components/datasets';
	const files = readdirSync(dir).filter((f) => f.endsWith('.svelte'));

	it('never render data as markup', () => {
		expect(files).toContain('ImportPanel.svelte');
		for (const f of files)
			expect(readFileSync(join(dir, f), 'utf8'), f).not.toMatch(/\{@html|innerHTML|setHTML/);
	});

	it('are not imported statically by any page, so the dashboard can load the panel on first use', () => {
		const routes = readdirSync('src/routes', { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile() && /\.(svelte|ts)$/.test(e.name))
			.map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
		for (const text of routes) expect(text).not.toMatch(/^import .*components\/datasets\//m);
	});
});
