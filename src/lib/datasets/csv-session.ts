/**
 * One CSV import as a stream of parsed rows (pure and synchronous): the first non-blank row is the
 * header, every later row becomes an event or a rejection. It keeps the line count (the header is
 * line 1; a quoted newline adds a line), the spreadsheet row number (the header is row 1) and the
 * tally, so the worker and the tests feed it the same way, chunk by chunk.
 */
import { uniqueColumnNames } from './header-names.ts';
import { rowLines } from './line-count.ts';
import { reject } from './reasons.ts';
import { readRow, type ReadContext } from './row-reader.ts';
import { ImportTally } from './summary.ts';
import type { ChunkResult, ColumnMapping, DatasetInfo, DatasetRow, ImportSummary } from './types.ts';

/** A parse error the CSV parser reports for a row of the chunk (by its index in the chunk). */
export interface RowParseError {
	row: number;
	code: string;
	message: string;
}

export interface CsvSession {
	/** Feeds the next rows of the file (the header first), with the parser's errors for them. */
	push(rows: readonly string[][], errors?: readonly RowParseError[]): ChunkResult;
	/** The columns as named for the dataset, once the header has been read. */
	readonly columns: string[];
	summary(): ImportSummary;
}

const QUOTE_ERRORS = new Set(['MissingQuotes', 'InvalidQuotes']);

const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

export function createCsvSession(dataset: DatasetInfo, mapping: ColumnMapping, acled = false): CsvSession {
	let columns: string[] | undefined;
	let nextLine = 1;
	let rowNumber = 0;
	const tally = new ImportTally();
	const seenIds = new Map<string, string>();
	let ctx: ReadContext | undefined;

	function push(rows: readonly string[][], errors: readonly RowParseError[] = []): ChunkResult {
		const result: ChunkResult = { events: [], rejections: [], rows: [] };
		const quoteErrors = new Map<number, RowParseError>();
		for (const e of errors)
			if (QUOTE_ERRORS.has(e.code) && !quoteErrors.has(e.row)) quoteErrors.set(e.row, e);

		rows.forEach((cells, i) => {
			const line = nextLine;
			nextLine += rowLines(cells);
			rowNumber++;
			if (!columns) {
				if (isBlank(cells)) return;
				columns = uniqueColumnNames(cells);
				ctx = { dataset, mapping, columns, seenIds };
				return;
			}
			if (isBlank(cells) && !quoteErrors.has(i)) {
				tally.blank++;
				return;
			}
			tally.read++;
			const record: DatasetRow = {};
			columns.forEach((c, j) => (record[c] = cells[j] ?? ''));
			// Cells beyond the header's columns are kept under numbered names, so the download has them.
			for (let j = columns.length; j < cells.length; j++) record[`column ${j + 1}`] = cells[j]!;
			result.rows.push(record);
			const at = { line };

			const quoteError = quoteErrors.get(i);
			if (quoteError) {
				result.rejections.push(
					reject(
						'malformed-quotes',
						'(row)',
						cells.join(','),
						`the row’s quotes are malformed: ${quoteError.message.toLowerCase()}`,
						at,
						record
					)
				);
				return;
			}
			if (cells.length !== columns.length) {
				result.rejections.push(
					reject(
						'field-count',
						'(row)',
						cells.join(','),
						`the row has ${cells.length} fields; the header has ${columns.length}`,
						at,
						record
					)
				);
				return;
			}
			const read = readRow(record, { line, row: rowNumber }, ctx!);
			if (read.ok) {
				tally.imported++;
				result.events.push(read.event);
			} else result.rejections.push(read.rejection);
		});
		tally.addRejections(result.rejections);
		return result;
	}

	return {
		push,
		get columns() {
			return columns ?? [];
		},
		summary: () => tally.summary(acled ? 'acled' : 'csv', columns ?? [])
	};
}
