/**
 * Search: name normalisation, one-typo tolerance, alias-aware place search, events and actors, and
 * the ranking rules (exact name > exact alias > prefix > whole words > typo; places first on ties).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isWithinOneEdit, nameTokens, normalizeName } from '$lib/search/normalize';
import { buildSearchIndex, compareSearchResults, search, type SearchResult } from '$lib/search/search';
import type { EventProperties, PlaceProperties } from '$lib/schema/exported';

function place(
	id: string,
	name: string,
	aliases: string[],
	more: Partial<PlaceProperties> = {}
): PlaceProperties {
	return {
		id,
		name,
		aliases,
		type: 'district',
		country: 'PK',
		province: 'PK-KP',
		parent: null,
		precision: 'district',
		coordinateSource: 'test',
		boundary: null,
		note: null,
		eventCount: 0,
		mentions: [],
		...more
	};
}

function event(id: string, title: string, more: Partial<EventProperties> = {}): EventProperties {
	return {
		id,
		title,
		summary: 'A summary in our words.',
		date: { start: '2023-09', precision: 'month', basis: 'explicit' },
		dateText: 'September 2023',
		dateFirst: '2023-09-01',
		dateLast: '2023-09-30',
		group: 'attacks',
		type: 'attack',
		actors: [],
		precision: 'exact',
		places: [],
		contested: null,
		citations: [],
		...more
	};
}

const places: PlaceProperties[] = [
	place('pakistan', 'Pakistan', ['Pakistan', 'پاکستان'], {
		type: 'country',
		province: null,
		precision: 'area'
	}),
	place('afghanistan', 'Afghanistan', ['Afghanistan'], { type: 'country', country: 'AF', province: null }),
	place('khyber-pakhtunkhwa-province', 'Khyber Pakhtunkhwa', ['Khyber Pakhtunkhwa', 'KP', 'NWFP'], {
		type: 'province'
	}),
	place('balochistan-province', 'Balochistan', ['Balochistan', 'Baluchistan'], {
		type: 'province',
		province: 'PK-BA'
	}),
	place('nuristan-province', 'Nuristan', ['Nuristan', 'Nooristan', 'Nurestan'], {
		type: 'province',
		country: 'AF',
		province: 'AF-NUR'
	}),
	place('kp-balochistan-border-belt', 'Khyber Pakhtunkhwa–Balochistan border belt', ['border belt'], {
		type: 'region',
		province: null
	}),
	place('swabi-district', 'Swabi', ['Swabi', 'Sawabi']),
	place('torkham', 'Torkham', ['Torkham', 'Torkham border crossing'], {
		type: 'crossing',
		precision: 'exact'
	}),
	place('tank-district', 'Tank', ['Tank', 'Tank district']),
	place('kandahar', 'Kandahar', ['Kandahar', 'Qandahar', 'Kandahār'], {
		type: 'city',
		country: 'AF',
		province: 'AF-KAN'
	}),
	place('ankara', 'Ankara', ['Ankara'], { type: 'city', country: 'TR', province: null }),
	place('chitral-district', 'Chitral', ['Chitral'])
];

const events: EventProperties[] = [
	event('torkham-crossing-closed-2023-09', 'Pakistan temporarily closes Torkham crossing', {
		type: 'border-closure',
		actors: ['Pakistan government'],
		places: [{ id: 'torkham', name: 'Torkham', role: 'site', precision: 'exact' }],
		summary: 'Pakistan shut the crossing for days after an exchange of fire.'
	}),
	event('ttp-attack-on-chitral-military-posts-2023-09-05', 'TTP assault on military posts in Chitral', {
		type: 'assault',
		actors: ['TTP', 'Pakistani security forces'],
		places: [{ id: 'chitral-district', name: 'Chitral', role: 'site', precision: 'district' }],
		dateText: '5 September 2023'
	}),
	event('ttp-suicide-attack-tank-fort-2022-03-30', 'Suicide squad attacks army fort in Tank', {
		type: 'suicide-attack',
		actors: ['TTP'],
		places: [
			{ id: 'tank-district', name: 'Tank', role: 'site', precision: 'district' },
			{ id: 'khyber-pakhtunkhwa-province', name: 'Khyber Pakhtunkhwa', role: 'mentioned', precision: 'area' }
		],
		summary: 'Fighters stormed a fort near Gomal.'
	}),
	event('gul-bahadur-influence', "Gul Bahadur's reach across districts", {
		type: 'militant-presence',
		actors: ['Hafiz Gul Bahadur group', 'ttp'],
		places: [{ id: 'swabi-district', name: 'Swabi', role: 'site', precision: 'district' }],
		summary: 'His influence is said to reach several districts.'
	})
];

const index = buildSearchIndex(places, events);
const top = (query: string) => search(index, query)[0];
const ids = (results: SearchResult[]) => results.map((r) => `${r.kind}:${r.id}`);

describe('normalizeName', () => {
	it.each([
		['Khyber-Pakhtunkhwa', 'khyber pakhtunkhwa'],
		['Khyber Pakhtūnkhwā', 'khyber pakhtunkhwa'],
		['  khyber   pakhtunkhwa ', 'khyber pakhtunkhwa'],
		['KHYBER—PAKHTUNKHWA', 'khyber pakhtunkhwa'],
		["O'zbekiston", 'o zbekiston'],
		['People’s Republic', 'people s republic'],
		['F.A.T.A.', 'f a t a'],
		['Washington, D.C.', 'washington d c'],
		['Kandahār', 'kandahar'],
		['München', 'munchen'],
		['Tor\u00adkham', 'torkham'],
		['ﬁeld Ｋabul', 'field kabul'],
		['Straße Łódź Ørsted', 'strasse lodz orsted'],
		['اسلام آباد', 'اسلام اباد'], // the madda over alef decomposes to a combining mark, like any accent
		['(.*)', ''],
		['🔥🔥', ''],
		['', '']
	])('%j → %j', (input, expected) => expect(normalizeName(input)).toBe(expected));

	it('makes the spellings of one name equal', () => {
		const forms = ['Khyber-Pakhtunkhwa', 'Khyber Pakhtūnkhwā', 'khyber pakhtunkhwa'].map(normalizeName);
		expect(new Set(forms).size).toBe(1);
	});

	it('splits into words', () => {
		expect(nameTokens('Mir-Ali tehsil')).toEqual(['mir', 'ali', 'tehsil']);
		expect(nameTokens(' — ')).toEqual([]);
	});
});

describe('isWithinOneEdit', () => {
	it.each([
		['torkham', 'torkham', true],
		['torkham', 'torkam', true], // deletion
		['torkam', 'torkham', true], // insertion
		['torkham', 'torkhum', true], // substitution
		['torkham', 'totkham', true],
		['torkham', 'tokrham', true], // adjacent transposition
		['torkham', 'otrkham', true],
		['torkham', 'torkhma', true],
		['torkham', 'tkorham', false],
		['torkham', 'torkhm', true],
		['torkham', 'trkhm', false],
		['swabi', 'sawabi', true],
		['abc', 'cba', false],
		['', 'a', true],
		['', 'ab', false]
	])('%s ~ %s: %s', (a, b, expected) => {
		expect(isWithinOneEdit(a, b)).toBe(expected);
		expect(isWithinOneEdit(b, a)).toBe(expected);
	});
});

describe('search: places', () => {
	it.each([
		['Sawabi', 'swabi-district', 'as ‘Sawabi’'],
		['sawabi', 'swabi-district', 'as ‘Sawabi’'],
		['Baluchistan', 'balochistan-province', 'as ‘Baluchistan’'],
		['Nooristan', 'nuristan-province', 'as ‘Nooristan’'],
		['Qandahar', 'kandahar', 'as ‘Qandahar’'],
		['NWFP', 'khyber-pakhtunkhwa-province', 'as ‘NWFP’'],
		['Swabi', 'swabi-district', ''],
		['Khyber-Pakhtunkhwa', 'khyber-pakhtunkhwa-province', ''],
		['Khyber Pakhtūnkhwā', 'khyber-pakhtunkhwa-province', ''],
		['khyber pakhtunkhwa', 'khyber-pakhtunkhwa-province', ''],
		['KANDAHĀR', 'kandahar', ''],
		['پاکستان', 'pakistan', 'as ‘پاکستان’'],
		['tork', 'torkham', ''],
		['Tork', 'torkham', ''],
		['chit', 'chitral-district', ''],
		['pakhtunkhwa', 'khyber-pakhtunkhwa-province', ''],
		['Torkhm', 'torkham', ''], // one deletion
		['Torkahm', 'torkham', ''], // one transposition
		['Balochistn', 'balochistan-province', ''],
		['Nuristen', 'nuristan-province', ''],
		['Chitrall', 'chitral-district', '']
	])('%s finds %s first', (query, id, matched) => {
		const first = top(query);
		expect(first).toMatchObject({ kind: 'place', id, matched });
	});

	it('tolerates a typo only in words of five letters or more', () => {
		expect(search(index, 'Tenk').map((r) => r.id)).not.toContain('tank-district');
		expect(search(index, 'Tnak').map((r) => r.id)).not.toContain('tank-district');
		expect(top('Chitarl')?.id).toBe('chitral-district');
	});

	it('does not tolerate two typos', () => {
		expect(search(index, 'Tourkhm')).toEqual([]);
	});

	it.each([
		['torkham', 'crossing · Khyber Pakhtunkhwa, Pakistan'],
		['khyber-pakhtunkhwa-province', 'province · Pakistan'],
		['pakistan', 'country'],
		['kandahar', 'city · Afghanistan'],
		['kp-balochistan-border-belt', 'region · Pakistan'],
		['ankara', expect.stringMatching(/^city · (Turkey|Türkiye)$/)]
	])('describes %s as %s', (id, detail) => {
		const entry = search(index, places.find((p) => p.id === id)!.name, 50).find((r) => r.id === id);
		expect(entry?.detail).toEqual(detail);
	});
});

describe('search: events and actors', () => {
	it('finds an event by its title', () => {
		expect(top('temporarily closes')).toMatchObject({
			kind: 'event',
			id: 'torkham-crossing-closed-2023-09',
			matched: '',
			detail: 'September 2023 · Torkham'
		});
	});

	it('describes an event by its date and the places it is drawn at, not the merely mentioned', () => {
		const tank = search(index, 'suicide squad')[0];
		expect(tank?.detail).toBe('September 2023 · Tank');
	});

	it.each([
		[
			'Pakistani security forces',
			'ttp-attack-on-chitral-military-posts-2023-09-05',
			'actor ‘Pakistani security forces’'
		],
		['suicide attack', 'ttp-suicide-attack-tank-fort-2022-03-30', 'type ‘suicide attack’'],
		['Gomal', 'ttp-suicide-attack-tank-fort-2022-03-30', 'in the summary']
	])('finds %s in an event’s other fields', (query, id, matched) => {
		const hit = search(index, query).find((r) => r.kind === 'event');
		expect(hit).toMatchObject({ id, matched });
	});

	it('finds events by the aliases of their places, ranked below the place itself', () => {
		const results = search(index, 'Sawabi');
		expect(ids(results)).toEqual(['place:swabi-district', 'event:gul-bahadur-influence']);
		expect(results[1]?.matched).toBe('place ‘Swabi’ as ‘Sawabi’');
	});

	it('gives one result per actor, listing the events that name it', () => {
		const ttp = search(index, 'TTP').filter((r) => r.kind === 'actor');
		expect(ttp).toEqual([
			{
				kind: 'actor',
				id: 'TTP',
				label: 'TTP',
				detail: '3 events',
				matched: '',
				score: expect.any(Number),
				eventIds: [
					'ttp-attack-on-chitral-military-posts-2023-09-05',
					'ttp-suicide-attack-tank-fort-2022-03-30',
					'gul-bahadur-influence'
				]
			}
		]);
		expect(top('gul bahadur group')).toMatchObject({
			kind: 'actor',
			id: 'Hafiz Gul Bahadur group',
			detail: '1 event'
		});
	});

	it('matches words spread over an event’s fields', () => {
		expect(top('ttp chitral')?.id).toBe('ttp-attack-on-chitral-military-posts-2023-09-05');
		expect(top('government torkham')?.id).toBe('torkham-crossing-closed-2023-09');
	});

	it('needs every word of the query to match', () => {
		expect(search(index, 'torkham zzzzzz')).toEqual([]);
	});
});

describe('search: ranking', () => {
	const ranked = (query: string) => ids(search(index, query));

	it('puts the exact name before an exact alias before a prefix', () => {
		const fixture = buildSearchIndex(
			[
				place('tankard', 'Tankard', ['Tankard']),
				place('old-tank', 'Old Tank', ['Tank']),
				place('tank', 'Tank', ['Tank'])
			],
			[]
		);
		const results = search(fixture, 'tank');
		expect(results.map((r) => r.id)).toEqual(['tank', 'old-tank', 'tankard']);
		expect(results[0]!.score).toBeGreaterThan(results[1]!.score);
		expect(results[1]!.score).toBeGreaterThan(results[2]!.score);
	});

	it('puts a prefix before a whole-word match before a typo', () => {
		const fixture = buildSearchIndex(
			[
				place('north-chitral', 'North Chitral', []),
				place('chitrali-bazaar', 'Chitrali Bazaar', []),
				place('chitral', 'Chitral', []),
				place('citral', 'Citral', [])
			],
			[]
		);
		expect(search(fixture, 'chitral').map((r) => r.id)).toEqual([
			'chitral',
			'chitrali-bazaar',
			'north-chitral',
			'citral'
		]);
	});

	it('puts places before actors before events at equal score, then orders by label and id', () => {
		const result = (kind: SearchResult['kind'], id: string, label: string, score = 50): SearchResult => ({
			kind,
			id,
			label,
			detail: '',
			matched: '',
			score
		});
		const shuffled = [
			result('event', 'e-1', 'Alpha'),
			result('actor', 'Zeta', 'Zeta'),
			result('place', 'p-2', 'Beta'),
			result('place', 'p-3', 'beta'),
			result('place', 'p-1', 'Alpha'),
			result('event', 'e-0', 'Anything', 51),
			result('place', 'p-9', 'Alpha 10'),
			result('place', 'p-8', 'Alpha 9')
		];
		expect(shuffled.sort(compareSearchResults).map((r) => r.id)).toEqual([
			'e-0',
			'p-1',
			'p-8',
			'p-9',
			'p-2',
			'p-3',
			'Zeta',
			'e-1'
		]);
	});

	it('orders real matches by score across kinds', () => {
		const fixture = buildSearchIndex(
			[place('b-place', 'Beta Fort', []), place('a-place', 'Alpha Fort', [])],
			[
				event('a-event', 'Fort'),
				event('c-event', 'Gamma', { type: 'fort' }),
				event('b-event', 'Delta', { type: 'fort' })
			]
		);
		// The title "Fort" is an exact match (100 × 0.9) and beats the places' whole-word matches;
		// the places' whole-word matches beat exact matches on the events' types (100 × 0.6).
		expect(search(fixture, 'fort').map((r) => r.id)).toEqual([
			'a-event',
			'a-place',
			'b-place',
			'b-event',
			'c-event'
		]);
		const sameName = buildSearchIndex([place('gamma-place', 'Gamma', [])], [event('gamma-event', 'Gamma')]);
		expect(search(sameName, 'gamma').map((r) => r.kind)).toEqual(['place', 'event']);
	});

	it('ranks the place named first, then events about it', () => {
		expect(ranked('torkham')).toEqual(['place:torkham', 'event:torkham-crossing-closed-2023-09']);
	});

	it('is stable: the same query gives the same order', () => {
		expect(ranked('t')).toEqual(ranked('t'));
		expect(ranked('t').length).toBeGreaterThan(3);
	});

	it('respects the limit', () => {
		expect(search(index, 't', 2)).toHaveLength(2);
		expect(search(index, 't', 0)).toEqual([]);
		expect(search(index, 't', -5)).toEqual([]);
		expect(search(index, 't').length).toBeLessThanOrEqual(20);
	});
});

describe('search: empty and garbage input never throws', () => {
	it.each([
		'',
		' ',
		'\t\n',
		'   \u00a0  ',
		'—',
		'(.*',
		'.*',
		'[',
		'\\',
		'^$',
		'(?<',
		'🔥',
		'👨‍👩‍👧',
		'\u0000',
		'%00'
	])('%j gives no results', (query) => {
		expect(search(index, query)).toEqual([]);
	});

	it.each([
		'x'.repeat(100_000),
		'torkham '.repeat(10_000),
		'a(.*)b[c]{1,2}+?|\\d',
		'Torkham 🔥',
		'\ud800torkham',
		'<script>alert(1)</script>',
		'constructor',
		'__proto__',
		'toString',
		'(?<x>'
	])('%# survives', (query) => {
		expect(() => search(index, query)).not.toThrow();
		expect(Array.isArray(search(index, query))).toBe(true);
	});

	it('still finds a place next to emoji or broken surrogates', () => {
		expect(top('Torkham 🔥')?.id).toBe('torkham');
		expect(top('\ud800torkham')?.id).toBe('torkham');
	});

	it('tolerates non-string input from untyped callers', () => {
		expect(search(index, undefined as unknown as string)).toEqual([]);
		expect(search(index, 42 as unknown as string)).toEqual([]);
	});

	it('handles an empty index', () => {
		expect(search(buildSearchIndex([], []), 'torkham')).toEqual([]);
	});
});

describe('search over the gazetteer in geodata/', () => {
	interface GazetteerPlace {
		id: string;
		name: string;
		aliases: string[];
		type: string;
		country?: string;
		province?: string;
	}
	const gazetteer: GazetteerPlace[] = JSON.parse(readFileSync('geodata/places.json', 'utf8')).places;
	const realIndex = buildSearchIndex(
		gazetteer.map((p) =>
			place(p.id, p.name, p.aliases, {
				type: p.type,
				country: p.country ?? null,
				province: p.province ?? null
			})
		),
		[]
	);

	it.each([
		['Sawabi', 'swabi-district'],
		['Baluchistan', 'balochistan-province'],
		['Nooristan', 'nuristan-province']
	])('the data spells %s as an alias of %s, and search finds it', (alias, id) => {
		expect(gazetteer.find((p) => p.id === id)?.aliases).toContain(alias);
		expect(search(realIndex, alias)[0]).toMatchObject({ id, matched: `as ‘${alias}’` });
	});

	it.each([
		['tork', 'torkham'],
		['Khyber Pakhtūnkhwā', 'khyber-pakhtunkhwa-province'],
		['Torkhm', 'torkham'],
		['Balochistn', 'balochistan-province']
	])('%s finds %s first', (query, id) => expect(search(realIndex, query)[0]?.id).toBe(id));

	it('describes a crossing by its province and country', () => {
		expect(search(realIndex, 'Torkham')[0]?.detail).toBe('crossing · Khyber Pakhtunkhwa, Pakistan');
	});

	it('is fast: a few hundred records, many keystrokes', () => {
		const manyEvents = Array.from({ length: 200 }, (_, i) =>
			event(`event-${i}`, `Attack number ${i} near the border`, {
				actors: ['TTP', `Actor ${i % 40}`],
				places: [{ id: 'torkham', name: 'Torkham', role: 'site', precision: 'exact' }],
				summary: 'Militants attacked a checkpoint and the security forces responded with heavy fire.'
			})
		);
		const big = buildSearchIndex(
			gazetteer.map((p) => place(p.id, p.name, p.aliases, { type: p.type })),
			manyEvents
		);
		const queries = [
			't',
			'to',
			'tor',
			'tork',
			'torkh',
			'torkha',
			'torkham',
			'khyber pakhtunkwa',
			'checkpoynt'
		];
		const start = performance.now();
		for (let round = 0; round < 20; round++) for (const q of queries) search(big, q);
		const perSearch = (performance.now() - start) / (20 * queries.length);
		expect(perSearch).toBeLessThan(25);
	});
});
