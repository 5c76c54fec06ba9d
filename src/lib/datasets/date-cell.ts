/**
 * Reading a date cell into a partial date (a day, a month or a year), never inventing a part the
 * text does not give: "March 2024" stays a month. Accepted forms:
 *
 *   2024-03-12, 2024-3-12, 2024-03-12T08:30:00Z (the day as written; the time is dropped)
 *   2024/03/12
 *   12/03/2024, 12.03.2024, 12-03-2024: only when the order is clear (a part over 12, both
 *     parts equal) or the column's order is chosen (DateOrder)
 *   12 March 2024, 12 Mar 2024, 12th March 2024, 12-Mar-2024, March 12, 2024
 *   2024-03, March 2024, Mar 2024 (a month); 2024 (a year)
 *
 * Refused: two-digit years, numbers alone (spreadsheet serials, Unix times), quarters, and dates
 * that are not real days (2024-02-30).
 */
import type { PartialDate } from '../schema/model.ts';
import { isRealDate } from '../time/dates.ts';
import type { DateOrder } from './types.ts';

export type DateCell =
	| { ok: true; date: PartialDate; precision: 'day' | 'month' | 'year' }
	| { ok: false; code: 'missing-date' | 'unparseable-date' | 'ambiguous-date'; reason: string };

const MONTH_NAMES = [
	'january',
	'february',
	'march',
	'april',
	'may',
	'june',
	'july',
	'august',
	'september',
	'october',
	'november',
	'december'
];

/** A month name or its abbreviation (Mar, Sept) as 1–12; undefined otherwise. */
function monthNumber(word: string): number | undefined {
	const w = word.toLowerCase().replace(/\.$/, '');
	if (w === 'sept') return 9;
	const i = MONTH_NAMES.findIndex((m) => m === w || (w.length === 3 && m.startsWith(w)));
	return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, '0');

function day(y: number, m: number, d: number, text: string): DateCell {
	const date = `${y}-${pad(m)}-${pad(d)}`;
	return isRealDate(date)
		? { ok: true, date, precision: 'day' }
		: { ok: false, code: 'unparseable-date', reason: `“${text}” is not a real day` };
}

function month(y: number, m: number, text: string): DateCell {
	const date = `${y}-${pad(m)}`;
	return isRealDate(date)
		? { ok: true, date, precision: 'month' }
		: { ok: false, code: 'unparseable-date', reason: `“${text}” is not a real month` };
}

const ISO_DAY =
	/^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/i;
const ISO_MONTH = /^(\d{4})-(\d{1,2})$/;
const YEAR = /^(\d{4})$/;
const YMD_SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/;
const NUMERIC_DMY = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const TWO_DIGIT_YEAR = /^\d{1,2}([/.-])\d{1,2}\1\d{2}$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+\.?)[\s,-]+(\d{4})$/i;
const MONTH_DAY_YEAR = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;
const MONTH_YEAR = /^([a-z]+\.?)[\s,-]+(\d{4})$/i;

/** The parts of a numeric slash date (12/03/2024), for telling the column's order from its values. */
export function slashDateParts(text: string): { first: number; second: number; year: number } | undefined {
	const m = NUMERIC_DMY.exec(text.trim());
	return m ? { first: Number(m[1]), second: Number(m[3]), year: Number(m[4]) } : undefined;
}

/** Reads a date cell; `order` settles numeric dates whose day and month could be either. */
export function readDateCell(cell: string, order: DateOrder = null): DateCell {
	const text = cell.trim();
	if (!text) return { ok: false, code: 'missing-date', reason: 'the date is empty' };
	let m: RegExpExecArray | null;
	if ((m = ISO_DAY.exec(text))) return day(Number(m[1]), Number(m[2]), Number(m[3]), text);
	if ((m = ISO_MONTH.exec(text))) return month(Number(m[1]), Number(m[2]), text);
	if ((m = YEAR.exec(text))) return { ok: true, date: m[1]!, precision: 'year' };
	if ((m = YMD_SLASH.exec(text))) return day(Number(m[1]), Number(m[2]), Number(m[3]), text);
	if ((m = NUMERIC_DMY.exec(text))) return numericDate(Number(m[1]), Number(m[3]), Number(m[4]), text, order);
	if (TWO_DIGIT_YEAR.test(text))
		return { ok: false, code: 'unparseable-date', reason: `“${text}” has a two-digit year` };
	if ((m = DAY_MONTH_YEAR.exec(text))) {
		const mo = monthNumber(m[2]!);
		if (mo) return day(Number(m[3]), mo, Number(m[1]), text);
	}
	if ((m = MONTH_DAY_YEAR.exec(text))) {
		const mo = monthNumber(m[1]!);
		if (mo) return day(Number(m[3]), mo, Number(m[2]), text);
	}
	if ((m = MONTH_YEAR.exec(text))) {
		const mo = monthNumber(m[1]!);
		if (mo) return month(Number(m[2]), mo, text);
	}
	return { ok: false, code: 'unparseable-date', reason: `“${text}” is not a date the atlas can read` };
}

/** 12/03/2024: day first or month first, by its values where they settle it, else by `order`. */
function numericDate(first: number, second: number, year: number, text: string, order: DateOrder): DateCell {
	if (first > 12 && second > 12)
		return { ok: false, code: 'unparseable-date', reason: `“${text}” has no month (both parts are over 12)` };
	if (first > 12) return order === 'mdy' ? notInOrder(text, order) : day(year, second, first, text);
	if (second > 12) return order === 'dmy' ? notInOrder(text, order) : day(year, first, second, text);
	if (first === second) return day(year, first, second, text);
	if (order === 'dmy') return day(year, second, first, text);
	if (order === 'mdy') return day(year, first, second, text);
	return {
		ok: false,
		code: 'ambiguous-date',
		reason: `“${text}” could be ${first} ${MONTH_WORDS[second - 1]} or ${second} ${MONTH_WORDS[first - 1]}`
	};
}

const MONTH_WORDS = MONTH_NAMES.map((m) => m[0]!.toUpperCase() + m.slice(1));

function notInOrder(text: string, order: 'dmy' | 'mdy'): DateCell {
	return {
		ok: false,
		code: 'unparseable-date',
		reason: `“${text}” is not a real day when read ${order === 'dmy' ? 'day first' : 'month first'}, the order chosen for the column`
	};
}
