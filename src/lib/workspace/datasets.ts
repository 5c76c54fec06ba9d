/**
 * Imported datasets (a CSV of events, say) are stored as one metadata record plus its rows in
 * chunks of `CHUNK_ROWS` rows, one IndexedDB value per chunk: writing 100,000 rows one record per
 * row took 24 s on the project's machine, as one value 0.5 s, and chunks keep any single value
 * small enough to write, read and clone without stalling a tab.
 */
import { z } from 'zod';
import { Id } from '../schema/model.ts';
import { hashText } from './rev.ts';

export const CHUNK_ROWS = 5000;

/** One cell: text, a finite number, true/false or empty (null). */
export type Cell = string | number | boolean | null;
/** One row: its cells by column name; a column may be missing from a row (empty). */
export type Row = Record<string, Cell>;

/** A stored chunk: rows `index * chunkSize` onwards of dataset `dataset`. */
export interface Chunk {
	dataset: string;
	index: number;
	rows: Row[];
}

const Columns = z
	.array(z.string().min(1))
	.min(1)
	.refine((cols) => new Set(cols).size === cols.length, 'column names must be unique');

/**
 * How an imported dataset's rows are read as events (the import's settings): kept with it so
 * that its events are rebuilt from the stored rows, by the same reader, on every load.
 */
export const DatasetReading = z.strictObject({
	kind: z.enum(['csv', 'geojson']),
	format: z.enum(['acled', 'csv', 'geojson', 'atlas']),
	file: z.string().min(1),
	publisher: z.string().min(1).optional(),
	date: z.string().min(1).optional(),
	delimiter: z.string().min(1).optional(),
	roles: z.record(z.string(), z.string()),
	dateOrder: z.enum(['dmy', 'mdy']).nullable()
});

/** What the user gives for a dataset; the rest of its record is computed from its rows. */
export const DatasetInput = z.strictObject({
	id: Id,
	title: z.string().min(1),
	description: z.string().min(1).optional(),
	columns: Columns,
	reading: DatasetReading.optional()
});
export type DatasetReading = z.infer<typeof DatasetReading>;

/** A dataset record as stored: the input plus what its rows are. */
export const DatasetMeta = DatasetInput.extend({
	rowCount: z.number().int().min(0),
	chunkSize: z.number().int().min(1),
	chunkCount: z.number().int().min(0),
	/** The hash of the rows, so a change of rows is a change of the record (and of its revision). */
	rowsHash: z.string().regex(/^[0-9a-f]{14}$/)
});

export type DatasetInput = z.infer<typeof DatasetInput>;
export type DatasetMeta = z.infer<typeof DatasetMeta>;

const isCell = (v: unknown) =>
	v === null ||
	typeof v === 'string' ||
	typeof v === 'boolean' ||
	(typeof v === 'number' && Number.isFinite(v));

/**
 * What is wrong with the rows, at most `limit` problems, each naming the row (counted from 1)
 * and the column: rows must be plain objects whose keys are the dataset's columns and whose
 * values are cells.
 */
export function rowProblems(
	rows: readonly unknown[],
	columns: readonly string[],
	limit = 20
): { field: string; message: string }[] {
	const known = new Set(columns);
	const problems: { field: string; message: string }[] = [];
	// Plain loops, no entries arrays or strings made for a good row: this runs over every row of
	// a large import.
	for (let i = 0; i < rows.length && problems.length < limit; i++) {
		const row = rows[i];
		if (!row || typeof row !== 'object' || Array.isArray(row)) {
			problems.push({
				field: `rows[${i}]`,
				message: `row ${i + 1} is not an object of cells by column name`
			});
			continue;
		}
		for (const column in row) {
			if (!Object.hasOwn(row, column)) continue;
			const value = (row as Record<string, unknown>)[column];
			if (!known.has(column))
				problems.push({
					field: `rows[${i}]`,
					message: `row ${i + 1}: column "${column}" is not one of the dataset's columns`
				});
			else if (!isCell(value))
				problems.push({
					field: `rows[${i}].${column}`,
					message: `row ${i + 1}, column "${column}": a cell must be text, a finite number, true/false or null`
				});
		}
	}
	return problems;
}

/**
 * `canonicalJson(rows)` (./rev.ts) for rows of cells, by one native `JSON.stringify` whose
 * replacer is the sorted list of every column the rows use: JSON writes each row's keys in that
 * list's order, which is its own keys sorted, so the text is the same, many times faster (an
 * imported dataset has a hundred thousand rows; the generic replacer rebuilds and sorts each).
 */
export function rowsJson(rows: readonly Row[]): string {
	const columns = new Set<string>();
	let previous: Row | undefined;
	for (const row of rows) {
		// Rows of one file share their columns: a row is looked through only when it has others.
		if (previous && sameKeys(previous, row)) continue;
		for (const key in row) columns.add(key);
		previous = row;
	}
	return JSON.stringify(rows, [...columns].sort());
}

function sameKeys(a: Row, b: Row): boolean {
	let n = 0;
	for (const key in b) {
		if (!(key in a)) return false;
		n++;
	}
	return n === Object.keys(a).length;
}

function* chunkHashes(rows: readonly Row[], chunkSize: number): Generator<string> {
	for (let i = 0; i < rows.length; i += chunkSize) yield hashText(rowsJson(rows.slice(i, i + chunkSize)));
}

/** The hash of rows, chunk by chunk (the same rows always give the same hash). */
export function rowsHash(rows: readonly Row[], chunkSize = CHUNK_ROWS): string {
	return hashText([...chunkHashes(rows, chunkSize)].join(','));
}

/**
 * `rowsHash`, giving the page a turn between chunks: a hundred thousand rows take seconds to
 * hash on a slow machine, and the page must keep drawing and answering meanwhile.
 */
export async function rowsHashInTurns(rows: readonly Row[], chunkSize = CHUNK_ROWS): Promise<string> {
	const parts: string[] = [];
	for (const hash of chunkHashes(rows, chunkSize)) {
		parts.push(hash);
		await new Promise((turn) => setTimeout(turn, 0));
	}
	return hashText(parts.join(','));
}

/** The rows cut into chunks for one dataset. */
export function toChunks(dataset: string, rows: readonly Row[], chunkSize = CHUNK_ROWS): Chunk[] {
	const chunks: Chunk[] = [];
	for (let i = 0; i < rows.length; i += chunkSize)
		chunks.push({ dataset, index: chunks.length, rows: rows.slice(i, i + chunkSize) });
	return chunks;
}

/** The stored record of a dataset with these rows. */
export function datasetMeta(
	input: DatasetInput,
	rows: readonly Row[],
	chunkSize = CHUNK_ROWS,
	hash = rowsHash(rows, chunkSize)
): DatasetMeta {
	return {
		...input,
		rowCount: rows.length,
		chunkSize,
		chunkCount: Math.ceil(rows.length / chunkSize),
		rowsHash: hash
	};
}
