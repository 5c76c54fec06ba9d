/**
 * Intentionally broken variants of geodata/ (each one mistake applied to the real files, in
 * memory) must each produce a specific, clear problem naming file, record, field and what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { readGeodata, type GeodataFiles } from '$lib/server/data/read';
import { validateGeodata } from '$lib/server/data/validate';
import { formatProblem, InvalidDataError } from '$lib/server/data/problems';
import { WebAddress } from '$lib/schema/model';

const real = readGeodata();
const places = JSON.parse(real.get('places.json')!);
const torkham = places.places.find((p: { id: string }) => p.id === 'torkham');

/** A small, valid events file of our own, so these tests do not depend on the event data. */
const validEvents = {
	schemaVersion: 1,
	events: [
		{
			id: 'torkham-closure-fixture',
			title: 'Torkham closed',
			summary: 'Pakistan closed the crossing for several days.',
			date: { start: '2023-09', precision: 'month', basis: 'inferred' },
			places: [{ place: 'torkham', role: 'site' }],
			actors: ['Pakistan government'],
			type: 'border-closure',
			group: 'crossings',
			citations: [torkham.mentions[0]]
		}
	]
};

function variant(edit: (json: Record<string, any>) => void, file = 'events.json'): GeodataFiles {
	// The briefing decks cite the real events; they are checked in briefings.test.ts.
	const files = new Map([...real].filter(([name]) => !name.startsWith('briefings/')));
	files.set('events.json', JSON.stringify(validEvents));
	const json = JSON.parse(files.get(file)!);
	edit(json);
	files.set(file, JSON.stringify(json));
	return files;
}

const messages = (files: GeodataFiles) => validateGeodata(files).problems.map(formatProblem);

