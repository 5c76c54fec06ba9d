/**
 * Row reading through the CSV path the worker runs (PapaParse's parser fed in chunks, then the
 * session): every rejection reason with its line number (the header is line 1; a quoted
 * multi-line cell adds its lines), the same results at every chunk size and line break, and the
 * awkward rows that must import as text.
 */
import { describe, expect, it } from 'vitest';
import { detectColumns } from '$lib/datasets/columns';
import { createCsvChunker, guessNewline, type CsvDialect } from '$lib/datasets/csv-chunks';
import { createCsvSession } from '$lib/datasets/csv-session';
import { lineBreaks, rowLines } from '$lib/datasets/line-count';
import { readNumberCell, readPointCell } from '$lib/datasets/point-cell';
import type { ChunkResult, ColumnMapping, DatasetInfo, ImportedEvent } from '$lib/datasets/types';

const DATASET: DatasetInfo = {
	id: 'test-set',
	name: 'Test set',
	file: 'test.csv',
	publisher: 'Test publisher'
};

/** Imports CSV text the way the worker does, `step` characters at a time. */
function importText(
	text: string,
	options: { step?: number; mapping?: ColumnMapping; dialect?: Partial<CsvDialect> } = {}
) {
	const dialect: CsvDialect = { delimiter: ',', newline: guessNewline(text), ...options.dialect };
	const header = text
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)[0]!
		.split(dialect.delimiter);
	const mapping = options.mapping ?? detectColumns(header).mapping;
	const session = createCsvSession(DATASET, mapping);
	const chunker = createCsvChunker(dialect);
	const all: ChunkResult = { events: [], rejections: [], rows: [] };
	const add = (r: ChunkResult) => {
		all.events.push(...r.events);
		all.rejections.push(...r.rejections);
		all.rows.push(...r.rows);
	};
	const step = options.step ?? text.length;
	for (let i = 0; i < text.length; i += step) {
		const parsed = chunker.push(text.slice(i, i + step));
		add(session.push(parsed.rows, parsed.errors));
	}
	const rest = chunker.end();
	add(session.push(rest.rows, rest.errors));
	return { ...all, events: all.events as ImportedEvent[], summary: session.summary() };
}

const HEADER = 'id,title,lat,lon,date,end_date,notes,precision';
const FAULTY_ROWS = [
	/* 2 */ 'a1,Good,34.0,71.5,2024-03-12,,plain,1',
	/* 3–5 */ 'a2,Multi,34.0,71.5,2024-03-12,,"first line\nsecond line\nthird",1',
	/* 6 */ 'a3,No latitude,,71.5,2024-03-12,,,1',
	/* 7 */ 'a4,Not a number,abc,71.5,2024-03-12,,,1',
	/* 8 */ 'a5,Decimal comma,"33,5",71.5,2024-03-12,,,1',
	/* 9 */ 'a6,Latitude range,95,71.5,2024-03-12,,,1',
	/* 10 */ 'a7,Longitude range,34,190,2024-03-12,,,1',
	/* 11 */ 'a8,Outside,71.5,34,2024-03-12,,,1',
	/* 12 */ 'a9,No date,34,71.5,,,,1',
	/* 13 */ 'a10,Bad date,34,71.5,next week,,,1',
	/* 14 */ 'a11,Ambiguous,34,71.5,03/04/2024,,,1',
	/* 15 */ 'a12,End before,34,71.5,2024-03-12,2024-03-01,,1',
	/* 16 */ 'a13,Precision,34,71.5,2024-03-12,,,7',
	/* 17 */ 'a14,Too few,34,71.5,2024-03-12',
	/* 18 */ 'a1,Duplicate,34,71.5,2024-03-12,,,1',
	/* 19 */ '',
	/* 20 */ 'a15,After blank,34.1,71.6,2024-03-13,,x,1',
	/* 21 */ 'a16,"Quote ""inside""",34.1,71.6,2024-03-13,,y,1',
	/* 22 */ 'a17,Too many,34.1,71.6,2024-03-13,,y,1,extra',
	/* 23 */ 'a18,Unclosed,34.1,71.6,2024-03-13,,"never closed,1'
];
const FAULTY = [HEADER, ...FAULTY_ROWS].join('\n') + '\n';

