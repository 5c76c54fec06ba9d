/**
 * CSV export: RFC 4180 framing (checked by reading the output back with an independent parser),
 * one row per citation, contested stances as extra rows, and the formula-injection guard.
 */
import { describe, expect, it } from 'vitest';
import {
	CSV_UTF8_BOM,
	EVENT_CSV_COLUMNS,
	PLACE_CSV_COLUMNS,
	eventsToCsv,
	guardFormula,
	placesToCsv,
	quoteField,
	toCsv
} from '$lib/export/csv';
import type { EventFeature, EventProperties, ExportedCitation, PlaceFeature } from '$lib/schema/exported';

/**
 * A strict RFC 4180 reader, written from the RFC rather than from the writer: records end in
 * CRLF, fields are either plain (no separator, quote, CR or LF) or quoted with doubled inner
 * quotes. The separator is a comma unless told (a semicolon locale's spreadsheet uses `;`).
 */
function parseCsv(text: string, separator = ','): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let i = 0;
	const fail = (why: string) => {
		throw new Error(`${why} at offset ${i}`);
	};
	while (i < text.length) {
		let value = '';
		if (text[i] === '"') {
			i++;
			for (;;) {
				if (i >= text.length) fail('unterminated quoted field');
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						value += '"';
						i += 2;
					} else {
						i++;
						break;
					}
				} else value += text[i++];
			}
		} else {
			while (i < text.length && !`${separator}\r\n`.includes(text[i]!)) {
				if (text[i] === '"') fail('quote inside a plain field');
				value += text[i++];
			}
		}
		record.push(value);
		if (text[i] === separator) i++;
		else if (text.startsWith('\r\n', i)) {
			records.push(record);
			record = [];
			i += 2;
		} else if (i < text.length) fail('bare CR or LF, or garbage after a quoted field');
		else fail('last record not ended by CRLF');
	}
	return records;
}

/** Rows as objects keyed by the header, for readable assertions. */
function rowsOf(text: string): Record<string, string>[] {
	const [header, ...rows] = parseCsv(text);
	for (const row of rows) expect(row).toHaveLength(header!.length);
	return rows.map((row) => Object.fromEntries(header!.map((name, i) => [name, row[i]!])));
}

const cite = (source: string, paragraph: string, quote: string): ExportedCitation => ({
	source,
	sourceTitle: `Title of ${source}`,
	publisher: 'The Friday Times',
	sourceDate: '4 December 2023',
	paragraph,
	quote
});

function event(id: string, more: Partial<EventProperties> = {}): EventProperties {
	return {
		id,
		title: 'Pakistan temporarily closes Torkham crossing',
		summary: 'Pakistan shut the crossing.',
		date: { start: '2023-09', precision: 'month', basis: 'explicit' },
		dateText: 'September 2023',
		dateFirst: '2023-09-01',
		dateLast: '2023-09-30',
		group: 'crossings',
		type: 'border-closure',
		actors: ['Pakistan government'],
		precision: 'exact',
		places: [{ id: 'torkham', name: 'Torkham', role: 'site', precision: 'exact' }],
		contested: null,
		citations: [cite('tft-2023-12', 'p4', 'Torkham was closed.')],
		...more
	};
}

const contested = event('pakistan-airstrikes-in-afghanistan-2024-03-18', {
	title: 'Pakistani airstrikes inside Afghanistan',
	date: { start: '2024-03-18', end: '2024-03-19', precision: 'day', basis: 'inferred', note: 'n' },
	dateText: '18 – 19 March 2024',
	group: 'strikes',
	type: 'airstrike',
	actors: ['Pakistan government', 'Afghan Taliban'],
	places: [
		{ id: 'khost-province', name: 'Khost', role: 'target', precision: 'area' },
		{ id: 'pakistan', name: 'Pakistan', role: 'origin', precision: 'area' }
	],
	precision: 'area',
	contested: {
		note: 'Pakistan says it struck militants; the Taliban say civilians died.',
		stances: [
			{
				party: 'Pakistan government',
				stance: 'claims',
				citation: cite('voa-2024-01', 'p3', 'We hit hideouts.')
			},
			{
				party: 'Afghan Taliban',
				stance: 'denies',
				citation: cite('voa-2024-01', 'p4', 'No militants were there.')
			},
			{ party: 'UN', stance: 'disputes', citation: cite('voa-2024-01', 'p5', 'Figures differ.') }
		]
	},
	citations: [
		cite('voa-2024-01', 'p1', 'Pakistan carried out airstrikes.'),
		cite('voa-2024-01', 'p2', 'Eight people were killed.'),
		cite('fnf-2024-04', 'p9', 'The strikes hit Khost.')
	]
});

