/**
 * Date cells: every accepted form and every refused one, and how ACLED's time_precision codes
 * become the atlas's date precision (a day; the week around ACLED's mid-week day; the month),
 * never inventing a day the data does not give.
 */
import { describe, expect, it } from 'vitest';
import { readDateCell } from '$lib/datasets/date-cell';
import { addDays, eventDate } from '$lib/datasets/event-date';
import { dateSpanBounds, formatDateSpan } from '$lib/time/dates';

describe('accepted date forms', () => {
	it.each([
		['2024-03-12', '2024-03-12', 'day'],
		['2024-3-5', '2024-03-05', 'day'],
		['2024-03-12T08:30:00Z', '2024-03-12', 'day'],
		['2024-03-12 23:59', '2024-03-12', 'day'],
		['2024-03-12T01:00:00+05:00', '2024-03-12', 'day'],
		['2024/03/12', '2024-03-12', 'day'],
		['25/12/2023', '2023-12-25', 'day'],
		['12/25/2023', '2023-12-25', 'day'],
		['25.12.2023', '2023-12-25', 'day'],
		['25-12-2023', '2023-12-25', 'day'],
		['05/05/2024', '2024-05-05', 'day'],
		['12 March 2024', '2024-03-12', 'day'],
		['12 Mar 2024', '2024-03-12', 'day'],
		['1st March 2024', '2024-03-01', 'day'],
		['12-Mar-2024', '2024-03-12', 'day'],
		['12 Sept 2024', '2024-09-12', 'day'],
		['March 12, 2024', '2024-03-12', 'day'],
		['Mar 12 2024', '2024-03-12', 'day'],
		['29 February 2024', '2024-02-29', 'day'],
		['2024-03', '2024-03', 'month'],
		['March 2024', '2024-03', 'month'],
		['Mar 2024', '2024-03', 'month'],
		['mar-2024', '2024-03', 'month'],
		['2024', '2024', 'year'],
		['  2024-03-12  ', '2024-03-12', 'day']
	])('%j → %j (%s)', (cell, date, precision) => {
		expect(readDateCell(cell)).toEqual({ ok: true, date, precision });
	});

	it('reads an ambiguous numeric date in the order chosen for the column', () => {
		expect(readDateCell('03/04/2024', 'dmy')).toMatchObject({ ok: true, date: '2024-04-03' });
		expect(readDateCell('03/04/2024', 'mdy')).toMatchObject({ ok: true, date: '2024-03-04' });
	});
});

describe('refused date forms', () => {
	it.each([
		['', 'missing-date', 'empty'],
		['   ', 'missing-date', 'empty'],
		['03/04/2024', 'ambiguous-date', 'could be 3 April or 4 March'],
		['2024-02-30', 'unparseable-date', 'not a real day'],
		['2023-02-29', 'unparseable-date', 'not a real day'],
		['31 April 2024', 'unparseable-date', 'not a real day'],
		['2024-13', 'unparseable-date', 'not a real month'],
		['13/13/2024', 'unparseable-date', 'no month'],
		['12/03/24', 'unparseable-date', 'two-digit year'],
		['45363', 'unparseable-date', 'not a date'],
		['1710201600', 'unparseable-date', 'not a date'],
		['Q1 2024', 'unparseable-date', 'not a date'],
		['yesterday', 'unparseable-date', 'not a date'],
		['12 Smarch 2024', 'unparseable-date', 'not a date'],
		['2024-03-12/2024-03-14', 'unparseable-date', 'not a date']
	])('%j is refused as %s', (cell, code, words) => {
		const read = readDateCell(cell);
		expect(read.ok).toBe(false);
		expect(read).toMatchObject({ code });
		expect((read as { reason: string }).reason).toContain(words);
	});

	it('refuses a date that contradicts the order chosen for the column', () => {
		expect(readDateCell('25/12/2023', 'mdy')).toMatchObject({ ok: false, code: 'unparseable-date' });
		expect(readDateCell('12/25/2023', 'dmy')).toMatchObject({ ok: false, code: 'unparseable-date' });
	});
});

