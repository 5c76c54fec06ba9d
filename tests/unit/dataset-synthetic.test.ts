/**
 * The synthetic ACLED-format generator: the same seed gives the same bytes, another seed other
 * bytes; its files are ACLED exports to the importer, every row imports, and the rows it spoils
 * on purpose are rejected for exactly the reasons it says.
 */
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '$lib/datasets/acled';
import { previewFile, runImport } from '$lib/datasets/import-job';
import type { WorkerMessage } from '$lib/datasets/import-protocol';
import { syntheticAcledCsv } from '$lib/datasets/synthetic';
import type { ImportSummary } from '$lib/datasets/types';

async function importSynthetic(text: string) {
	const file = new File([text], 'synthetic.csv');
	const preview = await previewFile({ type: 'preview', file });
	const messages: WorkerMessage[] = [];
	await runImport(
		{
			type: 'import',
			file,
			settings: {
				dataset: { id: 'synthetic', name: 'Synthetic', file: file.name },
				mapping: preview.detected.mapping,
				format: preview.format
			}
		},
		(m) => messages.push(m),
		{ chunkBytes: 64 * 1024 }
	);
	const summary = messages.find(
		(m): m is { type: 'done'; summary: ImportSummary } => m.type === 'done'
	)!.summary;
	return { preview, summary, messages };
}

describe('the synthetic ACLED generator', () => {
	it('is deterministic: the same seed gives the same file, another seed another', () => {
		const a = syntheticAcledCsv({ rows: 500, seed: 7 });
		expect(syntheticAcledCsv({ rows: 500, seed: 7 })).toEqual(a);
		expect(syntheticAcledCsv({ rows: 500, seed: 8 }).text).not.toBe(a.text);
		// A longer file starts with the shorter one's rows.
		expect(syntheticAcledCsv({ rows: 600, seed: 7 }).text.startsWith(a.text)).toBe(true);
	});

	it('writes ACLED’s 31 columns after a BOM, with CRLF line ends', () => {
		const { text } = syntheticAcledCsv({ rows: 3 });
		expect(text.startsWith('\uFEFF' + ACLED_COLUMNS.join(',') + '\r\n')).toBe(true);
		expect(text.endsWith('\r\n')).toBe(true);
	});

	it('makes files that import whole, as ACLED exports, with every precision code used', async () => {
		const { preview, summary, messages } = await importSynthetic(
			syntheticAcledCsv({ rows: 3000, seed: 3 }).text
		);
		expect(preview.format).toBe('acled');
		expect(summary).toMatchObject({ read: 3000, imported: 3000, rejected: 0, blank: 0 });
		const events = messages.flatMap((m) => (m.type === 'batch' ? m.batch.events : []));
		const precisions = new Set(events.map((e) => e.properties.precision));
		const dates = new Set(events.map((e) => e.properties.date.precision));
		expect([...precisions].sort()).toEqual(['approximate', 'area', 'exact']);
		expect([...dates].sort()).toEqual(['approximate', 'day', 'month']);
		// Nothing in it is a fact: every note says it is synthetic, and no casualty figure is made up.
		expect(events.every((e) => /Synthetic note|یادداشت نمونه/.test(e.properties.citations[0]!.quote))).toBe(
			true
		);
	});

	it('spoils every n-th row in rotation, and the import rejects exactly those', async () => {
		const { text, spoiled } = syntheticAcledCsv({ rows: 2000, seed: 5, rejectEvery: 25 });
		expect(spoiled).toEqual({
			'decimal-comma': 20,
			'missing-coordinates': 20,
			'unparseable-date': 20,
			'outside-region': 20
		});
		const { summary } = await importSynthetic(text);
		expect(summary).toMatchObject({ read: 2000, imported: 1920, rejected: 80 });
		expect(Object.fromEntries(summary.byReason.map((r) => [r.code, r.count]))).toEqual(spoiled);
	});
});
