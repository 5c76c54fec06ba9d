/**
 * The messages between the page and the import worker. The page asks for a preview of a file
 * (its first rows and the proposed column mapping), then for the import with the mapping the
 * user settled; the worker answers with progress, batches of results and a summary, or a failure
 * in words. Cancelling is terminating the worker: nothing needs to be told.
 */
import type { TextEncodingName } from './file-check.ts';
import type {
	ChunkResult,
	ColumnMapping,
	DatasetFormat,
	DatasetInfo,
	DatasetRow,
	DetectedColumns,
	ImportSummary
} from './types.ts';

/** A file, as the worker needs it: a File or Blob (or anything with the same reading methods). */
export interface FileLike {
	readonly name: string;
	readonly size: number;
	slice(start?: number, end?: number): Blob;
}

export interface PreviewRequest {
	type: 'preview';
	file: FileLike;
	/** The delimiter to read a CSV with; guessed when absent. */
	delimiter?: string;
}

export interface ImportSettings {
	dataset: DatasetInfo;
	mapping: ColumnMapping;
	/** The format the preview found (an ACLED export is summed up as one). */
	format?: DatasetFormat;
	/** The delimiter the preview used (or the user chose), for CSV. */
	delimiter?: string;
}

export interface ImportRequest {
	type: 'import';
	file: FileLike;
	settings: ImportSettings;
}

export type WorkerRequest = PreviewRequest | ImportRequest;

/** The first rows of a file and what its columns seem to be. */
export interface FilePreview {
	kind: 'csv' | 'geojson';
	format: DatasetFormat;
	fileName: string;
	bytes: number;
	encoding: TextEncodingName;
	/** Column names (for GeoJSON: property names, then the geometry column). */
	columns: string[];
	/** The first rows (at most PREVIEW_ROWS), by column name. */
	rows: DatasetRow[];
	detected: DetectedColumns;
	/** CSV: the delimiter and line break read. */
	delimiter?: string;
	newline?: string;
	/** GeoJSON: how many features the file has, and GDAL's layer name. */
	featureCount?: number;
	layerName?: string;
}

export interface ImportProgress {
	rowsRead: number;
	bytesRead: number;
	bytesTotal: number;
	/** Known for GeoJSON (its features are counted before they are read). */
	rowsTotal?: number;
}

export type WorkerMessage =
	| { type: 'preview'; preview: FilePreview }
	| { type: 'progress'; progress: ImportProgress }
	| { type: 'batch'; batch: ChunkResult }
	| { type: 'done'; summary: ImportSummary }
	| { type: 'failed'; message: string };
