import { describe, expect, it } from 'vitest';
import { dateSpanBounds, firstDay, formatDateSpan, isRealDate, lastDay, overlaps } from '$lib/time/dates';
import type { DateSpan } from '$lib/schema/model';

const span = (start: string, precision: DateSpan['precision'], end?: string): DateSpan => ({
	start,
	end,
	precision,
	basis: 'explicit'
});

describe('isRealDate', () => {
	it.each(['2024', '2024-02', '2024-02-29', '2023-12-31'])('accepts %s', (d) =>
		expect(isRealDate(d)).toBe(true)
	);
	it.each(['2023-02-29', '2024-13', '2024-00', '2024-04-31', '24-01-01', '2024-1-1', ''])('rejects %s', (d) =>
		expect(isRealDate(d)).toBe(false)
	);
});

describe('day bounds', () => {
	it.each([
		['2024', '2024-01-01', '2024-12-31'],
		['2024-02', '2024-02-01', '2024-02-29'],
		['2023-02', '2023-02-01', '2023-02-28'],
		['2024-03-18', '2024-03-18', '2024-03-18']
	])('%s covers %s to %s', (d, first, last) => {
		expect(firstDay(d)).toBe(first);
		expect(lastDay(d)).toBe(last);
	});
	it('spans from the start of start to the end of end', () => {
		expect(dateSpanBounds({ start: '2023-02-25', end: '2023-03' })).toEqual({
			first: '2023-02-25',
			last: '2023-03-31'
		});
	});
});

describe('overlaps', () => {
	// An imprecise date overlaps a window if any part of its span does.
	it.each([
		['day inside', span('2024-03-18', 'day'), '2024-03-01', '2024-03-31', true],
		['day outside', span('2024-03-18', 'day'), '2024-03-19', '2024-04-30', false],
		['month touching the window start', span('2024-03', 'month'), '2024-03-31', '2024-05-01', true],
		['month just before', span('2024-02', 'month'), '2024-03-01', '2024-05-01', false],
		['year around a short window', span('2023', 'year'), '2023-06-01', '2023-06-02', true],
		[
			'approximate span reaching in',
			span('2023-02-25', 'approximate', '2023-02-28'),
			'2023-02-28',
			'2023-03-10',
			true
		],
		['season span before', span('2023-06', 'season', '2023-08'), '2023-09-01', '2023-12-31', false]
	])('%s', (_, s, from, to, expected) => expect(overlaps(s, from, to)).toBe(expected));
});

describe('formatDateSpan', () => {
	it.each([
		[span('2024-03-18', 'day'), '18 March 2024'],
		[span('2024-03', 'month'), 'March 2024'],
		[span('2023', 'year'), '2023'],
		[span('2023-09', 'approximate'), 'around September 2023'],
		[span('2023-02-25', 'approximate', '2023-02-28'), 'around 25–28 February 2023'],
		[span('2024-03', 'month', '2024-04'), 'March–April 2024'],
		[span('2021-08', 'month', '2023-12'), 'August 2021 – December 2023']
	])('%j → %s', (s, text) => expect(formatDateSpan(s)).toBe(text));
});