describe('eventsToCsv', () => {
	it('starts with the header row, in the documented column order', () => {
		const csv = eventsToCsv([]);
		expect(csv).toBe(EVENT_CSV_COLUMNS.join(',') + '\r\n');
		expect(EVENT_CSV_COLUMNS).toEqual([
			'event_id',
			'title',
			'date_text',
			'date_start',
			'date_end',
			'date_precision',
			'date_basis',
			'group',
			'type',
			'actors',
			'places',
			'location_precision',
			'longitude',
			'latitude',
			'summary',
			'contested_note',
			'citation_role',
			'party',
			'source_id',
			'source_title',
			'publisher',
			'source_date',
			'paragraph',
			'quote'
		]);
	});

	it('writes one row per citation, then one per contested stance', () => {
		const rows = rowsOf(eventsToCsv([contested, event('torkham-crossing-closed-2023-09')]));
		expect(rows.map((r) => [r.event_id, r.citation_role, r.party, r.paragraph])).toEqual([
			['pakistan-airstrikes-in-afghanistan-2024-03-18', 'report', '', 'p1'],
			['pakistan-airstrikes-in-afghanistan-2024-03-18', 'report', '', 'p2'],
			['pakistan-airstrikes-in-afghanistan-2024-03-18', 'report', '', 'p9'],
			['pakistan-airstrikes-in-afghanistan-2024-03-18', 'claims', 'Pakistan government', 'p3'],
			['pakistan-airstrikes-in-afghanistan-2024-03-18', 'denies', 'Afghan Taliban', 'p4'],
			['pakistan-airstrikes-in-afghanistan-2024-03-18', 'disputes', 'UN', 'p5'],
			['torkham-crossing-closed-2023-09', 'report', '', 'p4']
		]);
	});

	it('repeats the event’s columns on each of its rows', () => {
		const rows = rowsOf(eventsToCsv([contested]));
		for (const row of rows) {
			expect(row).toMatchObject({
				title: 'Pakistani airstrikes inside Afghanistan',
				date_text: '18 – 19 March 2024',
				date_start: '2024-03-18',
				date_end: '2024-03-19',
				date_precision: 'day',
				date_basis: 'inferred',
				group: 'strikes',
				type: 'airstrike',
				actors: 'Pakistan government; Afghan Taliban',
				places: 'Khost (target); Pakistan (origin)',
				location_precision: 'area',
				summary: 'Pakistan shut the crossing.',
				contested_note: 'Pakistan says it struck militants; the Taliban say civilians died.'
			});
		}
		expect(rows[0]).toMatchObject({
			source_id: 'voa-2024-01',
			source_title: 'Title of voa-2024-01',
			publisher: 'The Friday Times',
			source_date: '4 December 2023',
			paragraph: 'p1',
			quote: 'Pakistan carried out airstrikes.'
		});
	});

	it('leaves date_end and contested_note empty when absent', () => {
		const [row] = rowsOf(eventsToCsv([event('e')]));
		expect(row).toMatchObject({ date_end: '', contested_note: '', party: '' });
	});

	it('accepts features as well as properties; a feature’s rows carry its first point', () => {
		const feature: EventFeature = {
			type: 'Feature',
			id: contested.id,
			geometry: { type: 'Point', coordinates: [70, 33.3] },
			properties: contested
		};
		const fromFeature = rowsOf(eventsToCsv([feature]));
		const fromProperties = rowsOf(eventsToCsv([contested]));
		expect(fromFeature.map((r) => [r.longitude, r.latitude])).toEqual(
			fromProperties.map(() => ['70', '33.3'])
		);
		expect(fromProperties.map((r) => [r.longitude, r.latitude])).toEqual(fromProperties.map(() => ['', '']));
		const strip = (r: Record<string, string>) => ({ ...r, longitude: '', latitude: '' });
		expect(fromFeature.map(strip)).toEqual(fromProperties.map(strip));
	});

	it('writes the first point of a multi-point event, and nothing for one without points', () => {
		const multi: EventFeature = {
			type: 'Feature',
			geometry: {
				type: 'MultiPoint',
				coordinates: [
					[69.1, 34.5],
					[71.5, 34]
				]
			},
			properties: event('multi')
		};
		const empty: EventFeature = {
			type: 'Feature',
			geometry: { type: 'MultiPoint', coordinates: [] },
			properties: event('empty')
		};
		const rows = rowsOf(eventsToCsv([multi, empty]));
		expect(rows.map((r) => [r.event_id, r.longitude, r.latitude])).toEqual([
			['multi', '69.1', '34.5'],
			['empty', '', '']
		]);
	});

	it('keeps an event that has no citation as one row with empty citation columns', () => {
		const rows = rowsOf(eventsToCsv([event('bare', { citations: [] })]));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ event_id: 'bare', citation_role: '', source_id: '', quote: '' });
	});

	it('round-trips ordinary text with commas, quotes, newlines and typographic punctuation', () => {
		const awkward = [
			'Kabul, Khost and Kunar',
			'He said "no" twice',
			'"Quoted at both ends"',
			'Two\nlines',
			'Windows\r\nline',
			'Afghanistan’s “interim” government — ‘so-called’',
			'Trailing comma,',
			' leading and trailing spaces ',
			'د افغانستان اسلامي امارت',
			'Emoji 🔥 and tab\tinside',
			"Apostrophe first: 'quoted'",
			'',
			'a "" b',
			'"'
		];
		const events = awkward.map((text, i) =>
			event(`e-${i}`, {
				title: text,
				summary: text,
				contested: text ? { note: text, stances: [] } : null,
				citations: [cite('s', 'p1', text)]
			})
		);
		const rows = rowsOf(eventsToCsv(events));
		expect(rows.map((r) => r.title)).toEqual(awkward);
		expect(rows.map((r) => r.summary)).toEqual(awkward);
		expect(rows.map((r) => r.quote)).toEqual(awkward);
		expect(rows.map((r) => r.contested_note)).toEqual(awkward);
	});

	it('uses CRLF between records and quotes only fields that need it', () => {
		const csv = eventsToCsv([event('plain', { summary: 'a, b' })]);
		expect(csv.split('\r\n')).toHaveLength(3);
		expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		expect(csv).toContain(',"a, b",');
		expect(csv).toContain(',Pakistan temporarily closes Torkham crossing,');
	});

	it('has no byte-order mark unless the caller adds one', () => {
		expect(eventsToCsv([]).startsWith(CSV_UTF8_BOM)).toBe(false);
		expect(CSV_UTF8_BOM).toBe('\ufeff');
	});
});

