/**
 * A row's date cells (start, optional end, optional precision code) as the atlas's DateSpan,
 * with its precision honest: ACLED's time_precision 2 (ACLED codes the middle of the week it
 * was told) becomes the seven days around that day, marked approximate; 3 (ACLED codes mid-month)
 * becomes the month, and the day ACLED chose is not shown as if it were known.
 */
import type { DatePrecision, DateSpan, PartialDate } from '../schema/model.ts';
import { firstDay, lastDay } from '../time/dates.ts';
import { readTimePrecision } from './acled.ts';
import { readDateCell } from './date-cell.ts';
import type { ColumnRole, DateOrder, RejectionCode } from './types.ts';

export type EventDate =
	| { ok: true; span: DateSpan }
	| { ok: false; code: RejectionCode; role: ColumnRole; value: string; reason: string };

/** The day `days` after an ISO day (negative: before). */
export function addDays(isoDay: string, days: number): string {
	const t = Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000;
	return new Date(t).toISOString().slice(0, 10);
}

const COARSENESS: DatePrecision[] = ['day', 'month', 'year'];
const coarser = (a: DatePrecision, b: DatePrecision) =>
	COARSENESS.indexOf(a) >= COARSENESS.indexOf(b) ? a : b;

export interface DateCells {
	start: string;
	end?: string;
	precision?: string;
	order: DateOrder;
}

export function eventDate({ start, end, precision, order }: DateCells): EventDate {
	const first = readDateCell(start, order);
	if (!first.ok) return { ok: false, code: first.code, role: 'date', value: start, reason: first.reason };

	const code = precision?.trim() ?? '';
	const stated = code ? readTimePrecision(code) : undefined;
	if (code && !stated)
		return {
			ok: false,
			code: 'unknown-precision',
			role: 'timePrecision',
			value: code,
			reason: `date precision “${code}” is not 1, 2, 3 or day, week, month, year`
		};

	let span: DateSpan;
	if (stated === 'week' && first.precision === 'day') {
		span = {
			start: addDays(first.date, -3),
			end: addDays(first.date, 3),
			precision: 'approximate',
			basis: 'explicit',
			note: `Known to the week only: the dataset gives ${first.date} as the middle of it.`
		};
	} else if (stated === 'month' && first.precision === 'day') {
		span = {
			start: first.date.slice(0, 7),
			precision: 'month',
			basis: 'explicit',
			note: `Known to the month only: the dataset’s day (${first.date}) stands for the month.`
		};
	} else if (stated === 'year' && first.precision !== 'year') {
		span = {
			start: first.date.slice(0, 4),
			precision: 'year',
			basis: 'explicit',
			note: `Known to the year only: the dataset’s date (${first.date}) stands for the year.`
		};
	} else {
		span = { start: first.date, precision: first.precision, basis: 'explicit' };
	}

	if (end?.trim()) {
		const last = readDateCell(end, order);
		if (!last.ok)
			return {
				ok: false,
				code: last.code === 'missing-date' ? 'unparseable-date' : last.code,
				role: 'endDate',
				value: end,
				reason: `end date: ${last.reason}`
			};
		if (lastDay(last.date) < firstDay(span.start))
			return {
				ok: false,
				code: 'end-before-start',
				role: 'endDate',
				value: end,
				reason: `the end date “${end.trim()}” is before the start date “${start.trim()}”`
			};
		span = withEnd(span, last.date, last.precision);
	}
	return { ok: true, span };
}

/** The span extended to an end date; the same period as the start is no end at all. */
function withEnd(span: DateSpan, end: PartialDate, precision: DatePrecision): DateSpan {
	if (end === span.start || (span.end && lastDay(end) <= lastDay(span.end))) return span;
	const merged: DatePrecision =
		span.precision === 'approximate' ? 'approximate' : coarser(span.precision, precision);
	return { ...span, end, precision: merged };
}
