/**
 * What a file is, checked before it is parsed: its size against the limits, and its first bytes
 * for things that are not text at all (a workbook, a zip, a PDF, a GeoPackage, random bytes),
 * each with a message saying what to do. Text is read as UTF-8, as UTF-16 when a byte-order mark
 * says so, and as Windows-1252 when its bytes are not valid UTF-8 (old spreadsheet exports).
 */
import { formatBytes } from '../workspace/persistence.ts';

/**
 * A CSV is streamed, but every imported event stays in memory (the map, the list): a bound on
 * what one browser tab is asked to hold. ACLED's exports for both countries over all years are
 * well under it.
 */
export const MAX_CSV_BYTES = 500_000_000;
/** A GeoJSON file is parsed whole, and a JavaScript string holding it is at most about 500 MB, and parsing holds it several times over. */
export const MAX_GEOJSON_BYTES = 100_000_000;
/** How many bytes are looked at to tell what a file is. */
export const SNIFF_BYTES = 64 * 1024;

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type SniffResult = { ok: true; encoding: TextEncodingName } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** What the first bytes of a file say it is. */
export function sniffBytes(bytes: Uint8Array): SniffResult {
	if (startsWith(bytes, 0xff, 0xfe)) return { ok: true, encoding: 'utf-16le' };
	if (startsWith(bytes, 0xfe, 0xff)) return { ok: true, encoding: 'utf-16be' };
	if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04))
		return {
			ok: false,
			message:
				'This is a zip file (an Excel workbook .xlsx, a zipped shapefile or a .kmz?), not text. Save the sheet as CSV (UTF-8), or convert the data to GeoJSON, and import that.'
		};
	if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0))
		return {
			ok: false,
			message:
				'This is an old Excel workbook (.xls), not text. Save the sheet as CSV (UTF-8) and import that.'
		};
	if (startsWith(bytes, 0x1f, 0x8b))
		return {
			ok: false,
			message: 'This file is gzip-compressed. Decompress it first, then import the CSV or GeoJSON inside.'
		};
	if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46))
		return {
			ok: false,
			message: 'This is a PDF, not a table. Add it as a source instead, or import its data as CSV.'
		};
	if (startsWith(bytes, 0x53, 0x51, 0x4c, 0x69, 0x74, 0x65))
		return {
			ok: false,
			message:
				'This is a SQLite database (a GeoPackage?). Export its layer as GeoJSON (ogr2ogr -f GeoJSON) and import that.'
		};
	// NUL and most other control characters never occur in CSV or JSON text.
	const at = bytes.findIndex(
		(b) => b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)
	);
	if (at >= 0)
		return {
			ok: false,
			message: `This file holds binary bytes (at byte ${at.toLocaleString('en-GB')}), not text: it is not a CSV or GeoJSON file.`
		};
	try {
		// `stream: true`: a character cut at the end of the sample is not an error.
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
		return { ok: true, encoding: 'utf-8' };
	} catch {
		return { ok: true, encoding: 'windows-1252' };
	}
}

/** The size check of a file, before any of it is read; undefined when it is within the limit. */
export function sizeProblem(size: number, kind: 'csv' | 'geojson'): string | undefined {
	const limit = kind === 'csv' ? MAX_CSV_BYTES : MAX_GEOJSON_BYTES;
	if (size <= limit) return undefined;
	const what = kind === 'csv' ? 'CSV' : 'GeoJSON';
	return `This ${what} file is too large to import: it is ${formatBytes(size)}, and the limit is ${formatBytes(limit)}. Nothing was imported; split it (by year or country, say) and import the parts.`;
}

/** CSV or GeoJSON, from the file's name, else from its first character. */
export function fileKind(name: string, firstText: string): 'csv' | 'geojson' {
	if (/\.(geo)?json$/i.test(name)) return 'geojson';
	if (/\.(csv|tsv|tab|txt)$/i.test(name)) return 'csv';
	return /^\s*[{[]/.test(firstText.replace(/^\uFEFF/, '')) ? 'geojson' : 'csv';
}
