/**
 * The timeline's monthly histogram: month arithmetic on ISO strings, and events counted in every
 * month their span reaches, whatever the precision of their date.
 */
import { describe, expect, it } from 'vitest';
import {
	addMonths,
	buildHistogram,
	defaultTimelineRange,
	monthKey,
	monthRange,
	monthsBetween,
	monthWords,
	type DatedEvent
} from '$lib/time/histogram';
import { dateSpanBounds } from '$lib/time/dates';

/** An event as the export has it, from a date as the data writes it. */
const dated = (start: string, end?: string, group = 'attacks'): DatedEvent => {
	const { first, last } = dateSpanBounds({ start, end });
	return { dateFirst: first, dateLast: last, group };
};

/** The months a histogram counts the events in, as `month: count/exact`, empty months left out. */
const counted = (events: DatedEvent[], start: string, end: string) =>
	buildHistogram(events, { start, end })
		.bins.filter((b) => b.count)
		.map((b) => `${b.month}: ${b.count}/${b.exact}`);

describe('months', () => {
	it.each([
		['2024-03-18', '2024-03'],
		['2024-02-29', '2024-02'],
		['1980-01-01', '1980-01'],
		['2024-03', '2024-03']
	])('monthKey(%s) is %s', (day, month) => expect(monthKey(day)).toBe(month));

	it.each([
		['2021-01', '2021-03', ['2021-01', '2021-02', '2021-03']],
		['2023-11', '2024-02', ['2023-11', '2023-12', '2024-01', '2024-02']],
		['2024-04', '2024-04', ['2024-04']],
		['2024-05', '2024-04', []]
	])('monthRange(%s, %s)', (from, to, months) => expect(monthRange(from, to)).toEqual(months));

	it('spans decades', () => {
		const months = monthRange('1979-12', '2024-04');
		expect(months).toHaveLength(2 + 44 * 12 + 3);
		expect(months.at(1)).toBe('1980-01');
		expect(new Set(months).size).toBe(months.length);
	});

	it.each([
		['2024-01', 1, '2024-02'],
		['2023-12', 1, '2024-01'],
		['2024-01', -1, '2023-12'],
		['2022-03', 25, '2024-04'],
		['2021-08', -24, '2019-08'],
		['2024-05', 0, '2024-05']
	])('addMonths(%s, %i) is %s', (month, n, result) => {
		expect(addMonths(month, n)).toBe(result);
		expect(monthsBetween(month, result)).toBe(n);
	});

	it('names months in words', () => {
		expect(monthWords('2022-03')).toBe('March 2022');
		expect(monthWords('2024-12')).toBe('December 2024');
	});
});