describe('ACLED time precision', () => {
	const acled = (start: string, precision: string) => eventDate({ start, precision, order: null });

	it('1: the day as given', () => {
		const d = acled('2024-03-12', '1');
		expect(d).toEqual({ ok: true, span: { start: '2024-03-12', precision: 'day', basis: 'explicit' } });
	});

	it('2: the seven days around ACLED’s mid-week day, marked approximate', () => {
		const d = acled('2024-03-01', '2');
		expect(d.ok).toBe(true);
		const span = (d as { span: Parameters<typeof formatDateSpan>[0] }).span;
		expect(span).toMatchObject({ start: '2024-02-27', end: '2024-03-04', precision: 'approximate' });
		expect(span.note).toContain('week');
		expect(dateSpanBounds(span)).toEqual({ first: '2024-02-27', last: '2024-03-04' });
		expect(formatDateSpan(span)).toBe('around 27 February 2024 – 4 March 2024');
	});

	it('3: the month, without ACLED’s chosen mid-month day', () => {
		const d = acled('2024-03-15', '3');
		expect(d).toMatchObject({ ok: true, span: { start: '2024-03', precision: 'month' } });
		const span = (d as { span: Parameters<typeof formatDateSpan>[0] }).span;
		expect(span.end).toBeUndefined();
		expect(formatDateSpan(span)).toBe('March 2024');
		expect(dateSpanBounds(span)).toEqual({ first: '2024-03-01', last: '2024-03-31' });
	});

	it('accepts the words too, and keeps a month-only date a month whatever the code', () => {
		expect(acled('2024-03-12', 'month')).toMatchObject({ span: { start: '2024-03', precision: 'month' } });
		expect(acled('2024-03-12', 'year')).toMatchObject({ span: { start: '2024', precision: 'year' } });
		expect(acled('March 2024', '2')).toMatchObject({ span: { start: '2024-03', precision: 'month' } });
	});

	it('refuses an unknown code', () => {
		expect(acled('2024-03-12', '4')).toMatchObject({
			ok: false,
			code: 'unknown-precision',
			role: 'timePrecision'
		});
	});

	it('without a code, takes the precision the text gives', () => {
		expect(eventDate({ start: 'March 2024', order: null })).toMatchObject({
			span: { start: '2024-03', precision: 'month' }
		});
	});
});

describe('start and end dates', () => {
	it('make a span of days', () => {
		const d = eventDate({ start: '2024-03-12', end: '2024-03-14', order: null });
		expect(d).toMatchObject({ ok: true, span: { start: '2024-03-12', end: '2024-03-14', precision: 'day' } });
		expect(formatDateSpan((d as { span: Parameters<typeof formatDateSpan>[0] }).span)).toBe(
			'12–14 March 2024'
		);
	});

	it('take the coarser precision of the two', () => {
		expect(eventDate({ start: '2024-03-12', end: 'April 2024', order: null })).toMatchObject({
			span: { start: '2024-03-12', end: '2024-04', precision: 'month' }
		});
	});

	it('an end equal to the start is no end', () => {
		expect(eventDate({ start: '2024-03-12', end: '2024-03-12', order: null })).toEqual({
			ok: true,
			span: { start: '2024-03-12', precision: 'day', basis: 'explicit' }
		});
	});

	it('an empty end is no end', () => {
		expect(eventDate({ start: '2024-03-12', end: ' ', order: null })).toMatchObject({
			ok: true,
			span: { start: '2024-03-12' }
		});
	});

	it('refuse an end before the start, naming both', () => {
		const d = eventDate({ start: '2024-03-12', end: '2024-03-11', order: null });
		expect(d).toMatchObject({ ok: false, code: 'end-before-start', role: 'endDate', value: '2024-03-11' });
		expect((d as { reason: string }).reason).toBe(
			'the end date “2024-03-11” is before the start date “2024-03-12”'
		);
		// A month that contains the start day does not end before it.
		expect(eventDate({ start: '2024-03-12', end: '2024-03', order: null }).ok).toBe(true);
		expect(eventDate({ start: '2024-03-12', end: '2024-02', order: null })).toMatchObject({
			code: 'end-before-start'
		});
	});

	it('refuse an unreadable end date as such', () => {
		expect(eventDate({ start: '2024-03-12', end: 'soon', order: null })).toMatchObject({
			ok: false,
			code: 'unparseable-date',
			role: 'endDate'
		});
	});
});

describe('addDays', () => {
	it.each([
		['2024-02-28', 1, '2024-02-29'],
		['2024-03-01', -1, '2024-02-29'],
		['2023-12-31', 1, '2024-01-01'],
		['2024-01-03', -3, '2023-12-31']
	])('%s %+d → %s', (day, n, expected) => {
		expect(addDays(day, n)).toBe(expected);
	});
});
