/**
 * A finished import as what the rest of the atlas takes: one collection of the evidence store
 * (origin "imported", named after its dataset, with a layer group and a source of its own), and
 * the dataset record and rows the workspace stores (`put('dataset', input, { rows })`), which
 * carry how they were read so that a later load rebuilds the same events (stored.ts).
 */
import type { EvidenceCollection } from '../evidence/store.svelte.ts';
import type { EventFeature } from '../schema/exported.ts';
import type { LayerGroup, SymbolShape } from '../schema/model.ts';
import type { DatasetInput, DatasetReading } from '../workspace/datasets.ts';
import type { ImportSettings } from './import-protocol.ts';
import type { DatasetInfo, DatasetRow, ImportSummary, Rejection } from './types.ts';

/** Everything an import produced, handed to the page by the import panel. */
export interface ImportedDataset {
	dataset: DatasetInfo;
	summary: ImportSummary;
	events: EventFeature[];
	rejections: Rejection[];
	/** Every non-blank row read, good or rejected, by column name. */
	rows: DatasetRow[];
	/** How the file was read: kept with the rows to rebuild its events on the next load. */
	settings: ImportSettings & { kind: 'csv' | 'geojson' };
}

/**
 * Symbols for datasets, one per dataset in turn: colours of the Okabe–Ito set the bundled groups
 * leave free (and a blue-grey), shapes that differ from the colour's bundled neighbour, all with
 * at least 3:1 contrast on the basemap's land.
 */
const DATASET_SYMBOLS: { colour: string; shape: SymbolShape }[] = [
	{ colour: '#8b3a62', shape: 'circle' },
	{ colour: '#1b7a6e', shape: 'square' },
	{ colour: '#5a4fcf', shape: 'diamond' },
	{ colour: '#7a5c00', shape: 'triangle' },
	{ colour: '#44637a', shape: 'hexagon' }
];

/** The layer group of a dataset: the `index`th dataset's symbol, after every bundled group. */
export function datasetGroup(dataset: DatasetInfo, index: number, description: string): LayerGroup {
	const symbol = DATASET_SYMBOLS[index % DATASET_SYMBOLS.length]!;
	return {
		id: dataset.group ?? dataset.id,
		label: dataset.name,
		description,
		colour: symbol.colour,
		shape: symbol.shape,
		visible: true,
		order: 1000 + index
	};
}

/**
 * The evidence store's collection of a dataset: its events, its own group and its source. Takes
 * only what both a fresh import and one rebuilt from the workspace have: the dataset, its events,
 * the summary's words ("1,200 imported, 3 rejected") and its place among the user's datasets.
 */
export function datasetCollection(
	dataset: DatasetInfo,
	events: EventFeature[],
	words: string,
	index = 0
): EvidenceCollection {
	return {
		id: dataset.id,
		label: dataset.name,
		origin: { kind: 'imported', file: dataset.file },
		places: [],
		events,
		groups: [datasetGroup(dataset, index, `Imported from ${dataset.file}: ${words}.`)],
		sources: [
			{ id: dataset.id, title: dataset.name, publisher: dataset.publisher ?? dataset.file, kind: 'dataset' }
		]
	};
}

/** How the workspace keeps the settings of an import. */
export function datasetReading(result: ImportedDataset): DatasetReading {
	const { dataset, settings } = result;
	const roles: Record<string, string> = {};
	for (const [role, column] of Object.entries(settings.mapping.roles)) if (column) roles[role] = column;
	return {
		kind: settings.kind,
		format: settings.format ?? (settings.kind === 'geojson' ? 'geojson' : 'csv'),
		file: dataset.file,
		...(dataset.publisher ? { publisher: dataset.publisher } : {}),
		...(dataset.date ? { date: dataset.date } : {}),
		...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
		roles,
		dateOrder: settings.mapping.dateOrder
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
		columns: columns.size ? [...columns] : ['(no columns)'],
		reading: datasetReading(result)
	};
}
