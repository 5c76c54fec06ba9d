/**
 * The source metadata form as logic: dates typed as a source gives them (a day, a month, a
 * season, a year, a span; ISO or words) and refused at their field when they are not dates, not
 * real, out of order or do not fit their precision; ids proposed from publisher and date, unique;
 * web addresses limited to http and https; and the record a valid draft makes is exactly a
 * geodata source, as the workspace stores it.
 */
import { describe, expect, it } from 'vitest';
import { Source } from '$lib/schema/model';
import { WorkspaceSource } from '$lib/workspace/records';
import {
	dateSpanFromDraft,
	emptyDateDraft,
	normaliseDateDraft,
	parseDateText,
	seasonSpan,
	type DateDraft
} from '$lib/authoring/date-input';
import { kebabCase, proposeEventId, proposeSourceId, publisherShortName, uniqueId } from '$lib/authoring/ids';
import {
	emptySourceDraft,
	proposeIdFor,
	sourceDraftOf,
	sourceFieldErrors,
	sourceFromDraft,
	type SourceDraft
} from '$lib/authoring/source-draft';
import { errorsUnder, zodFieldErrors } from '$lib/authoring/field-errors';

const date = (patch: Partial<DateDraft>): DateDraft => ({ ...emptyDateDraft(), basis: 'explicit', ...patch });

describe('parseDateText', () => {
	it.each([
		['2024-03-18', { start: '2024-03-18', precision: 'day' }],
		['2024-3-8', { start: '2024-03-08', precision: 'day' }],
		['2024-03', { start: '2024-03', precision: 'month' }],
		['2024', { start: '2024', precision: 'year' }],
		['18 March 2024', { start: '2024-03-18', precision: 'day' }],
		['18th Mar 2024', { start: '2024-03-18', precision: 'day' }],
		['March 18, 2024', { start: '2024-03-18', precision: 'day' }],
		['Sept. 2023', { start: '2023-09', precision: 'month' }],
		['  march   2024 ', { start: '2024-03', precision: 'month' }],
		['spring 2024', { start: '2024-03', end: '2024-05', precision: 'season' }],
		['Fall 2023', { start: '2023-09', end: '2023-11', precision: 'season' }],
		['winter 2023–24', { start: '2023-12', end: '2024-02', precision: 'season' }],
		['winter 2023/2024', { start: '2023-12', end: '2024-02', precision: 'season' }]
	])('reads %s', (text, expected) => {
		expect(parseDateText(text)).toEqual({ ok: true, ...expected });
	});

	it.each([
		['', 'Required'],
		['garbage', '“garbage” is not a date'],
		['2024-13', '“2024-13” is not a real date'],
		['2024-02-30', '“2024-02-30” is not a real date'],
		['30 February 2023', 'is not a real date'],
		['Smarch 2024', 'is not a date'],
		['winter 2024', 'Say which winter: “winter 2023–24”'],
		['winter 2023–25', 'a winter runs from one year into the next'],
		['18/03/2024', 'is not a date']
	])('refuses %j', (text, message) => {
		const parsed = parseDateText(text);
		expect(parsed.ok).toBe(false);
		expect(!parsed.ok && parsed.message).toContain(message);
	});

	it('gives seasons their months, winter running into the next year', () => {
		expect(seasonSpan('summer', 2022)).toEqual({ start: '2022-06', end: '2022-08' });
		expect(seasonSpan('winter', 2022)).toEqual({ start: '2022-12', end: '2023-02' });
	});
});

