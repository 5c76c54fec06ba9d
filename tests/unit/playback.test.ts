/**
 * Timeline playback: windows step month by month to month ends, stay inside the range and stop at
 * its end, in both modes.
 */
import { describe, expect, it } from 'vitest';
import {
	nextWindow,
	SPEEDS,
	startWindow,
	type PlaybackMode,
	type PlaybackOptions,
	type PlaybackWindow
} from '$lib/time/playback';

const opts: PlaybackOptions = {
	stepMonths: 1,
	lengthMonths: 6,
	rangeStart: '2021-01-01',
	rangeEnd: '2024-04-30'
};

/** Every window of a playback, from its start to its end. */
function playAll(mode: PlaybackMode, o: PlaybackOptions = opts): PlaybackWindow[] {
	const windows = [startWindow(mode, o)];
	for (let w = nextWindow(windows[0]!, mode, o); w; w = nextWindow(w, mode, o)) {
		windows.push(w);
		if (windows.length > 1000) throw new Error('playback does not end');
	}
	return windows;
}

const w = (from: string, to: string): PlaybackWindow => ({ from, to });

describe('startWindow', () => {
	it.each<[PlaybackMode, Partial<PlaybackOptions>, PlaybackWindow]>([
		['cumulative', {}, w('2021-01-01', '2021-01-31')],
		['cumulative', { stepMonths: 3 }, w('2021-01-01', '2021-03-31')],
		['sliding', {}, w('2021-01-01', '2021-06-30')],
		['sliding', { lengthMonths: 1 }, w('2021-01-01', '2021-01-31')],
		['sliding', { rangeStart: '2024-02-10' }, w('2024-02-10', '2024-04-30')],
		['cumulative', { rangeStart: '2024-02-01', rangeEnd: '2024-02-15' }, w('2024-02-01', '2024-02-15')]
	])('%s %o', (mode, o, expected) => expect(startWindow(mode, { ...opts, ...o })).toEqual(expected));
});

describe('nextWindow', () => {
	it.each<[string, PlaybackWindow, PlaybackMode, Partial<PlaybackOptions>, PlaybackWindow | null]>([
		[
			'cumulative: the end moves on a month',
			w('2021-01-01', '2021-01-31'),
			'cumulative',
			{},
			w('2021-01-01', '2021-02-28')
		],
		[
			'cumulative: into a leap February',
			w('2021-01-01', '2024-01-31'),
			'cumulative',
			{},
			w('2021-01-01', '2024-02-29')
		],
		[
			'cumulative: across the new year',
			w('2021-01-01', '2022-12-31'),
			'cumulative',
			{},
			w('2021-01-01', '2023-01-31')
		],
		[
			'cumulative: by three months',
			w('2021-01-01', '2021-03-31'),
			'cumulative',
			{ stepMonths: 3 },
			w('2021-01-01', '2021-06-30')
		],
		[
			'cumulative: brings the start back to the range start',
			w('2022-06-01', '2022-08-31'),
			'cumulative',
			{},
			w('2021-01-01', '2022-09-30')
		],
		[
			'cumulative: from mid-month, to the next month end',
			w('2021-01-01', '2022-03-15'),
			'cumulative',
			{},
			w('2021-01-01', '2022-04-30')
		],
		['sliding: both ends move', w('2021-01-01', '2021-06-30'), 'sliding', {}, w('2021-02-01', '2021-07-31')],
		[
			'sliding: across a leap February',
			w('2023-09-01', '2024-02-29'),
			'sliding',
			{},
			w('2023-10-01', '2024-03-31')
		],
		[
			'sliding: a longer window becomes six months',
			w('2021-01-01', '2022-12-31'),
			'sliding',
			{},
			w('2022-08-01', '2023-01-31')
		],
		[
			'the last step is cut to the range end',
			w('2021-01-01', '2024-03-31'),
			'cumulative',
			{ stepMonths: 3 },
			w('2021-01-01', '2024-04-30')
		],
		[
			'a range ending mid-month ends there',
			w('2021-01-01', '2024-03-31'),
			'cumulative',
			{ rangeEnd: '2024-04-10' },
			w('2021-01-01', '2024-04-10')
		],
		['null at the end of the range', w('2021-01-01', '2024-04-30'), 'cumulative', {}, null],
		['null past the end of the range', w('2023-11-01', '2024-06-30'), 'sliding', {}, null],
		[
			'a window before the range starts the playback',
			w('1980-01-01', '2020-12-31'),
			'sliding',
			{},
			w('2021-01-01', '2021-06-30')
		],
		[
			'a window ending early in the first window starts it',
			w('2021-01-01', '2021-03-31'),
			'sliding',
			{},
			w('2021-01-01', '2021-06-30')
		]
	])('%s', (_, window, mode, o, expected) =>
		expect(nextWindow(window, mode, { ...opts, ...o })).toEqual(expected)
	);

	it('cumulative playback shows every month end once, then stops', () => {
		const windows = playAll('cumulative');
		expect(windows).toHaveLength(40);
		expect(windows.every((x) => x.from === '2021-01-01')).toBe(true);
		expect(windows.map((x) => x.to).slice(0, 3)).toEqual(['2021-01-31', '2021-02-28', '2021-03-31']);
		expect(windows.at(-1)).toEqual(w('2021-01-01', '2024-04-30'));
	});

	it('sliding playback keeps six months until the end', () => {
		const windows = playAll('sliding');
		expect(windows).toHaveLength(35);
		expect(windows.at(-1)).toEqual(w('2023-11-01', '2024-04-30'));
		for (const x of windows) {
			expect(x.from.endsWith('-01')).toBe(true);
			expect(x.from <= x.to).toBe(true);
		}
	});

	it('steps at least a whole month, whatever it is given', () => {
		expect(playAll('cumulative', { ...opts, stepMonths: 0 })).toHaveLength(40);
		expect(playAll('cumulative', { ...opts, stepMonths: 0.5 })).toHaveLength(40);
		expect(playAll('sliding', { ...opts, stepMonths: NaN })).toHaveLength(35);
	});
});

describe('SPEEDS', () => {
	it('go from slow to fast', () => {
		expect(SPEEDS.map((s) => s.label)).toEqual(['0.5×', '1×', '2×', '4×']);
		expect(SPEEDS.map((s) => s.ms)).toEqual([1600, 800, 400, 200]);
	});
});
