/**
 * The work of the import worker as plain async functions over a File (or Blob), so the tests run
 * exactly what the worker runs. A preview reads only the file's start; an import streams a CSV
 * in byte chunks (decoded by one TextDecoder for the whole file, so no character is cut at a
 * chunk boundary), or parses a GeoJSON file whole after its size and nesting are checked, and
 * posts progress and results in batches as it goes.
 */
import { detectColumns } from './columns.ts';
import {
	createCsvChunker,
	guessDelimiter,
	guessNewline,
	UnclosedQuoteError,
	type CsvDialect
} from './csv-chunks.ts';
import { createCsvSession } from './csv-session.ts';
import { fileKind, sizeProblem, sniffBytes, SNIFF_BYTES, type TextEncodingName } from './file-check.ts';
import { createGeoJsonSession, featureRecord, readGeoJson, type GeoJsonDocument } from './geojson.ts';
import { uniqueColumnNames } from './header-names.ts';
import type {
	FileLike,
	FilePreview,
	ImportProgress,
	ImportRequest,
	PreviewRequest,
	WorkerMessage,
	WorkerRequest
} from './import-protocol.ts';
import type { ChunkResult, DatasetRow } from './types.ts';

/** A failure the user is shown as it is. */
export class ImportFailure extends Error {}

export const PREVIEW_ROWS = 20;
/** The start of a CSV read for its preview: enough for 20 rows with long notes. */
export const PREVIEW_BYTES = 512 * 1024;
/** Bytes read at a time; each chunk is parsed, checked and reported on. */
export const CHUNK_BYTES = 1024 * 1024;
/** Results are posted to the page in batches of about this many rows. */
export const BATCH_ROWS = 2000;

export interface JobOptions {
	chunkBytes?: number;
	batchRows?: number;
}

async function bytesOf(file: FileLike, start: number, end: number): Promise<Uint8Array> {
	return new Uint8Array(await file.slice(start, end).arrayBuffer());
}

/** The file's first bytes checked: its kind, its encoding, and its size against the limit. */
async function checkFile(
	file: FileLike
): Promise<{ kind: 'csv' | 'geojson'; encoding: TextEncodingName; head: Uint8Array }> {
	const head = await bytesOf(file, 0, Math.min(file.size, SNIFF_BYTES));
	if (!head.length) throw new ImportFailure(`${file.name} is empty.`);
	const sniffed = sniffBytes(head);
	if (!sniffed.ok) throw new ImportFailure(sniffed.message);
	const firstText = new TextDecoder(sniffed.encoding).decode(head.subarray(0, 64));
	const kind = fileKind(file.name, firstText);
	const tooLarge = sizeProblem(file.size, kind);
	if (tooLarge) throw new ImportFailure(tooLarge);
	return { kind, encoding: sniffed.encoding, head };
}

/** GeoJSON documents already parsed for a preview, so the import does not parse the file again. */
export class DocumentCache {
	private key = '';
	private document: GeoJsonDocument | undefined;
	get(file: FileLike): GeoJsonDocument | undefined {
		return this.key === keyOf(file) ? this.document : undefined;
	}
	set(file: FileLike, document: GeoJsonDocument): void {
		this.key = keyOf(file);
		this.document = document;
	}
}

const keyOf = (file: FileLike) =>
	`${file.name}\u0000${file.size}\u0000${(file as { lastModified?: number }).lastModified ?? ''}`;

async function geoJsonDocument(
	file: FileLike,
	encoding: TextEncodingName,
	cache?: DocumentCache
): Promise<GeoJsonDocument> {
	const cached = cache?.get(file);
	if (cached) return cached;
	const text = new TextDecoder(encoding).decode(await bytesOf(file, 0, file.size));
	const read = readGeoJson(text);
	if (!read.ok) throw new ImportFailure(read.message);
	cache?.set(file, read.document);
	return read.document;
}

/** The first rows of a file and the proposed mapping of its columns. */
export async function previewFile(request: PreviewRequest, cache?: DocumentCache): Promise<FilePreview> {
	const { file } = request;
	const { kind, encoding } = await checkFile(file);
	const base = { kind, fileName: file.name, bytes: file.size, encoding };

	if (kind === 'geojson') {
		const document = await geoJsonDocument(file, encoding, cache);
		const rows = document.features.slice(0, PREVIEW_ROWS).map((f) => featureRecord(f, document));
		const properties = document.columns.filter((c) => c !== document.geometryColumn);
		const detected = detectColumns(properties, { samples: rows, geometry: true });
		if (document.format === 'atlas') {
			detected.format = 'atlas';
			detected.notes.unshift(
				'This is the atlas’s own events file: its events import as they are, with their citations.'
			);
		}
		return {
			...base,
			format: detected.format,
			columns: document.columns,
			rows,
			detected,
			featureCount: document.features.length,
			...(document.name ? { layerName: document.name } : {})
		};
	}

	const whole = file.size <= PREVIEW_BYTES;
	const text = new TextDecoder(encoding).decode(await bytesOf(file, 0, Math.min(file.size, PREVIEW_BYTES)), {
		stream: !whole
	});
	const newline = guessNewline(text);
	const delimiter = request.delimiter ?? guessDelimiter(text, newline);
	const chunker = createCsvChunker({ delimiter, newline });
	const parsed = chunker.push(text).rows;
	if (whole) parsed.push(...chunker.end().rows);
	const nonBlank = parsed.filter((r) => r.some((c) => c.trim()));
	const [header, ...body] = nonBlank;
	if (!header) throw new ImportFailure(`${file.name} has no header row.`);
	const columns = uniqueColumnNames(header);
	const rows = body.slice(0, PREVIEW_ROWS).map((cells) => {
		const record: DatasetRow = {};
		columns.forEach((c, j) => (record[c] = cells[j] ?? ''));
		return record;
	});
	const detected = detectColumns(columns, { samples: rows });
	return { ...base, format: detected.format, columns, rows, detected, delimiter, newline };
}