describe('dateSpanFromDraft', () => {
	it('makes a month-only date without asking for a day, the precision taken from what was typed', () => {
		expect(dateSpanFromDraft(date({ start: 'March 2024' }))).toEqual({
			span: { start: '2024-03', precision: 'month', basis: 'explicit' },
			errors: {}
		});
	});

	it('makes spans, seasons and approximate dates', () => {
		expect(dateSpanFromDraft(date({ start: '2024-03-18', end: '2024-03-20' })).span).toEqual({
			start: '2024-03-18',
			end: '2024-03-20',
			precision: 'day',
			basis: 'explicit'
		});
		expect(dateSpanFromDraft(date({ start: 'spring 2024' })).span).toMatchObject({
			start: '2024-03',
			end: '2024-05',
			precision: 'season'
		});
		expect(
			dateSpanFromDraft(date({ start: '1980', end: '1989', precision: 'approximate', note: 'the 1980s' }))
				.span
		).toEqual({ start: '1980', end: '1989', precision: 'approximate', basis: 'explicit', note: 'the 1980s' });
	});

	it('puts each problem at its field', () => {
		expect(dateSpanFromDraft(date({ start: 'garbage' })).errors).toEqual({
			'date.start': expect.stringContaining('“garbage” is not a date')
		});
		expect(dateSpanFromDraft(date({ start: '2024-05', end: '2024-03' })).errors).toEqual({
			'date.end': 'The end (2024-03) is before the start (2024-05).'
		});
		expect(
			dateSpanFromDraft(date({ start: '2024-03', precision: 'day' })).errors['date.precision']
		).toContain('“Day” needs a full date (2024-03 is not one)');
		expect(
			dateSpanFromDraft(date({ start: '2024-03-18', precision: 'year' })).errors['date.precision']
		).toContain('“Year” does not fit 2024-03-18');
		expect(
			dateSpanFromDraft(date({ start: '2024', precision: 'season' })).errors['date.precision']
		).toContain('A season is a span of months');
		expect(dateSpanFromDraft(date({ start: '2024-03', basis: '' })).errors).toEqual({
			'date.basis': expect.stringContaining('Say where the date comes from')
		});
		expect(dateSpanFromDraft(date({ start: '2024-03', basis: 'inferred' })).errors).toEqual({
			'date.note': expect.stringContaining('Say how you inferred the date')
		});
		expect(dateSpanFromDraft(date({ start: 'spring 2024', end: '2024-06' })).errors['date.end']).toContain(
			'A season sets its own end'
		);
	});

	it('shows typed words in ISO form once the user leaves the field', () => {
		expect(normaliseDateDraft(date({ start: 'spring 2024' }))).toMatchObject({
			start: '2024-03',
			end: '2024-05',
			precision: 'season'
		});
		expect(normaliseDateDraft(date({ start: '18 March 2024', precision: 'approximate' }))).toMatchObject({
			start: '2024-03-18',
			precision: 'approximate'
		});
		expect(normaliseDateDraft(date({ start: 'nonsense' })).start).toBe('nonsense');
	});
});

describe('ids', () => {
	it('names publishers briefly', () => {
		expect(publisherShortName('Voice of America (VOA News)')).toBe('voa');
		expect(publisherShortName('The Friday Times (TFT)')).toBe('tft');
		expect(publisherShortName('Dawn')).toBe('dawn');
		expect(publisherShortName('The Express Tribune')).toBe('express-tribune');
		expect(publisherShortName('Friedrich Naumann Foundation for Freedom')).toBe('fnff');
		expect(publisherShortName('Ṭolo Nūz')).toBe('tolo-nuz');
	});

	it('proposes unique kebab-case ids', () => {
		const taken = new Set(['voa-2024-01', 'dawn-2024-05', 'dawn-2024-05-2']);
		expect(proposeSourceId('Voice of America (VOA News)', '2024-01-12', taken)).toBe('voa-2024-01-2');
		expect(proposeSourceId('Dawn', '2024-05', taken)).toBe('dawn-2024-05-3');
		expect(proposeSourceId('Dawn', '2023', taken)).toBe('dawn-2023');
		expect(proposeSourceId('', undefined, taken)).toBe('source');
		expect(proposeEventId('The Taliban take Kabul, and the world watches', '2021-08-15', new Set())).toBe(
			'taliban-take-kabul-world-watches-2021-08'
		);
		expect(uniqueId('x', new Set(['x', 'x-2']))).toBe('x-3');
		expect(kebabCase('  Jalālābād — “talks” ')).toBe('jalalabad-talks');
	});
});

