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
		expect(found.some((m) => /^places\.json: not valid JSON/.test(m))).toBe(true);
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