describe('validator', () => {
	it('accepts the real files with a valid events file', () => {
		expect(messages(variant(() => {}))).toEqual([]);
	});

	it.each<[string, () => GeodataFiles, RegExp]>([
		[
			'a quote not verbatim in its paragraph',
			() =>
				variant(
					(j) =>
						(j.events[0].citations[0] = {
							...torkham.mentions[0],
							quote: 'Pakistan permanently closed the Torkham border crossing'
						})
				),
			/^events\.json › record "torkham-closure-fixture" › field citations\[0\]: quote is not verbatim in fnf-2024-04 p\d+/
		],
		[
			'a paragraph that does not exist',
			() => variant((j) => (j.events[0].citations[0] = { ...torkham.mentions[0], paragraph: 'p9999' })),
			/field citations\[0\]: fnf-2024-04 has no paragraph p9999 \(it has \d+\)/
		],
		[
			'an unknown source',
			() => variant((j) => (j.events[0].citations[0] = { ...torkham.mentions[0], source: 'bbc-2024' })),
			/field citations\[0\]: unknown source "bbc-2024"/
		],
		[
			'an unknown place',
			() => variant((j) => (j.events[0].places[0].place = 'atlantis')),
			/record "torkham-closure-fixture" › field places\[0\]\.place: unknown place "atlantis"/
		],
		[
			'an unknown layer group',
			() => variant((j) => (j.events[0].group = 'weather')),
			/field group: unknown layer group "weather"/
		],
		[
			'a date that is not real',
			() => variant((j) => (j.events[0].date.start = '2023-02-30')),
			/field date\.start: 2023-02-30 is not a real date/
		],
		[
			'an end before the start',
			() =>
				variant(
					(j) =>
						(j.events[0].date = { start: '2024-03', end: '2024-01', precision: 'month', basis: 'explicit' })
				),
			/field date\.end: 2024-01 is before the start 2024-03/
		],
		[
			'a malformed date',
			() => variant((j) => (j.events[0].date.start = 'March 2024')),
			/field date\.start: must be YYYY, YYYY-MM or YYYY-MM-DD/
		],
		[
			'an id used twice',
			() => variant((j) => j.events.push({ ...j.events[0] })),
			/events\.json › record "torkham-closure-fixture" › field id: id used by more than one record/
		],
		[
			'an unexpected field',
			() => variant((j) => (j.events[0].casualties = 12)),
			/events\.json › record "torkham-closure-fixture": Unrecognized key: "casualties"/
		],
		[
			'coordinates outside the claimed province',
			() =>
				variant(
					(j) => (j.places.find((p: any) => p.id === 'torkham').coordinates = [66.5, 25.5]),
					'places.json'
				),
			/places\.json › record "torkham" › field coordinates: \[66\.5, 25\.5\] is not inside PK-KP \(Khyber Pakhtunkhwa\)/
		],
		[
			'a province of another country',
			() =>
				variant((j) => (j.places.find((p: any) => p.id === 'torkham').province = 'AF-NAN'), 'places.json'),
			/record "torkham" › field province: AF-NAN is not in country PK/
		],
		[
			'a place with no mention',
			() => variant((j) => (j.places.find((p: any) => p.id === 'torkham').mentions = []), 'places.json'),
			/places\.json › record "torkham" › field mentions: Too small/
		],
		[
			'a debris mark on a missing paragraph',
			() => variant((j) => j.debris.push({ paragraph: 'p999', kind: 'caption' }), 'sources/tft-2023-12.json'),
			/sources\/tft-2023-12\.json › record "tft-2023-12" › field debris\[\d+\]\.paragraph: p999 is not a paragraph of tft-2023-12\.txt/
		],
		[
			'a continuation that names no earlier paragraph',
			() =>
				variant((j) => j.debris.push({ paragraph: 'p3', kind: 'continuation' }), 'sources/tft-2023-12.json'),
			/sources\/tft-2023-12\.json › record "tft-2023-12" › field debris\[\d+\]\.of: a continuation needs "of": the earlier paragraph that p3 continues/
		],
		[
			'a javascript: address for a source',
			() => variant((j) => (j.url = 'javascript:alert(document.domain)'), 'sources/tft-2023-12.json'),
			/^sources\/tft-2023-12\.json › record "tft-2023-12" › field url: must be an http: or https: address$/
		],
		[
			'a data: address for a source',
			() => variant((j) => (j.url = 'data:text/html,<script>alert(1)</script>'), 'sources/tft-2023-12.json'),
			/^sources\/tft-2023-12\.json › record "tft-2023-12" › field url: must be an http: or https: address$/
		],
		[
			'a source address that is not a URL at all',
			() => variant((j) => (j.url = 'the Friday Times website'), 'sources/tft-2023-12.json'),
			/^sources\/tft-2023-12\.json › record "tft-2023-12" › field url: /
		],
		[
			'a wrong schema version',
			() => variant((j) => (j.schemaVersion = 2), 'groups.json'),
			/groups\.json › field schemaVersion: Invalid input: expected 1/
		]
	])('reports %s', (_, make, expected) => {
		const found = messages(make());
		expect(
			found.some((m) => expected.test(m)),
			found.join('\n')
		).toBe(true);
	});

	it('reports malformed JSON by file, without giving up on the other files', () => {
		const files = variant(() => {});
		files.set('places.json', '{ "schemaVersion": 1, "places": [ ');
		files.set('groups.json', '{}');
		const found = messages(files);
		expect(found.some((m) => /^places\.json:1:\d+: not valid JSON: unexpected end of the file/.test(m))).toBe(
			true
		);
		expect(found.some((m) => /^groups\.json › field groups: /.test(m))).toBe(true);
	});

	it('reports a missing file', () => {
		const files = variant(() => {});
		files.delete('events.json');
		expect(messages(files)).toContain('events.json: file is missing');
	});

	it('lists every problem in the error that stops the build', () => {
		const files = variant((j) => {
			j.events[0].group = 'weather';
			j.events[0].places[0].place = 'atlantis';
		});
		const error = new InvalidDataError(validateGeodata(files).problems);
		expect(error.message).toMatch(/^geodata\/ is invalid \(2 problems\):/);
		expect(error.message).toContain('unknown layer group "weather"');
		expect(error.message).toContain('unknown place "atlantis"');
	});
});