/**
 * Whether a spreadsheet could take a cell as a formula: written from the spreadsheet's side, not
 * the guard's. It trims blanks and folds look-alikes (NFKC) the way a lenient importer may.
 */
function looksLikeFormula(cell: string): boolean {
	const first = cell
		.replace(/^[\s\u00ad\u180e\u200b-\u200d\u2060]+/u, '')
		.normalize('NFKC')
		.charAt(0);
	return first !== '' && '=+-@\u2212'.includes(first);
}

/** The cells a careless reader sees: the file split at `separator` and at line breaks, quotes ignored. */
const naiveCells = (csv: string, separator: string) =>
	csv.split(/\r\n|\r|\n/).flatMap((line) => line.split(separator));

describe('formula-injection guard', () => {
	it.each([
		['=', '=HYPERLINK("http://x","click")', `'=HYPERLINK("http://x","click")`],
		['+', '+1+2', "'+1+2"],
		['-', '-2+3', "'-2+3"],
		['@', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
		['a tab first', '\tplain', "'\tplain"],
		['a CR first', '\rplain', "'\rplain"],
		['a tab, then a formula', '\t=1+1', "'\t'=1+1"],
		['a CR, then a formula', '\r=1+1', "'\r'=1+1"],
		['a space, then a formula', ' =1+1', "' =1+1"],
		['spaces and a no-break space, then a formula', '  \u00a0=1+1', "'  \u00a0=1+1"],
		['a zero-width space, then a formula', '\u200b=1+1', "'\u200b=1+1"],
		['a byte-order mark, then a formula', '\ufeff=1+1', "'\ufeff=1+1"],
		['an LF, then a formula', '\n=1', "\n'=1"],
		['fullwidth ＝', '＝1+1', "'＝1+1"],
		['fullwidth ＋', '＋1', "'＋1"],
		['fullwidth －', '－1', "'－1"],
		['fullwidth ＠', '＠SUM(A1)', "'＠SUM(A1)"],
		['small-form ﹦', '﹦1+1', "'﹦1+1"],
		['small-form ﹫', '﹫x', "'﹫x"],
		['superscript ⁼', '⁼1', "'⁼1"],
		['the minus sign −', '−1', "'−1"],
		['a semicolon, then a formula', ';=1+1', ";'=1+1"],
		['text, a semicolon, then a formula', 'x;=1+1', "x;'=1+1"],
		['a semicolon, a space, then fullwidth ＝', 'x; ＝1', "x;' ＝1"],
		['a comma, then a formula', 'a,=1+1', "a,'=1+1"],
		['a tab inside, then a formula', 'a\t@x', "a\t'@x"],
		['a line break inside, then a formula', 'a\r\n-1', "a\r\n'-1"],
		['two formulas after separators', 'a;=1;+2', "a;'=1;'+2"]
	])('guards %s', (_, text, guarded) => {
		expect(guardFormula(text)).toBe(guarded);
		const rows = rowsOf(eventsToCsv([event('e', { title: text, citations: [cite('s', 'p1', text)] })]));
		expect(rows[0]!.title).toBe(guarded);
		expect(rows[0]!.quote).toBe(guarded);
	});

	it.each([
		'Torkham',
		"'=1+1",
		'1=1',
		'a-b',
		'e@mail',
		'',
		'a, b',
		'x;y',
		'Kabul – Khost',
		'50% = half',
		'a;b=c'
	])('leaves %j alone', (text) => expect(guardFormula(text)).toBe(text));

	it('guards every character whose compatibility form is a formula sign', () => {
		const lookAlikes: string[] = [];
		for (let code = 0x80; code <= 0x10ffff; code++) {
			if (code >= 0xd800 && code <= 0xdfff) continue;
			const char = String.fromCodePoint(code);
			if (looksLikeFormula(char + '1')) lookAlikes.push(char);
		}
		expect(lookAlikes.length).toBeGreaterThan(10);
		expect(lookAlikes.filter((char) => !guardFormula(char + '1').startsWith("'"))).toEqual([]);
	});

	it.each([
		['comma', ','],
		['semicolon', ';'],
		['tab', '\t']
	])('leaves no formula for a reader splitting at the %s, with or without quotes', (_, separator) => {
		const hostile = [
			'=1+1',
			`${separator}=1+1`,
			`x${separator}=1+1`,
			`x${separator} ＝1+1`,
			`x${separator}\u200b＋1`,
			`a,b${separator}@SUM(A1)`,
			`a\r\n${separator}-1`
		];
		const csv = toCsv(
			['text', 'next'],
			hostile.map((text) => [text, 'after'])
		);
		// A reader that honours quotes keeps every field whole, guarded.
		expect(parseCsv(csv).flat().filter(looksLikeFormula)).toEqual([]);
		// One that ignores quotes starts a cell at every separator; none of them is a formula either.
		expect(naiveCells(csv, separator).filter((cell) => looksLikeFormula(cell.replace(/^"/, '')))).toEqual([]);
		// And the comma reader still reads each row as two fields.
		expect(parseCsv(csv).map((row) => row.length)).toEqual(Array(hostile.length + 1).fill(2));
	});

	it.each([
		['a comma', 'a,b', '"a,b"'],
		['a semicolon', 'a;b', '"a;b"'],
		['a tab', 'a\tb', '"a\tb"'],
		['a quote', 'a"b', '"a""b"'],
		['nothing to quote', 'a b', 'a b']
	])('quotes a field with %s', (_, text, quoted) => expect(quoteField(text)).toBe(quoted));

	it('applies the guard before quoting', () => {
		expect(quoteField(guardFormula('=1,2'))).toBe(`"'=1,2"`);
		expect(quoteField(guardFormula('\r=1'))).toBe(`"'\r'=1"`);
		expect(toCsv(['a'], [['=1,2'], ['"=x"']])).toBe(`a\r\n"'=1,2"\r\n"""=x"""\r\n`);
	});

	it('guards every text column, ids and actors included', () => {
		const rows = rowsOf(
			eventsToCsv([
				event('-id', {
					actors: ['=evil'],
					places: [{ id: 'x', name: '@place', role: 'site', precision: 'exact' }],
					contested: {
						note: '+note',
						stances: [{ party: '=party', stance: 'claims', citation: cite('-s', 'p1', '@q') }]
					}
				})
			])
		);
		expect(rows[1]).toMatchObject({
			event_id: "'-id",
			actors: "'=evil",
			places: "'@place (site)",
			contested_note: "'+note",
			party: "'=party",
			source_id: "'-s",
			quote: "'@q"
		});
	});

	it('guards a formula after the separator that joins actors', () => {
		const [row] = rowsOf(eventsToCsv([event('e', { actors: ['Pakistan government', '=1+1'] })]));
		expect(row!.actors).toBe("Pakistan government;' =1+1");
	});
});

const placeFeature = (
	coordinates: [number, number],
	more: Partial<PlaceFeature['properties']> = {}
): PlaceFeature => ({
	type: 'Feature',
	id: more.id ?? 'torkham',
	geometry: { type: 'Point', coordinates },
	properties: {
		id: 'torkham',
		name: 'Torkham',
		aliases: ['Torkham', 'Torkham border crossing', 'تورخم'],
		type: 'crossing',
		country: 'PK',
		province: 'PK-KP',
		parent: null,
		precision: 'exact',
		coordinateSource: 'GeoNames 1161412',
		boundary: null,
		note: null,
		eventCount: 2,
		mentions: [
			cite('tft-2023-12', 'p4', 'Torkham was closed.'),
			cite('voa-2024-01', 'p7', 'at Torkham, "again"')
		],
		...more
	}
});

describe('placesToCsv', () => {
	it('writes the header and one row per mention, with coordinates from the geometry', () => {
		const csv = placesToCsv([placeFeature([71.0951, 34.1131])]);
		const [header] = parseCsv(csv);
		expect(header).toEqual([...PLACE_CSV_COLUMNS]);
		const rows = rowsOf(csv);
		expect(rows).toHaveLength(2);
		expect(rows[0]).toEqual({
			place_id: 'torkham',
			name: 'Torkham',
			aliases: 'Torkham; Torkham border crossing; تورخم',
			type: 'crossing',
			country: 'PK',
			province: 'PK-KP',
			parent: '',
			precision: 'exact',
			longitude: '71.0951',
			latitude: '34.1131',
			coordinate_source: 'GeoNames 1161412',
			event_count: '2',
			note: '',
			source_id: 'tft-2023-12',
			source_title: 'Title of tft-2023-12',
			publisher: 'The Friday Times',
			source_date: '4 December 2023',
			paragraph: 'p4',
			quote: 'Torkham was closed.'
		});
		expect(rows[1]!.quote).toBe('at Torkham, "again"');
	});

	it('writes negative coordinates as numbers, not as guarded text', () => {
		const [row] = rowsOf(placesToCsv([placeFeature([-77.0369, -12.5])]));
		expect(row).toMatchObject({ longitude: '-77.0369', latitude: '-12.5' });
	});

	it('guards text columns', () => {
		const [row] = rowsOf(placesToCsv([placeFeature([70, 33], { name: '=cmd', note: '-x', parent: '@p' })]));
		expect(row).toMatchObject({ name: "'=cmd", note: "'-x", parent: "'@p" });
	});

	it('keeps a place with no mention as one row', () => {
		expect(rowsOf(placesToCsv([placeFeature([70, 33], { mentions: [] })]))).toHaveLength(1);
	});

	it('writes only the header for no places', () => {
		expect(placesToCsv([])).toBe(PLACE_CSV_COLUMNS.join(',') + '\r\n');
	});
});

describe('the test parser itself', () => {
	it.each([
		['a,b\r\n', [['a', 'b']]],
		['"a,b",c\r\n', [['a,b', 'c']]],
		['"a""b"\r\n', [['a"b']]],
		[',\r\n', [['', '']]],
		['"x\r\ny"\r\n', [['x\r\ny']]]
	])('reads %j', (text, expected) => expect(parseCsv(text)).toEqual(expected));

	it.each(['a"b\r\n', '"a"b\r\n', 'a\nb\r\n', 'a,b', '"open\r\n'])('rejects %j', (text) =>
		expect(() => parseCsv(text)).toThrow()
	);
});