/** Each rejection: [line, field, code]. */
const EXPECTED_REJECTIONS = [
	[6, 'lat', 'missing-coordinates'],
	[7, 'lat', 'not-a-number'],
	[8, 'lat', 'decimal-comma'],
	[9, 'lat', 'out-of-range'],
	[10, 'lon', 'out-of-range'],
	[11, 'lat', 'outside-region'],
	[12, 'date', 'missing-date'],
	[13, 'date', 'unparseable-date'],
	[14, 'date', 'ambiguous-date'],
	[15, 'end_date', 'end-before-start'],
	[16, 'precision', 'unknown-precision'],
	[17, '(row)', 'field-count'],
	[18, 'id', 'duplicate-id'],
	[22, '(row)', 'field-count'],
	[23, '(row)', 'malformed-quotes']
];

describe('rejections, by line, field and reason', () => {
	const result = importText(FAULTY);

	it('names the line, field and code of every rejected row', () => {
		expect(result.rejections.map((r) => [r.line, r.field, r.code])).toEqual(EXPECTED_REJECTIONS);
	});

	it('imports the good rows, with the lines they start on', () => {
		expect(result.events.map((e) => [e.properties.imported.line, e.properties.id])).toEqual([
			[2, 'test-set-a1'],
			[3, 'test-set-a2'],
			[20, 'test-set-a15'],
			[21, 'test-set-a16']
		]);
	});

	it('counts rows, blanks and reasons', () => {
		expect(result.summary).toMatchObject({
			read: 19,
			imported: 4,
			rejected: 15,
			blank: 1,
			words: '4 imported, 15 rejected'
		});
		expect(Object.fromEntries(result.summary.byReason.map((r) => [r.code, r.count]))).toEqual({
			'missing-coordinates': 1,
			'not-a-number': 1,
			'decimal-comma': 1,
			'out-of-range': 2,
			'outside-region': 1,
			'missing-date': 1,
			'unparseable-date': 1,
			'ambiguous-date': 1,
			'end-before-start': 1,
			'unknown-precision': 1,
			'field-count': 2,
			'malformed-quotes': 1,
			'duplicate-id': 1
		});
	});

	it('says in words what is wrong, with the value', () => {
		const by = (line: number) => result.rejections.find((r) => r.line === line)!;
		expect(by(6).reason).toBe('the latitude is empty');
		expect(by(7)).toMatchObject({ value: 'abc', reason: 'latitude “abc” is not a number' });
		expect(by(8)).toMatchObject({
			value: '33,5',
			reason: 'latitude “33,5” has a decimal comma (write 33.5, not 33,5)'
		});
		expect(by(9).reason).toBe('latitude 95 is outside −90…90');
		expect(by(10)).toMatchObject({ value: '190', reason: 'longitude 190 is outside −180…180' });
		expect(by(11).reason).toContain('latitude and longitude look swapped');
		expect(by(14).reason).toBe('“03/04/2024” could be 3 April or 4 March');
		expect(by(17).reason).toBe('the row has 5 fields; the header has 8');
		expect(by(18).reason).toBe('the id “a1” is already used by line 2');
		expect(by(23).reason).toContain('quotes are malformed');
	});

	it('keeps each rejected row whole, for the download', () => {
		const row = result.rejections.find((r) => r.line === 8)!.record;
		expect(row).toEqual({
			id: 'a5',
			title: 'Decimal comma',
			lat: '33,5',
			lon: '71.5',
			date: '2024-03-12',
			end_date: '',
			notes: '',
			precision: '1'
		});
		expect(result.rejections.find((r) => r.line === 22)!.record['column 9']).toBe('extra');
	});

	it('gives the same results at every chunk size', () => {
		const whole = importText(FAULTY);
		for (const step of [1, 2, 3, 7, 16, 61, 200]) {
			const chunked = importText(FAULTY, { step });
			expect(chunked.rejections, `step ${step}`).toEqual(whole.rejections);
			expect(chunked.events, `step ${step}`).toEqual(whole.events);
		}
	});

	it('gives the same lines with CRLF line breaks, inside quoted cells too', () => {
		const crlf = importText(FAULTY.replace(/\n/g, '\r\n'), { step: 5 });
		expect(crlf.rejections.map((r) => [r.line, r.field, r.code])).toEqual(EXPECTED_REJECTIONS);
		expect(crlf.events[1]!.properties.citations[0]!.quote).toBe('first line\r\nsecond line\r\nthird');
	});

	it('reads a semicolon file with its own delimiter', () => {
		const semi = 'lat;lon;date\n33,5;70,1;2024-01-02\n33.5;70.1;2024-01-02\n';
		const r = importText(semi, { dialect: { delimiter: ';' } });
		expect(r.rejections.map((x) => [x.line, x.code])).toEqual([[2, 'decimal-comma']]);
		expect(r.events).toHaveLength(1);
	});
});