describe('a source address', () => {
	it.each(['https://thefridaytimes.com/04-Dec-2023/x', 'http://example.org/', 'HTTPS://EXAMPLE.ORG/a?b=c'])(
		'accepts %s',
		(url) => expect(WebAddress.safeParse(url).success).toBe(true)
	);

	it.each([
		'javascript:alert(1)',
		'JavaScript:alert(1)',
		'data:text/html,<b>x</b>',
		'vbscript:msgbox(1)',
		'file:///etc/passwd',
		'ftp://example.org/',
		'mailto:editor@example.org'
	])('refuses %s with a clear message', (url) => {
		const result = WebAddress.safeParse(url);
		expect(result.success).toBe(false);
		expect(result.error?.issues.map((i) => i.message)).toContain('must be an http: or https: address');
	});
});

/** The real files with one file's text replaced. */
function withText(file: string, text: string, base: GeodataFiles = real): GeodataFiles {
	return new Map([...base, [file, text]]);
}

/** The line (1-based) of the character at `offset` in `text`. */
const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

describe('JSON syntax errors', () => {
	// Each broken text, and the line, column and wording of the problem it must give.
	it.each<[string, string, string]>([
		[
			'a file cut short',
			'{\n\t"schemaVersion": 1,\n\t"groups": [\n',
			'groups.json:4:1: not valid JSON: unexpected end of the file: the array opened at line 3, column 12 is not closed'
		],
		[
			'a missing comma',
			'{\n\t"schemaVersion": 1\n\t"groups": []\n}',
			`groups.json:3:2: not valid JSON: expected ',' or '}' after the value of "schemaVersion", found '"'`
		],
		[
			'a trailing comma',
			'{ "schemaVersion": 1, "groups": [], }',
			"groups.json:1:37: not valid JSON: a trailing comma before '}' is not allowed in JSON"
		],
		[
			'a trailing comma in an array',
			'{ "groups": [1, 2,\n] }',
			"groups.json:2:1: not valid JSON: a trailing comma before ']' is not allowed in JSON"
		],
		[
			'a single-quoted name',
			"{ 'schemaVersion': 1 }",
			"groups.json:1:3: not valid JSON: expected a property name in double quotes, found '''"
		],
		[
			'a single-quoted value',
			'{ "kind": \'news\' }',
			'groups.json:1:11: not valid JSON: strings must be in double quotes, not single quotes'
		],
		[
			'a comment',
			'{\n  // the groups\n  "groups": [] }',
			'groups.json:2:3: not valid JSON: comments are not allowed in JSON'
		],
		[
			'a string that is not closed',
			'{ "groups": [ "crossings ] }',
			'groups.json:1:15: not valid JSON: this string is not closed: a double quote is missing'
		],
		[
			'a line break in a string',
			'{ "label": "two\nlines" }',
			'groups.json:1:16: not valid JSON: a control character (U+000A) in a string: a line break must be written as \\n'
		],
		[
			'a bare word',
			'{ "visible": yes }',
			"groups.json:1:14: not valid JSON: expected a value, found the word 'yes' (JSON has only true, false and null)"
		],
		[
			'NaN',
			'{ "order": NaN }',
			"groups.json:1:12: not valid JSON: expected a value, found the word 'NaN' (JSON has only true, false and null)"
		],
		[
			'a number with a leading zero',
			'{ "order": 01 }',
			'groups.json:1:12: not valid JSON: invalid number 01…'
		],
		[
			'a bad escape',
			'{ "label": "a\\x" }',
			'groups.json:1:14: not valid JSON: invalid escape \\x in a string'
		],
		[
			'a missing colon',
			'{ "label" "x" }',
			`groups.json:1:11: not valid JSON: expected ':' after the property name "label", found '"'`
		],
		[
			'text after the value',
			'{ "groups": [] }\n{ }',
			"groups.json:2:1: not valid JSON: unexpected '{' after the end of the JSON value"
		],
		[
			'a byte-order mark',
			'\ufeff{ "groups": [] }',
			'groups.json:1:1: not valid JSON: the file starts with a byte-order mark: save it as UTF-8 without one'
		],
		['an empty file', '', 'groups.json:1:1: not valid JSON: unexpected end of the file: a value is missing'],
		[
			'an object cut after a colon',
			'{\n  "groups":',
			'groups.json:2:12: not valid JSON: unexpected end of the file: the object opened at line 1, column 1 is not closed'
		]
	])('gives the line and column of %s', (_, text, expected) => {
		expect(() => JSON.parse(text)).toThrow();
		expect(messages(withText('groups.json', text))).toContain(expected);
	});

	it('gives a line and column for a syntax error in a briefing deck, and reports it once', () => {
		const deck = real.get('briefings/border-story.json')!;
		const cut = deck.slice(0, deck.lastIndexOf(']'));
		const found = messages(withText('briefings/border-story.json', cut)).filter((m) =>
			m.includes('not valid JSON')
		);
		const open = cut.indexOf('[', cut.indexOf('"scenes"'));
		const column = (offset: number) => offset - cut.lastIndexOf('\n', offset - 1);
		expect(found).toEqual([
			`briefings/border-story.json:${lineAt(cut, cut.length)}:${column(cut.length)}: not valid JSON: unexpected end of the file: the array opened at line ${lineAt(cut, open)}, column ${column(open)} is not closed`
		]);
	});
});

