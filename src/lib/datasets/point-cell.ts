/**
 * Reading coordinates from cells. One number per cell (a latitude, a longitude), or both in one
 * cell the way kepler.gl and QGIS accept them: "lat, lon" (the order people write), or WKT
 * `POINT (lon lat)` (the order WKT and GeoJSON use), with an optional `SRID=4326;` and Z value.
 * A decimal comma ("33,5") is told apart from text that is not a number, because its fix differs.
 */

export type NumberCell =
	{ ok: true; value: number } | { ok: false; problem: 'missing' | 'not-a-number' | 'decimal-comma' };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

/** A cell holding one coordinate in decimal degrees. */
export function readNumberCell(cell: string): NumberCell {
	const text = cell.trim();
	if (!text) return { ok: false, problem: 'missing' };
	if (DECIMAL.test(text)) return { ok: true, value: Number(text) };
	if (DECIMAL_COMMA.test(text)) return { ok: false, problem: 'decimal-comma' };
	return { ok: false, problem: 'not-a-number' };
}

export type PointCell =
	| { ok: true; lat: number; lon: number }
	| { ok: false; problem: 'missing' | 'not-a-number' | 'decimal-comma' };

const NUM = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?';
const WKT_POINT = new RegExp(
	`^(?:SRID=4326;)?\\s*POINT\\s*Z?\\s*\\(\\s*(${NUM})\\s+(${NUM})(?:\\s+${NUM})?\\s*\\)$`,
	'i'
);
const WKT_EMPTY = /^(?:SRID=\d+;)?\s*POINT\s*(?:Z\s*)?EMPTY$/i;
// Two numbers with only a space between are not accepted: "70.1 33.9" is as often lon lat as lat lon.
const LAT_LON = new RegExp(`^\\(?\\s*(${NUM})\\s*[,;]\\s*(${NUM})\\s*\\)?$`);

/** A cell holding both coordinates: "33.9, 70.1" (lat, lon) or WKT "POINT (70.1 33.9)". */
export function readPointCell(cell: string): PointCell {
	const text = cell.trim();
	if (!text || WKT_EMPTY.test(text)) return { ok: false, problem: 'missing' };
	const wkt = WKT_POINT.exec(text);
	if (wkt) return { ok: true, lon: Number(wkt[1]), lat: Number(wkt[2]) };
	const pair = LAT_LON.exec(text);
	if (pair) return { ok: true, lat: Number(pair[1]), lon: Number(pair[2]) };
	// "33,5 70,1" or "33,5; 70,1": decimal commas, refused like single cells.
	if (/^[+-]?\d+,\d+[\s;]+[+-]?\d+,\d+$/.test(text)) return { ok: false, problem: 'decimal-comma' };
	return { ok: false, problem: 'not-a-number' };
}

/** Whether a cell looks like both coordinates in one (used to confirm a column by its values). */
export function looksLikePoint(cell: string): boolean {
	return readPointCell(cell).ok;
}
