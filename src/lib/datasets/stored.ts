/**
 * A stored dataset back as a file: its rows, as the workspace keeps them, written out as the CSV
 * or GeoJSON they were read from, so that the events are rebuilt on every load by the very
 * reader (and worker) an import goes through, with the same checks and the same ids.
 */
import Papa from 'papaparse';
import type { DatasetMeta, Row } from '../workspace/datasets.ts';
import type { ImportSettings } from './import-protocol.ts';
import type { ColumnMapping } from './types.ts';

/** The settings an import of the stored dataset runs with. */
export function storedSettings(meta: DatasetMeta): ImportSettings | undefined {
	const r = meta.reading;
	if (!r) return undefined;
	return {
		dataset: {
			id: meta.id,
			name: meta.title,
			file: r.file,
			...(r.publisher ? { publisher: r.publisher } : {}),
			...(r.date ? { date: r.date } : {})
		},
		mapping: { roles: r.roles as ColumnMapping['roles'], dateOrder: r.dateOrder },
		format: r.format,
		...(r.delimiter ? { delimiter: r.delimiter } : {})
	};
}

const cellText = (v: Row[string] | undefined) => (v === null || v === undefined ? '' : String(v));

/** The rows as the file they came from (a File, as the import worker reads it). */
export function storedDatasetFile(meta: DatasetMeta, rows: readonly Row[]): File {
	const reading = meta.reading!;
	if (reading.kind === 'geojson') {
		// The geometry is the last column (geojson.ts keeps each feature's geometry as JSON text).
		const geometry = meta.columns.at(-1)!;
		const features = rows.map((row) => {
			const properties: Record<string, string> = {};
			for (const c of meta.columns) if (c !== geometry && c in row) properties[c] = cellText(row[c]);
			const g = cellText(row[geometry]);
			return { type: 'Feature', properties, geometry: g ? JSON.parse(g) : null };
		});
		const text = JSON.stringify({ type: 'FeatureCollection', features });
		return new File([text], reading.file, { type: 'application/geo+json' });
	}
	const delimiter = reading.delimiter ?? ',';
	const text = Papa.unparse(
		{ fields: meta.columns, data: rows.map((row) => meta.columns.map((c) => cellText(row[c]))) },
		{ delimiter, newline: '\r\n' }
	);
	return new File([text], reading.file, { type: 'text/csv' });
}