describe('buildHistogram', () => {
	it('makes a bin per month with its first and last day, leap years included', () => {
		const { bins } = buildHistogram([], { start: '2023-12', end: '2024-03' });
		expect(bins.map((b) => [b.month, b.from, b.to])).toEqual([
			['2023-12', '2023-12-01', '2023-12-31'],
			['2024-01', '2024-01-01', '2024-01-31'],
			['2024-02', '2024-02-01', '2024-02-29'],
			['2024-03', '2024-03-01', '2024-03-31']
		]);
		expect(bins.every((b) => b.count === 0 && b.exact === 0 && Object.keys(b.byGroup).length === 0)).toBe(
			true
		);
		expect(buildHistogram([], { start: '2023-02', end: '2023-02' }).bins[0]!.to).toBe('2023-02-28');
	});

	// `month: count/exact`: a span counts in each month it reaches, and is exact only within one month.
	it.each<[string, DatedEvent[], string[]]>([
		['a day', [dated('2024-03-18')], ['2024-03: 1/1']],
		['a leap day', [dated('2024-02-29')], ['2024-02: 1/1']],
		['the last day of a month', [dated('2023-12-31')], ['2023-12: 1/1']],
		['a month', [dated('2023-09')], ['2023-09: 1/1']],
		['a span of days within a month', [dated('2023-02-20', '2023-02-28')], ['2023-02: 1/1']],
		['a span of days across months', [dated('2023-02-25', '2023-03-02')], ['2023-02: 1/0', '2023-03: 1/0']],
		['a summer season', [dated('2023-06', '2023-08')], ['2023-06: 1/0', '2023-07: 1/0', '2023-08: 1/0']],
		[
			'a winter season across the new year',
			[dated('2022-12', '2023-02')],
			['2022-12: 1/0', '2023-01: 1/0', '2023-02: 1/0']
		],
		['a year', [dated('2022')], monthRange('2022-01', '2022-12').map((m) => `${m}: 1/0`)],
		['an approximate month ("around October 2023")', [dated('2023-10', '2023-10-31')], ['2023-10: 1/1']],
		[
			'an approximate span from a year to a month',
			[dated('2024', '2024-02')],
			['2024-01: 1/0', '2024-02: 1/0']
		],
		[
			'a span starting before the range',
			[dated('2001', '2021-03')],
			['2021-01: 1/0', '2021-02: 1/0', '2021-03: 1/0']
		],
		['a span running past the range', [dated('2024-03', '2024-06')], ['2024-03: 1/0', '2024-04: 1/0']],
		['an event after the range', [dated('2024-05-01')], []],
		[
			'several events in one month',
			[dated('2023-09-05'), dated('2023-09'), dated('2023'), dated('2023-09', '2023-10')],
			[
				...monthRange('2023-01', '2023-08').map((m) => `${m}: 1/0`),
				'2023-09: 4/2',
				'2023-10: 2/0',
				'2023-11: 1/0',
				'2023-12: 1/0'
			]
		]
	])('%s', (_, events, expected) => expect(counted(events, '2021-01', '2024-04')).toEqual(expected));

	it('counts events that end before the range in `before`, and nowhere else', () => {
		const events = [
			dated('1980', '1989', 'strikes'),
			dated('2001', '2001-12', 'strikes'),
			dated('2020'),
			dated('2020-12-31'),
			dated('2001', '2021-08', 'militancy'),
			dated('2021-01-01')
		];
		const { bins, before } = buildHistogram(events, { start: '2021-01', end: '2021-12' });
		expect(before).toEqual({ count: 4, to: '2020-12-31' });
		expect(bins[0]).toMatchObject({ month: '2021-01', count: 2, exact: 1 });
		expect(bins.reduce((n, b) => n + b.exact, 0)).toBe(1);
	});

	it('ends `before` on the day before the range, in a leap year too', () => {
		expect(buildHistogram([], { start: '2024-03', end: '2024-04' }).before).toEqual({
			count: 0,
			to: '2024-02-29'
		});
	});

	it('counts by group', () => {
		const events = [
			dated('2023-09-05', undefined, 'attacks'),
			dated('2023-09', undefined, 'diplomacy'),
			dated('2023-09-09', undefined, 'diplomacy'),
			dated('2023', undefined, 'militancy')
		];
		const { bins } = buildHistogram(events, { start: '2023-08', end: '2023-09' });
		expect(bins.map((b) => b.byGroup)).toEqual([
			{ militancy: 1 },
			{ attacks: 1, diplomacy: 2, militancy: 1 }
		]);
	});
});

describe('defaultTimelineRange', () => {
	it('runs from January 2021 to the last month any event reaches', () => {
		expect(
			defaultTimelineRange([
				dated('1980', '1989'),
				dated('2021-08', '2024-04'),
				dated('2023-09-05'),
				dated('2024-03-18')
			])
		).toEqual({ start: '2021-01', end: '2024-04' });
	});

	it('ends at the end of a year-precision date', () => {
		expect(defaultTimelineRange([dated('2022-03'), dated('2024')])).toEqual({
			start: '2021-01',
			end: '2024-12'
		});
	});

	it('is a single month when no event reaches 2021', () => {
		expect(defaultTimelineRange([])).toEqual({ start: '2021-01', end: '2021-01' });
		expect(defaultTimelineRange([dated('1980', '1989')])).toEqual({ start: '2021-01', end: '2021-01' });
	});
});
