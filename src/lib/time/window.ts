/**
 * The time window: the span of days the atlas shows, as ISO days with both ends included. One
 * owner for the concept: the state holds one, the URL and briefing scenes write it compactly
 * (months where it runs from a month's first day to a month's last), and every view says it in
 * the same words.
 */
import { firstDay, lastDay, periodWords } from './dates.ts';

/** A window of time as ISO days (YYYY-MM-DD), both ends included. */
export interface TimeWindow {
	from: string;
	to: string;
}

/** The window from a year, month or day to another: from the first day of one to the last of the other. */
export function windowOf(from: string, to: string): TimeWindow {
	return { from: firstDay(from), to: lastDay(to) };
}

/** A window end in the fewest characters: the month alone when the day is that month's first (or last). */
function compactEnd(day: string, end: 'from' | 'to'): string {
	const month = day.slice(0, 7);
	return (end === 'from' ? firstDay(month) : lastDay(month)) === day ? month : day;
}

/** The window as it is written in a link or a scene: `{ from: '2022-03', to: '2024-04' }`. */
export function compactWindow(w: TimeWindow): TimeWindow {
	return { from: compactEnd(w.from, 'from'), to: compactEnd(w.to, 'to') };
}

/** Whether a span of days (an event's first and last possible day) reaches into the window. */
export function reachesInto(first: string, last: string, w: TimeWindow | null): boolean {
	return !w || (first <= w.to && last >= w.from);
}

/** The window in words: "March 2022 – April 2024", "18 March 2024", or `all` for no window. */
export function windowWords(w: TimeWindow | null, all = 'All dates'): string {
	if (!w) return all;
	const { from, to } = compactWindow(w);
	return periodWords(from, to);
}