/** Collects results until a batch is full, then posts it. */
class Batcher {
	private pending: ChunkResult = { events: [], rejections: [], rows: [] };
	private size = 0;
	constructor(
		private readonly post: (m: WorkerMessage) => void,
		private readonly limit: number
	) {}
	add(chunk: ChunkResult): void {
		for (const e of chunk.events) this.pending.events.push(e);
		for (const r of chunk.rejections) this.pending.rejections.push(r);
		for (const r of chunk.rows) this.pending.rows.push(r);
		this.size += chunk.rows.length;
		if (this.size >= this.limit) this.flush();
	}
	flush(): void {
		if (!this.size && !this.pending.rejections.length) return;
		this.post({ type: 'batch', batch: this.pending });
		this.pending = { events: [], rejections: [], rows: [] };
		this.size = 0;
	}
}

/** Runs an import, posting progress, batches and the summary; throws an ImportFailure to stop. */
export async function runImport(
	request: ImportRequest,
	post: (m: WorkerMessage) => void,
	options: JobOptions = {},
	cache?: DocumentCache
): Promise<void> {
	const { file, settings } = request;
	const { chunkBytes = CHUNK_BYTES, batchRows = BATCH_ROWS } = options;
	const { kind, encoding, head } = await checkFile(file);
	const batcher = new Batcher(post, batchRows);
	const progress = (p: ImportProgress) => post({ type: 'progress', progress: p });

	if (kind === 'geojson') {
		const document = await geoJsonDocument(file, encoding, cache);
		const session = createGeoJsonSession(document, settings.dataset, settings.mapping);
		const rowsTotal = document.features.length;
		progress({ rowsRead: 0, bytesRead: file.size, bytesTotal: file.size, rowsTotal });
		while (!session.done) {
			batcher.add(session.next(batchRows));
			progress({ rowsRead: session.position, bytesRead: file.size, bytesTotal: file.size, rowsTotal });
		}
		batcher.flush();
		post({ type: 'done', summary: session.summary() });
		return;
	}

	const sample = new TextDecoder(encoding).decode(head, { stream: true });
	const newline = guessNewline(sample);
	const dialect: CsvDialect = { delimiter: settings.delimiter ?? guessDelimiter(sample, newline), newline };
	const chunker = createCsvChunker(dialect);
	const session = createCsvSession(settings.dataset, settings.mapping, settings.format === 'acled');
	const decoder = new TextDecoder(encoding);
	const feed = (text: string, last: boolean) => {
		const parsed = chunker.push(text);
		batcher.add(session.push(parsed.rows, parsed.errors));
		if (last) {
			const rest = chunker.end();
			batcher.add(session.push(rest.rows, rest.errors));
		}
	};
	try {
		for (let start = 0; start < file.size; start += chunkBytes) {
			const end = Math.min(file.size, start + chunkBytes);
			const last = end >= file.size;
			const bytes = await bytesOf(file, start, end);
			feed(decoder.decode(bytes, { stream: !last }), last);
			progress({ rowsRead: session.summary().read, bytesRead: end, bytesTotal: file.size });
		}
	} catch (e) {
		if (e instanceof UnclosedQuoteError) {
			batcher.flush();
			throw new ImportFailure(
				`${file.name} stops making sense after ${session.summary().read.toLocaleString('en-GB')} rows: ${e.message}. Fix the quotes and import the file again.`
			);
		}
		throw e;
	}
	batcher.flush();
	post({ type: 'done', summary: session.summary() });
}

/** What the worker does with a message: answer it, or post the failure in words. */
export async function handleRequest(
	request: WorkerRequest,
	post: (m: WorkerMessage) => void,
	cache?: DocumentCache,
	options?: JobOptions
): Promise<void> {
	try {
		if (request.type === 'preview') post({ type: 'preview', preview: await previewFile(request, cache) });
		else await runImport(request, post, options, cache);
	} catch (e) {
		const message =
			e instanceof ImportFailure
				? e.message
				: `The file could not be read: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`;
		post({ type: 'failed', message });
	}
}
