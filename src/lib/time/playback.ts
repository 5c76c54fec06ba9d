/**
 * Timeline playback, as pure stepping from one time window to the next: the component only owns
 * the timer. Windows end on month ends (the histogram's unit) and stay inside the range. ISO
 * strings throughout, so no time zone can shift a step.
 */
import { firstDay, lastDay } from './dates.ts';
import { addMonths, monthKey, type Month } from './histogram.ts';

/** Cumulative: everything from the start up to a moving end. Sliding: a window of fixed length. */
export type PlaybackMode = 'cumulative' | 'sliding';

/** A window of time as ISO days, both ends included (as `atlas.timeWindow`). */
export interface PlaybackWindow {
	from: string;
	to: string;
}

export interface PlaybackOptions {
	/** Months the window's end advances at each step. */
	stepMonths: number;
	/** Length of the sliding window, in months. */
	lengthMonths: number;
	/** The range played through (ISO days, inclusive). */
	rangeStart: string;
	rangeEnd: string;
}

/** Milliseconds per step. */
export const SPEEDS: readonly { label: string; ms: number }[] = [
	{ label: '0.5×', ms: 1600 },
	{ label: '1×', ms: 800 },
	{ label: '2×', ms: 400 },
	{ label: '4×', ms: 200 }
];

/** At least one whole month: a zero or fractional step would never reach the end. */
const wholeMonths = (n: number) => Math.max(1, Math.floor(n) || 1);

const minDay = (a: string, b: string) => (a < b ? a : b);
const maxDay = (a: string, b: string) => (a > b ? a : b);

/** The window of the mode whose last month is `endMonth`, cut to the range. */
function windowEndingIn(endMonth: Month, mode: PlaybackMode, opts: PlaybackOptions): PlaybackWindow {
	const to = minDay(lastDay(endMonth), opts.rangeEnd);
	if (mode === 'cumulative') return { from: opts.rangeStart, to };
	const firstMonth = addMonths(endMonth, -(wholeMonths(opts.lengthMonths) - 1));
	return { from: maxDay(firstDay(firstMonth), opts.rangeStart), to };
}

/** The first window of a playback: one step (cumulative) or one full window (sliding) from the start. */
export function startWindow(mode: PlaybackMode, opts: PlaybackOptions): PlaybackWindow {
	const months = mode === 'cumulative' ? wholeMonths(opts.stepMonths) : wholeMonths(opts.lengthMonths);
	return windowEndingIn(addMonths(monthKey(opts.rangeStart), months - 1), mode, opts);
}

/**
 * The window after `window`: its end moves `stepMonths` on, to a month end (cumulative keeps the
 * start at `rangeStart`, sliding brings the start along). Null once the end of the range is shown.
 * A window ending before the range (the background before 2021) plays on from the first window.
 */
export function nextWindow(
	window: PlaybackWindow,
	mode: PlaybackMode,
	opts: PlaybackOptions
): PlaybackWindow | null {
	if (window.to >= opts.rangeEnd) return null;
	const start = startWindow(mode, opts);
	if (window.to < start.to) return start;
	return windowEndingIn(addMonths(monthKey(window.to), wholeMonths(opts.stepMonths)), mode, opts);
}
