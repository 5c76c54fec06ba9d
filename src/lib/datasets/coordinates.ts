/**
 * A row's position, checked: present, numbers with decimal points, within WGS84's range, and
 * inside the atlas's region (REGION_BBOX).
 *
 * A point outside the region is rejected, not imported with a warning: the map cannot pan there
 * and its basemap stops at the region's edge, so the event would be counted but never seen,
 * which is a silent loss by another name. Rejected, it is listed by line with its reason and
 * comes back in the download of rejected rows. Most such points are latitude and longitude
 * swapped, and the reason says so when swapping them would put the point inside.
 */
import { REGION_BBOX } from '../geo/region.ts';
import { readNumberCell, readPointCell } from './point-cell.ts';
import type { ColumnRole, RejectionCode } from './types.ts';
import { quoted } from './reasons.ts';

export type Position =
	| { ok: true; lon: number; lat: number }
	| { ok: false; code: RejectionCode; role: ColumnRole; value: string; reason: string };

function inRegion(lon: number, lat: number): boolean {
	const [w, s, e, n] = REGION_BBOX;
	return lon >= w && lon <= e && lat >= s && lat <= n;
}

/** Where the two numbers came from: one role and cell each, or the same for a one-cell point. */
export interface PositionSource {
	latRole: ColumnRole;
	lonRole: ColumnRole;
	latValue: string;
	lonValue: string;
}

/** A number past ±limit (or not finite) rejected as out of range, naming its cell; null when within. */
function outOfRange(
	axis: 'latitude' | 'longitude',
	n: number,
	limit: number,
	role: ColumnRole,
	value: string
): Position | null {
	if (Number.isFinite(n) && n >= -limit && n <= limit) return null;
	return {
		ok: false,
		code: 'out-of-range',
		role,
		value,
		reason: `${axis} ${n} is outside −${limit}…${limit}`
	};
}

/** A longitude and latitude already read as numbers, checked for range and region. */
export function checkPosition(lon: number, lat: number, from: PositionSource): Position {
	const rangeRejection =
		outOfRange('latitude', lat, 90, from.latRole, from.latValue) ??
		outOfRange('longitude', lon, 180, from.lonRole, from.lonValue);
	if (rangeRejection) return rangeRejection;
	if (!inRegion(lon, lat)) {
		const role = from.latRole;
		const value = from.latRole === from.lonRole ? from.latValue : `${from.latValue}, ${from.lonValue}`;
		const [w, s, e, n] = REGION_BBOX;
		const swapped = inRegion(lat, lon) ? ': latitude and longitude look swapped' : '';
		return {
			ok: false,
			code: 'outside-region',
			role,
			value,
			reason: `latitude ${lat}, longitude ${lon} is outside the atlas’s region (latitude ${s}…${n}, longitude ${w}…${e})${swapped}`
		};
	}
	return { ok: true, lon, lat };
}

const PROBLEM_WORDS = {
	'not-a-number': 'is not a number',
	'decimal-comma': 'has a decimal comma (write 33.5, not 33,5)'
} as const;

/** The position of a row from its latitude and longitude cells. */
export function positionFromCells(
	latCell: string,
	lonCell: string,
	latRole: ColumnRole,
	lonRole: ColumnRole
): Position {
	const lat = readNumberCell(latCell);
	const lon = readNumberCell(lonCell);
	for (const [read, cell, role, what] of [
		[lat, latCell, latRole, 'latitude'],
		[lon, lonCell, lonRole, 'longitude']
	] as const) {
		if (read.ok) continue;
		if (read.problem === 'missing')
			return { ok: false, code: 'missing-coordinates', role, value: cell, reason: `the ${what} is empty` };
		return {
			ok: false,
			code: read.problem,
			role,
			value: cell,
			reason: `${what} ${quoted(cell)} ${PROBLEM_WORDS[read.problem]}`
		};
	}
	return checkPosition((lon as { value: number }).value, (lat as { value: number }).value, {
		latRole,
		lonRole,
		latValue: latCell,
		lonValue: lonCell
	});
}

/** The position of a row from one cell holding both coordinates. */
export function positionFromPointCell(cell: string, role: ColumnRole): Position {
	const read = readPointCell(cell);
	if (read.ok)
		return checkPosition(read.lon, read.lat, {
			latRole: role,
			lonRole: role,
			latValue: cell,
			lonValue: cell
		});
	if (read.problem === 'missing')
		return { ok: false, code: 'missing-coordinates', role, value: cell, reason: 'the coordinates are empty' };
	return {
		ok: false,
		code: read.problem,
		role,
		value: cell,
		reason:
			read.problem === 'decimal-comma'
				? `coordinates ${quoted(cell)} have decimal commas (write 33.5, 70.1)`
				: `coordinates ${quoted(cell)} are neither “lat, lon” nor WKT POINT (lon lat)`
	};
}
