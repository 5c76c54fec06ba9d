/**
 * Months and the timeline's monthly histogram. Everything works on ISO strings ('YYYY-MM' months,
 * 'YYYY-MM-DD' days), never on Date objects, so no time zone can move an event into another month.
 *
 * A date known only to a month, a season or a year is not a day: an event counts in every month its
 * span reaches, and `exact` tells apart those dated within a single month, so the chart can draw
 * a span as a span instead of inventing a day for it.
 */
import { firstDay, lastDay, MONTHS } from './dates.ts';

/** A calendar month, 'YYYY-MM'. */
export type Month = string;

/** Where the timeline starts: everything earlier is background, shown as one "before" bar. */
const TIMELINE_START: Month = '2021-01';

/** The month of an ISO day (or of a month): '2024-03-18' → '2024-03'. */
export function monthKey(isoDay: string): Month {
	return isoDay.slice(0, 7);
}

/** Months counted from year 0: lets month arithmetic be plain integer arithmetic. */
function monthIndex(month: Month): number {
	return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

function monthFromIndex(index: number): Month {
	const year = Math.floor(index / 12);
	return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The month `n` months after (or before, for negative `n`) the given one. */
export function addMonths(month: Month, n: number): Month {
	return monthFromIndex(monthIndex(month) + n);
}

/** How many months from `from` to `to`: 0 for the same month, negative when `to` is earlier. */
export function monthsBetween(from: Month, to: Month): number {
	return monthIndex(to) - monthIndex(from);
}

/** Every month from `fromMonth` to `toMonth`, both included; empty when `toMonth` is earlier. */
export function monthRange(fromMonth: Month, toMonth: Month): Month[] {
	const start = monthIndex(fromMonth);
	const count = monthIndex(toMonth) - start + 1;
	return Array.from({ length: Math.max(0, count) }, (_, i) => monthFromIndex(start + i));
}

/** The month in words: '2022-03' → 'March 2022'. */
export function monthWords(month: Month): string {
	return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** What the histogram needs of an event (as in `EventProperties`). */
export interface DatedEvent {
	/** First and last day the event may fall on (ISO). */
	dateFirst: string;
	dateLast: string;
	group: string;
}

export interface HistogramBin {
	month: Month;
	/** The month's first and last day (ISO), as a time window. */
	from: string;
	to: string;
	/** Events whose span reaches into the month. */
	count: number;
	/** Of those, the events dated within this single month (to the day or the month). */
	exact: number;
	/** `count` by event group; groups without events in the month are left out. */
	byGroup: Record<string, number>;
}

export interface Histogram {
	bins: HistogramBin[];
	/** Events that end before the first month: the background, shown as one bar. */
	before: { count: number; /** The last day before the first month (ISO). */ to: string };
}

/**
 * Count the events month by month from `start` to `end` (both included). An event spanning months
 * counts once in each of them; one ending before `start` counts only in `before`; one starting
 * after `end` is not counted.
 */
export function buildHistogram(
	events: readonly DatedEvent[],
	range: { start: Month; end: Month }
): Histogram {
	const bins: HistogramBin[] = monthRange(range.start, range.end).map((month) => ({
		month,
		from: firstDay(month),
		to: lastDay(month),
		count: 0,
		exact: 0,
		byGroup: {}
	}));
	const first = monthIndex(range.start);
	let before = 0;
	for (const e of events) {
		const a = monthIndex(monthKey(e.dateFirst));
		const b = monthIndex(monthKey(e.dateLast));
		if (b < first) {
			before++;
			continue;
		}
		const single = a === b;
		// Only the part of the span inside the range is counted.
		for (let i = Math.max(a, first); i <= Math.min(b, first + bins.length - 1); i++) {
			const bin = bins[i - first]!;
			bin.count++;
			if (single) bin.exact++;
			bin.byGroup[e.group] = (bin.byGroup[e.group] ?? 0) + 1;
		}
	}
	return { bins, before: { count: before, to: lastDay(addMonths(range.start, -1)) } };
}

/**
 * The months the timeline shows: from `TIMELINE_START` (earlier events are the `before` bar) to
 * the last month any event reaches, so the axis ends where the data does, not at today's date.
 */
export function defaultTimelineRange(events: readonly DatedEvent[]): { start: Month; end: Month } {
	let end = TIMELINE_START;
	for (const e of events) {
		const last = monthKey(e.dateLast);
		if (last > end) end = last;
	}
	return { start: TIMELINE_START, end };
}