describe('line counting', () => {
	it.each([
		['', 0],
		['one line', 0],
		['a\nb', 1],
		['a\r\nb', 1],
		['a\rb', 1],
		['a\n\nb\r\n\rc', 4]
	])('%j has %d line breaks', (cell, n) => {
		expect(lineBreaks(cell)).toBe(n);
	});

	it('a row spans one line plus the breaks in its cells', () => {
		expect(rowLines(['x', 'a\nb', 'c\r\nd\re'])).toBe(4);
	});

	it('a row after several multi-line cells gets the line an editor shows', () => {
		const text = 'lat,lon,date,notes\n34,71,2024-01-01,"a\nb"\n34,71,2024-01-01,"c\n\nd"\n34,71,x,e\n';
		const r = importText(text, { step: 4 });
		expect(r.rejections.map((x) => x.line)).toEqual([7]);
		// A file with no quoted newlines: the line and the spreadsheet row agree.
		expect(r.events.map((e) => [e.properties.imported.line, e.properties.imported.row])).toEqual([
			[2, 2],
			[4, 3]
		]);
	});
});

describe('coordinates in one cell', () => {
	it.each([
		['33.9, 70.1', { ok: true, lat: 33.9, lon: 70.1 }],
		['(33.9,70.1)', { ok: true, lat: 33.9, lon: 70.1 }],
		['33.9; 70.1', { ok: true, lat: 33.9, lon: 70.1 }],
		['POINT (70.1 33.9)', { ok: true, lat: 33.9, lon: 70.1 }],
		['point(70.1 33.9)', { ok: true, lat: 33.9, lon: 70.1 }],
		['POINT Z (70.1 33.9 1200)', { ok: true, lat: 33.9, lon: 70.1 }],
		['SRID=4326;POINT(70.1 33.9)', { ok: true, lat: 33.9, lon: 70.1 }],
		['POINT EMPTY', { ok: false, problem: 'missing' }],
		['', { ok: false, problem: 'missing' }],
		['33,9 70,1', { ok: false, problem: 'decimal-comma' }],
		['70.1 33.9', { ok: false, problem: 'not-a-number' }],
		['LINESTRING (70 33, 71 34)', { ok: false, problem: 'not-a-number' }]
	])('%j → %j', (cell, expected) => {
		expect(readPointCell(cell)).toEqual(expected);
	});

	it.each([
		['33.95', { ok: true, value: 33.95 }],
		['-70', { ok: true, value: -70 }],
		['+.5', { ok: true, value: 0.5 }],
		['1e1', { ok: true, value: 10 }],
		[' 34 ', { ok: true, value: 34 }],
		['33,5', { ok: false, problem: 'decimal-comma' }],
		['33.5N', { ok: false, problem: 'not-a-number' }],
		['NaN', { ok: false, problem: 'not-a-number' }],
		['Infinity', { ok: false, problem: 'not-a-number' }],
		['1,234,5', { ok: false, problem: 'not-a-number' }]
	])('number cell %j → %j', (cell, expected) => {
		expect(readNumberCell(cell)).toEqual(expected);
	});

	it('a WKT column imports with the lon-lat order WKT uses', () => {
		const text = 'name,wkt,date\nTorkham,POINT (71.09 34.11),2024-01-05\nBad,POINT (71.09),2024-01-05\n';
		const r = importText(text);
		expect(r.events[0]!.geometry).toEqual({ type: 'Point', coordinates: [71.09, 34.11] });
		expect(r.rejections.map((x) => [x.line, x.field, x.code])).toEqual([[3, 'wkt', 'not-a-number']]);
	});
});