describe('duplicate keys', () => {
	it('reports a key given twice in a record, with its path, its line and the first one’s', () => {
		const original = real.get('places.json')!;
		const idAt = original.indexOf('"id": "torkham",');
		const text = original.replace('"id": "torkham",', '"id": "torkham",\n\t\t\t"precision": "area",');
		const first = lineAt(text, idAt) + 1;
		const second = lineAt(text, text.indexOf('"precision"', text.indexOf('"precision": "area",', idAt) + 1));
		expect(second).toBeGreaterThan(first);
		expect(messages(withText('places.json', text))).toContain(
			`places.json:${second}:4 › record "torkham" › field precision: the key "precision" appears twice in one object (first at line ${first}); JSON keeps only the last`
		);
	});

	it('reports a duplicate top-level key', () => {
		const original = real.get('groups.json')!;
		const text = original.replace('{', '{"schemaVersion": 1,');
		expect(messages(withText('groups.json', text)).filter((m) => m.includes('appears twice'))).toEqual([
			`groups.json:${lineAt(text, text.indexOf('"schemaVersion"', 2))}:2 › field schemaVersion: the key "schemaVersion" appears twice in one object (first at line 1); JSON keeps only the last`
		]);
	});

	it('reports a duplicate key in a source and in a briefing deck', () => {
		const source = real.get('sources/tft-2023-12.json')!.replace('"kind":', '"kind": "news", "kind":');
		const deck = real.get('briefings/border-story.json')!.replace('"title":', '"title": "x", "title":');
		const files = withText('briefings/border-story.json', deck, withText('sources/tft-2023-12.json', source));
		expect(messages(files).filter((m) => m.includes('appears twice'))).toEqual([
			expect.stringMatching(
				/^sources\/tft-2023-12\.json:\d+:\d+ › record "tft-2023-12" › field kind: the key "kind" appears twice/
			),
			expect.stringMatching(
				/^briefings\/border-story\.json:\d+:\d+ › record "border-story" › field title: the key "title" appears twice/
			)
		]);
	});
});

describe('parent cycles', () => {
	const order: string[] = places.places.map((p: { id: string }) => p.id);
	/** The valid variant with some places' parents changed. */
	const withParents = (parents: Record<string, string>) =>
		variant((j) => {
			for (const p of j.places) if (p.id in parents) p.parent = parents[p.id];
		}, 'places.json');
	/** A cycle as the validator should name it: from its first place in the file, back to it. */
	const named = (cycle: string[]) => {
		const start = cycle.indexOf([...cycle].sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!);
		const turned = [...cycle.slice(start), ...cycle.slice(0, start)];
		return [...turned, turned[0]].join(' → ');
	};

	it('names a cycle of three places, once', () => {
		const found = messages(withParents({ torkham: 'mir-ali', 'mir-ali': 'kabul', kabul: 'torkham' }));
		const first = named(['torkham', 'mir-ali', 'kabul']).split(' → ')[0];
		expect(found.filter((m) => m.includes('cycle'))).toEqual([
			`places.json › record "${first}" › field parent: the parents form a cycle: ${named(['torkham', 'mir-ali', 'kabul'])}`
		]);
	});

	it('names a cycle of two places once, when a third place leads into it', () => {
		const found = messages(withParents({ torkham: 'mir-ali', 'mir-ali': 'torkham', kabul: 'torkham' }));
		expect(found.filter((m) => m.includes('cycle'))).toEqual([
			expect.stringContaining(`the parents form a cycle: ${named(['torkham', 'mir-ali'])}`)
		]);
	});

	it('reports a place that is its own parent as that, not as a cycle', () => {
		expect(messages(withParents({ torkham: 'torkham' }))).toEqual([
			'places.json › record "torkham" › field parent: a place cannot be its own parent'
		]);
	});
});

