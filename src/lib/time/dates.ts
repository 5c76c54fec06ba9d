/**
 * Dates as the sources give them: a day, a month or a year, sometimes a span, with a precision.
 * Nothing here invents a day: a month-only date covers the whole month, and the UI says so.
 */
import type { DateSpan, PartialDate } from '../schema/model.ts';

/** English month names, January first. */
export const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

function daysInMonth(year: number, month: number): number {
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function parts(d: PartialDate): { y: number; m?: number; day?: number } {
	// By position (YYYY, YYYY-MM, YYYY-MM-DD), not split: dates of every imported row pass here.
	const y = Number(d.slice(0, 4));
	const m = d.length >= 7 ? Number(d.slice(5, 7)) : undefined;
	const day = d.length >= 10 ? Number(d.slice(8, 10)) : undefined;
	return { y, m, day };
}

/** A YYYY, YYYY-MM or YYYY-MM-DD string naming a real calendar period. */
export function isRealDate(d: string): boolean {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
	if (!m) return false;
	const [y, mo, day] = [Number(m[1]), m[2] ? Number(m[2]) : undefined, m[3] ? Number(m[3]) : undefined];
	if (mo === undefined) return true;
	if (mo < 1 || mo > 12) return false;
	return day === undefined || (day >= 1 && day <= daysInMonth(y, mo));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** First day of a partial date (2024-03 → 2024-03-01). */
export function firstDay(d: PartialDate): string {
	const { y, m, day } = parts(d);
	return `${y}-${pad(m ?? 1)}-${pad(day ?? 1)}`;
}

/** Last day of a partial date (2024-02 → 2024-02-29). */
export function lastDay(d: PartialDate): string {
	const { y, m, day } = parts(d);
	const month = m ?? 12;
	return `${y}-${pad(month)}-${pad(day ?? daysInMonth(y, month))}`;
}

/** The whole span of days a date may cover, as ISO day strings (which sort as dates). */
export function dateSpanBounds(span: Pick<DateSpan, 'start' | 'end'>): { first: string; last: string } {
	return { first: firstDay(span.start), last: lastDay(span.end ?? span.start) };
}

/** Whether any part of the span falls in the window [from, to] (ISO days, inclusive). */
export function overlaps(span: Pick<DateSpan, 'start' | 'end'>, from: string, to: string): boolean {
	const { first, last } = dateSpanBounds(span);
	return first <= to && last >= from;
}

function words(d: PartialDate): string {
	const { y, m, day } = parts(d);
	if (m === undefined) return String(y);
	if (day === undefined) return `${MONTHS[m - 1]} ${y}`;
	return `${day} ${MONTHS[m - 1]} ${y}`;
}

/** A period in words, from one partial date to another: "18–20 March 2024", "March–April 2024". */
export function periodWords(start: PartialDate, end?: PartialDate): string {
	if (!end || end === start) return words(start);
	const a = parts(start);
	const b = parts(end);
	if (a.y === b.y && a.m !== undefined && a.m === b.m && a.day !== undefined && b.day !== undefined) {
		return `${a.day}–${b.day} ${MONTHS[a.m - 1]} ${a.y}`;
	}
	if (a.y === b.y && a.day === undefined && b.day === undefined && a.m !== undefined && b.m !== undefined) {
		return `${MONTHS[a.m - 1]}–${MONTHS[b.m - 1]} ${a.y}`;
	}
	return `${words(start)} – ${words(end)}`;
}

/** The date in words, with its precision visible: "18 March 2024", "March 2024", "around 2023". */
export function formatDateSpan(span: DateSpan): string {
	const text = periodWords(span.start, span.end);
	if (span.precision === 'approximate') return `around ${text}`;
	if (span.precision === 'season') return `${text} (season)`;
	return text;
}
