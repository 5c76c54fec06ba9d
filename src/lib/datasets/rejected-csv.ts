/**
 * The rejected rows as a CSV to download, fix and import again: each row's line (or feature
 * number), the field at fault, the reason's code and words, then the row's own cells as read.
 * Written by src/lib/export/csv.ts, which guards every cell against formula injection: these
 * cells came from someone else's file and must not run when it is opened in a spreadsheet.
 */
import { CSV_UTF8_BOM, toCsv } from '../export/csv.ts';
import type { Rejection } from './types.ts';

/** The CSV text (with a BOM, for Excel) of the rejected rows, in the order given. */
export function rejectedRowsCsv(rejections: readonly Rejection[], columns: readonly string[]): string {
	const geojson = rejections.some((r) => r.feature !== undefined);
	// Columns the header did not have (cells past its end) come after the file's own.
	const extra = new Set<string>();
	for (const r of rejections) for (const k of Object.keys(r.record)) if (!columns.includes(k)) extra.add(k);
	const cellColumns = [...columns, ...extra];
	const header = [geojson ? 'feature' : 'line', 'field', 'reason_code', 'reason', ...cellColumns];
	const rows = rejections.map((r) => [
		geojson ? (r.feature ?? null) : r.line,
		r.field,
		r.code,
		r.reason,
		...cellColumns.map((c) => r.record[c] ?? '')
	]);
	return CSV_UTF8_BOM + toCsv(header, rows);
}

/** `acled-pakistan-2024-rejected-rows.csv` */
export function rejectedRowsFileName(datasetId: string): string {
	return `${datasetId}-rejected-rows.csv`;
}