const TEXT = 'Trucks queued at Torkham, officials said.\n';
const context = { takenIds: new Set(['voa-2024-01', 'dawn-2024-05']) };

function goodDraft(): SourceDraft {
	return {
		...emptySourceDraft(),
		id: 'dawn-2024-06',
		title: 'Torkham reopens',
		publisher: 'Dawn',
		date: date({ start: '12 June 2024' }),
		url: 'https://www.dawn.com/news/1',
		readAt: 'dawn.com',
		kind: 'news'
	};
}

describe('sourceFromDraft', () => {
	it('makes a geodata source record with its text from a valid draft', () => {
		const { source, errors } = sourceFromDraft(goodDraft(), TEXT, context);
		expect(errors).toEqual({});
		expect(source).toEqual({
			schemaVersion: 1,
			id: 'dawn-2024-06',
			title: 'Torkham reopens',
			publisher: 'Dawn',
			date: { start: '2024-06-12', precision: 'day', basis: 'explicit' },
			url: 'https://www.dawn.com/news/1',
			readAt: 'dawn.com',
			kind: 'news',
			textFile: 'dawn-2024-06.txt',
			debris: [],
			text: TEXT
		});
		expect(WorkspaceSource.safeParse(source).success).toBe(true);
		const { text, ...meta } = source!;
		expect(text).toBe(TEXT);
		expect(Source.safeParse(meta).success).toBe(true);
		// Editing it again gives back the same record.
		expect(
			sourceFromDraft(sourceDraftOf(source!), TEXT, { ...context, editing: 'dawn-2024-06' }).source
		).toEqual(source);
	});

	it('gives one message per field, in the words of a form', () => {
		const errors = sourceFieldErrors(
			{
				...emptySourceDraft(),
				id: 'Not An Id',
				date: date({ start: 'garbage' }),
				url: 'javascript:alert(1)'
			},
			TEXT,
			context
		);
		expect(errors).toEqual({
			id: 'must be lower-case kebab-case',
			title: expect.stringContaining('Required: the title'),
			publisher: expect.stringContaining('Required: who published it'),
			readAt: expect.stringContaining('Required: where you read'),
			kind: 'Choose news, opinion or policy paper.',
			url: 'must be an http: or https: address',
			'date.start': expect.stringContaining('“garbage” is not a date')
		});
		expect(errorsUnder(errors, 'date')).toHaveLength(1);
	});

	it('refuses an address that is not a full http(s) one, and an id already taken', () => {
		expect(sourceFieldErrors({ ...goodDraft(), url: 'www.dawn.com' }, TEXT, context).url).toContain(
			'Must be a full web address'
		);
		expect(sourceFieldErrors({ ...goodDraft(), url: 'data:text/html,hi' }, TEXT, context).url).toBeDefined();
		expect(sourceFieldErrors({ ...goodDraft(), url: '' }, TEXT, context)).toEqual({});
		expect(sourceFieldErrors({ ...goodDraft(), id: 'dawn-2024-05' }, TEXT, context).id).toBe(
			'“dawn-2024-05” is already the id of a source: choose another (dawn-2024-06 is free).'
		);
		expect(sourceFieldErrors(goodDraft(), '  \n', context).text).toContain('The source has no text');
	});

	it('proposes the id from the publisher and date', () => {
		expect(proposeIdFor({ ...goodDraft(), date: date({ start: 'May 2024' }) }, context)).toBe(
			'dawn-2024-05-2'
		);
		expect(
			proposeIdFor(
				{ ...goodDraft(), date: date({ start: 'May 2024' }) },
				{ ...context, editing: 'dawn-2024-05' }
			)
		).toBe('dawn-2024-05');
	});

	it('renders zod paths as the validator names fields', () => {
		const result = Source.safeParse({ date: { start: 'x' }, debris: [{ paragraph: 'p0' }] });
		const errors = zodFieldErrors(result.error!);
		expect(Object.keys(errors)).toEqual(
			expect.arrayContaining(['date.start', 'debris[0].paragraph', 'title'])
		);
	});
});