describe('awkward but valid rows import, as text', () => {
	const longNotes = 'Long note. '.repeat(10_000);
	const rows = [
		['=HYPERLINK("http://example.invalid","click")', '+cmd|calc', '34', '71', '2024-03-01', '@SUM(A1)'],
		['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '34', '71', '2024-03-02', 'a & b < c'],
		['میر علی میں حملہ', 'میر علی', '33.0', '70.07', '2024-03-03', 'ملا اور طالبان'],
		['Long', 'Somewhere', '34', '71', '2024-03-04', longNotes],
		['Line\nbreaks', 'Two\r\nlines', '34', '71', '2024-03-05', 'first\nsecond']
	];
	const csv = (cells: string[]) =>
		cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
	const text =
		'\uFEFF' + ['title,place,latitude,longitude,date,notes', ...rows.map(csv)].join('\r\n') + '\r\n';
	const result = importText(text, { step: 4096 });

	it('every one of them imports', () => {
		expect(result.rejections).toEqual([]);
		expect(result.events).toHaveLength(rows.length);
		expect(result.summary.columns[0]).toBe('title');
	});

	it('keeps their text exactly: titles, place names and the notes quoted in the citation', () => {
		result.events.forEach((e, i) => {
			const [title, place, , , , notes] = rows[i]!;
			expect(e.properties.title).toBe(title);
			expect(e.properties.places[0]!.name).toBe(place);
			expect(e.properties.citations[0]!.quote).toBe(notes);
		});
		expect(result.events[3]!.properties.citations[0]!.quote).toHaveLength(110_000);
	});

	it('cites the dataset: its id, its name, the row and the row’s notes', () => {
		expect(result.events[2]!.properties.citations).toEqual([
			{
				source: 'test-set',
				sourceTitle: 'Test set',
				publisher: 'Test publisher',
				sourceDate: 'date not given',
				paragraph: 'row 4',
				quote: 'ملا اور طالبان'
			}
		]);
	});

	it('quotes a row’s fields as text when it has no notes', () => {
		const r = importText('title,lat,lon,date,notes\nA visit,34,71,2024-03-01,\n');
		expect(r.events[0]!.properties.citations[0]!.quote).toBe(
			'title: A visit; lat: 34; lon: 71; date: 2024-03-01'
		);
	});
});

describe('the event shape', () => {
	it('is the export contract’s, with titles and summaries made from the row’s fields', () => {
		const text =
			'event_id_cnty,event_date,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes\n' +
			'PAK1,2024-03-12,1,Battles,Armed clash,Group A,Ally B; Ally C,Group D,Pakistan,Khyber Pakhtunkhwa,North Waziristan,Mir Ali,33.02,70.07,2,Paper E,Clash reported.\n';
		const e = importText(text).events[0]!;
		expect(e.type).toBe('Feature');
		expect(e.id).toBe('test-set-pak1');
		expect(e.properties).toMatchObject({
			id: 'test-set-pak1',
			title: 'Armed clash in Mir Ali',
			dateText: '12 March 2024',
			dateFirst: '2024-03-12',
			dateLast: '2024-03-12',
			group: 'test-set',
			type: 'Battles',
			actors: ['Group A', 'Ally B', 'Ally C', 'Group D'],
			precision: 'approximate',
			contested: null,
			imported: {
				dataset: 'test-set',
				row: 2,
				line: 2,
				recordId: 'PAK1',
				province: 'PK-KP',
				admin1: 'Khyber Pakhtunkhwa'
			}
		});
		expect(e.properties.summary).toBe(
			'Battles: Armed clash recorded in the dataset “Test set” (row 2) at Mir Ali, North Waziristan, Khyber Pakhtunkhwa, Pakistan, 12 March 2024; located approximately. Reported by: Paper E.'
		);
	});
});