describe('knock-on errors', () => {
	const decks = [...real].filter(([f]) => f.startsWith('briefings/')).map(([, t]) => JSON.parse(t));
	const events = JSON.parse(real.get('events.json')!).events as {
		places: { place: string }[];
		citations: { source: string }[];
	}[];
	type Scene = { fit?: string[]; highlight: { places: string[] } };

	/** References to a place in the other records, counted from the data, not by the validator. */
	function referencesTo(id: string) {
		return {
			places: places.places.filter((p: { parent?: string }) => p.parent === id).length,
			events: events.flatMap((e) => e.places).filter((p) => p.place === id).length,
			decks: decks
				.flatMap((d) => d.scenes as Scene[])
				.flatMap((s) => [...(s.fit ?? []), ...s.highlight.places])
				.filter((p) => p === id).length
		};
	}

	it('reports a place that fails its schema once, with one line for what names it', () => {
		const id = 'afghanistan';
		const refs = referencesTo(id);
		expect(refs.places + refs.events + refs.decks).toBeGreaterThan(5);
		const json = JSON.parse(real.get('places.json')!);
		json.places.find((p: { id: string }) => p.id === id).coordinates = 'somewhere';
		const where = [
			refs.places ? `places.json ${refs.places}` : '',
			refs.events ? `events.json ${refs.events}` : '',
			refs.decks ? `briefings/border-story.json ${refs.decks}` : ''
		].filter(Boolean);
		expect(messages(withText('places.json', JSON.stringify(json)))).toEqual([
			`places.json › record "${id}" › field coordinates: Invalid input: expected tuple, received string`,
			`places.json › record "${id}": ${refs.places + refs.events + refs.decks} references to this place (${where.join(', ')}) are not checked until this record is valid`
		]);
	});

	it('reports an unreadable places file once, with one line for every reference to a place', () => {
		const found = messages(withText('places.json', '{ "places": [ }'));
		expect(found).toHaveLength(2);
		expect(found[0]).toBe(
			"places.json:1:15: not valid JSON: expected a value, found '}' (a trailing comma?)"
		);
		expect(found[1]).toMatch(
			/^places\.json: \d+ references to places \(events\.json \d+, briefings\/border-story\.json \d+, gazetteer\.json \d+\) are not checked until this file can be read$/
		);
	});

	it('reports a source that fails its schema once, with one line for its citations', () => {
		const id = 'tft-2023-12';
		const cited = [
			...events.flatMap((e) => e.citations),
			...places.places.flatMap((p: { mentions: { source: string }[] }) => p.mentions)
		].filter((c) => c.source === id).length;
		expect(cited).toBeGreaterThan(0);
		const source = JSON.parse(real.get(`sources/${id}.json`)!);
		const found = messages(withText(`sources/${id}.json`, JSON.stringify({ ...source, kind: 'rumour' })));
		expect(found[0]).toMatch(new RegExp(`^sources/${id}\\.json › record "${id}" › field kind: `));
		expect(found.slice(1)).toEqual([
			expect.stringMatching(
				new RegExp(
					`^sources/${id}\\.json › record "${id}": \\d+ references to this source \\(.*\\) are not checked until this record is valid$`
				)
			)
		]);
		expect(Number(found[1]!.match(/: (\d+) references/)![1])).toBeGreaterThanOrEqual(cited);
	});

	it('still reports a reference to an id that no record has', () => {
		expect(messages(variant((j) => (j.events[0].places[0].place = 'atlantis')))).toEqual([
			'events.json › record "torkham-closure-fixture" › field places[0].place: unknown place "atlantis"'
		]);
	});
});
