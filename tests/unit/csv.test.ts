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
 * CRLF, fields are either plain (no comma, quote, CR or LF) or quoted with doubled inner quotes.
 */
function parseCsv(text: string): string[][] {
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
			while (i < text.length && !',\r\n'.includes(text[i]!)) {
				if (text[i] === '"') fail('quote inside a plain field');
				value += text[i++];
			}
		}
		record.push(value);
		if (text[i] === ',') i++;
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

	it('accepts features as well as properties, with the same result', () => {
		const feature: EventFeature = {
			type: 'Feature',
			id: contested.id,
			geometry: { type: 'Point', coordinates: [70, 33.3] },
			properties: contested
		};
		expect(eventsToCsv([feature])).toBe(eventsToCsv([contested]));
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

describe('formula-injection guard', () => {
	it.each([
		['=', '=HYPERLINK("http://x","click")'],
		['+', '+1+2'],
		['-', '-2+3'],
		['@', '@SUM(A1:A2)'],
		['TAB', '\t=1+1'],
		['CR', '\r=1+1']
	])('prefixes a cell starting with %s with an apostrophe', (_, text) => {
		expect(guardFormula(text)).toBe(`'${text}`);
		const rows = rowsOf(eventsToCsv([event('e', { title: text, citations: [cite('s', 'p1', text)] })]));
		expect(rows[0]!.title).toBe(`'${text}`);
		expect(rows[0]!.quote).toBe(`'${text}`);
	});

	it('applies the guard before quoting', () => {
		expect(quoteField(guardFormula('=1,2'))).toBe(`"'=1,2"`);
		expect(quoteField(guardFormula('\r=1'))).toBe(`"'\r=1"`);
		expect(toCsv(['a'], [['=1,2'], ['"=x"']])).toBe(`a\r\n"'=1,2"\r\n"""=x"""\r\n`);
	});

	it.each(['Torkham', ' =1+1', "'=1+1", '1=1', 'a-b', 'e@mail', '', '\n=1', '＝1'])(
		'leaves %j alone',
		(text) => expect(guardFormula(text)).toBe(text)
	);

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
