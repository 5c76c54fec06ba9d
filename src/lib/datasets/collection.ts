/**
 * A finished import as what the rest of the atlas takes: one collection of the evidence store
 * (origin "imported", named after its dataset), and the dataset record and rows the workspace
 * stores (`put('dataset', input, { rows })`).
 */
import type { EvidenceCollection } from '../evidence/store.svelte.ts';
import type { EventFeature } from '../schema/exported.ts';
import type { DatasetInput } from '../workspace/datasets.ts';
import type { DatasetInfo, DatasetRow, ImportSummary, Rejection } from './types.ts';

/** Everything an import produced, handed to the page by the import panel. */
export interface ImportedDataset {
	dataset: DatasetInfo;
	summary: ImportSummary;
	events: EventFeature[];
	rejections: Rejection[];
	/** Every non-blank row read, good or rejected, by column name. */
	rows: DatasetRow[];
}

/** The evidence store's collection of a dataset: its events, no places of its own. */
export function datasetCollection(result: ImportedDataset): EvidenceCollection {
	return {
		id: result.dataset.id,
		label: result.dataset.name,
		origin: { kind: 'imported', file: result.dataset.file },
		places: [],
		events: result.events
	};
}

/**
 * The workspace's record of a dataset (its rows go beside it, in chunks). Its columns are the
 * file's, plus any a row had beyond the header (`column 32`), since every key of a stored row must
 * be one of its dataset's columns.
 */
export function datasetRecord(result: ImportedDataset): DatasetInput {
	const columns = new Set(result.summary.columns);
	for (const row of result.rows) for (const key in row) columns.add(key);
	return {
		id: result.dataset.id,
		title: result.dataset.name,
		description: `${result.summary.words}, from ${result.dataset.file}`,
		columns: columns.size ? [...columns] : ['(no columns)']
	};
}
