/**
 * CSV text in, rows out, a chunk at a time: PapaParse's own parser (`Papa.Parser`, the one its
 * chunk mode runs), fed by us with text we decoded ourselves. PapaParse's file streamer decodes
 * each byte slice on its own, so a UTF-8 character cut by a slice boundary turns into U+FFFD
 * (PapaParse #751, #1132): every Pashto or Urdu name in a large file is at risk. Its `worker: true`
 * breaks in Vite production builds (PapaParse #1122), so the worker is the project's own.
 *
 * The delimiter and line break are fixed for the whole file (from the preview), because a guess
 * made from the first small chunk leaves a stray CR on CRLF files (PapaParse #1132).
 */
import Papa from 'papaparse';
import type { RowParseError } from './csv-session.ts';

export interface CsvDialect {
	delimiter: string;
	newline: '\n' | '\r\n' | '\r';
}

export interface ParsedChunk {
	rows: string[][];
	errors: RowParseError[];
}

/**
 * The most text a single unfinished row may hold while more is read: far more than any honest
 * cell (a 100 KB note is fine), and a bound on the work, since the unfinished row is parsed again
 * with every chunk: an unclosed quote early in a large file would otherwise make the import
 * quadratic. Past it, the file's quotes are taken to be broken.
 */
export const MAX_PENDING_CHARS = 8_000_000;

/** A quote left open for more than MAX_PENDING_CHARS: what follows cannot be read as rows. */
export class UnclosedQuoteError extends Error {}

export interface CsvChunker {
	/** Parses the complete rows of the text seen so far; an unfinished last row waits for more. */
	push(text: string): ParsedChunk;
	/** Parses whatever is left (the last row, with or without a final line break). */
	end(): ParsedChunk;
}

interface PapaResult {
	data: string[][];
	errors: { row?: number; code: string; message: string }[];
	meta: { cursor: number };
}

export function createCsvChunker(dialect: CsvDialect): CsvChunker {
	const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
	let partial = '';
	let base = 0;

	const toChunk = (r: PapaResult): ParsedChunk => ({
		rows: r.data,
		errors: r.errors.map((e) => ({ row: e.row ?? 0, code: e.code, message: e.message }))
	});

	return {
		push(text) {
			const aggregate = partial + text;
			const result = parser.parse(aggregate, base, true) as PapaResult;
			// The parser stops before the last row, which may be cut: keep it for the next push.
			partial = aggregate.substring(result.meta.cursor - base);
			base = result.meta.cursor;
			if (partial.length > MAX_PENDING_CHARS)
				throw new UnclosedQuoteError(
					`a row runs on for more than ${MAX_PENDING_CHARS.toLocaleString('en-GB')} characters: a quote is probably not closed`
				);
			return toChunk(result);
		},
		end() {
			const rest = partial;
			partial = '';
			if (!rest) return { rows: [], errors: [] };
			return toChunk(parser.parse(rest, base, false) as PapaResult);
		}
	};
}

/** The line break most used outside quotes in a sample of the text. */
export function guessNewline(sample: string): CsvDialect['newline'] {
	let crlf = 0;
	let lf = 0;
	let cr = 0;
	let quoted = false;
	for (let i = 0; i < sample.length; i++) {
		const c = sample.charCodeAt(i);
		if (c === 34) quoted = !quoted;
		else if (quoted) continue;
		else if (c === 13) {
			if (sample.charCodeAt(i + 1) === 10) {
				crlf++;
				i++;
			} else cr++;
		} else if (c === 10) lf++;
	}
	if (crlf >= lf && crlf >= cr && crlf > 0) return '\r\n';
	return cr > lf ? '\r' : '\n';
}

/** The delimiters a user may choose between (PapaParse guesses among these too). */
export const DELIMITERS = [
	{ value: ',', label: 'comma (,)' },
	{ value: ';', label: 'semicolon (;)' },
	{ value: '\t', label: 'tab' },
	{ value: '|', label: 'vertical bar (|)' }
] as const;

/** The delimiter of a sample, as PapaParse guesses it from its first rows. */
export function guessDelimiter(sample: string, newline: CsvDialect['newline']): string {
	const guessed = Papa.parse<string[]>(sample, {
		preview: 20,
		newline,
		delimitersToGuess: DELIMITERS.map((d) => d.value)
	});
	return guessed.meta.delimiter || ',';
}
