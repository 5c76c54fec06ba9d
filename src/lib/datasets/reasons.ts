/**
 * The rejection reasons, each a stable code with a label for counts and a sentence on what to do
 * about it: QGIS's discarded-rows report is the bar (by reason and line), not uMap's "N errors".
 */
import type { Rejection, RejectionCode } from './types.ts';

export interface ReasonText {
	/** A few words, for the counts by reason ("Missing coordinates"). */
	label: string;
	/** What it means and what to do, for the rejections list. */
	help: string;
}

export const REASONS: Record<RejectionCode, ReasonText> = {
	'missing-coordinates': {
		label: 'Missing coordinates',
		help: 'The row has no latitude or longitude, so it cannot be placed on the map.'
	},
	'not-a-number': {
		label: 'Coordinate not a number',
		help: 'A coordinate must be a decimal number of degrees, such as 33.95 or -70.1.'
	},
	'decimal-comma': {
		label: 'Decimal comma',
		help: 'A coordinate is written with a decimal comma (33,5); it could also be read as a thousands separator, so it is not guessed. Save the file with decimal points.'
	},
	'out-of-range': {
		label: 'Coordinate out of range',
		help: 'Latitude must be between −90 and 90, longitude between −180 and 180.'
	},
	'outside-region': {
		label: 'Outside the atlas’s region',
		help: 'The point lies outside the region the map draws, so it could not be shown; often latitude and longitude are swapped.'
	},
	'missing-date': {
		label: 'No date',
		help: 'The date cell is empty; the atlas does not invent dates.'
	},
	'unparseable-date': {
		label: 'Unreadable date',
		help: 'The date is not in a form the atlas reads (2024-03-12, 12 March 2024, March 2024, 2024) or is not a real day.'
	},
	'ambiguous-date': {
		label: 'Ambiguous date',
		help: 'A date like 03/04/2024 may be 3 April or 4 March: choose the column’s date order, or write dates as 2024-04-03.'
	},
	'end-before-start': {
		label: 'End before start',
		help: 'The end date is earlier than the start date.'
	},
	'unknown-precision': {
		label: 'Unknown precision code',
		help: 'Precision codes are 1, 2 or 3 (ACLED), or the words day, week, month, year / exact, approximate, district, area.'
	},
	'field-count': {
		label: 'Wrong number of fields',
		help: 'The row has more or fewer fields than the header: an unquoted separator in a cell, or a line cut off.'
	},
	'malformed-quotes': {
		label: 'Malformed quotes',
		help: 'A quoted cell is not closed or has stray quotes; what follows it cannot be read reliably.'
	},
	'duplicate-id': {
		label: 'Duplicate id',
		help: 'Another row of the file has the same id; only the first is imported.'
	},
	'not-a-point': {
		label: 'Not a point',
		help: 'Only Point and MultiPoint features are events; a line or polygon is not an event.'
	},
	'bad-feature': {
		label: 'Not a valid feature',
		help: 'The feature does not have the shape GeoJSON (RFC 7946) or the atlas’s own export requires.'
	}
};

/** At most this many characters of a value are kept in a rejection (a 100 KB cell is not shown whole). */
export const VALUE_LIMIT = 200;

export function shortValue(value: string): string {
	return value.length > VALUE_LIMIT ? `${value.slice(0, VALUE_LIMIT)}…` : value;
}

/** A rejection of one row; `record` is the row as read, for the download. */
export function reject(
	code: RejectionCode,
	field: string,
	value: string,
	reason: string,
	at: { line: number | null; feature?: number },
	record: Record<string, string>
): Rejection {
	return {
		line: at.line,
		...(at.feature !== undefined ? { feature: at.feature } : {}),
		field,
		code,
		reason,
		value: shortValue(value),
		record
	};
}

/** Quotes a value for a reason: “33,5”, or “(empty)”. */
export function quoted(value: string): string {
	return value.trim() ? `“${shortValue(value.trim())}”` : '(empty)';
}
