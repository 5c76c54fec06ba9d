/**
 * The shareable URL state: round trips, omission of defaults, and every kind of bad input dropped
 * with a warning that names the parameter and the value, never an exception.
 */
import { describe, expect, it } from 'vitest';
import {
	parseUrlState,
	serializeUrlState,
	toQueryString,
	type AtlasUrlState,
	type KnownIds
} from '$lib/state/url';

const known: KnownIds = {
	groups: ['attacks', 'strikes', 'diplomacy', 'crossings', 'militancy', 'displacement'],
	events: ['torkham-crossing-closed-2023-09', 'pakistan-airstrikes-in-afghanistan-2024-03-18'],
	places: ['torkham', 'swabi-district'],
	sources: { 'voa-2024-01': 40, 'tft-2023-12': 1 }
};
const defaults = { groups: ['attacks', 'strikes', 'diplomacy', 'crossings', 'militancy'] };

const parse = (query: string) => parseUrlState(new URLSearchParams(query), known);

describe('round trips', () => {
	it.each<[string, AtlasUrlState]>([
		['nothing', {}],
		['a view', { view: { zoom: 6.2, lat: 33.25, lng: 69.5 } }],
		['a view at the upper limits', { view: { zoom: 12, lat: 46, lng: 88 } }],
		['a view at the lower limits', { view: { zoom: 3.5, lat: 14, lng: 46 } }],
		['some groups', { groups: ['attacks', 'strikes'] }],
		['non-default groups including a hidden-by-default one', { groups: ['diplomacy', 'displacement'] }],
		['no groups', { groups: [] }],
		['hidden overlays', { hidden: ['provinces', 'fata', 'border'] }],
		['a selected event', { selected: { kind: 'event', id: 'torkham-crossing-closed-2023-09' } }],
		['a selected place', { selected: { kind: 'place', id: 'swabi-district' } }],
		['a passage', { passage: { source: 'voa-2024-01', paragraph: 'p40' } }],
		['a time window of whole months', { time: { from: '2022-03-01', to: '2024-04-30' } }],
		['a time window of days', { time: { from: '2022-03-18', to: '2024-04-02' } }],
		['a time window of one day', { time: { from: '2024-02-29', to: '2024-02-29' } }],
		['a time window from a month to a day', { time: { from: '2023-02-01', to: '2023-02-27' } }],
		['a time window from a day to a leap month', { time: { from: '2024-01-31', to: '2024-02-29' } }],
		['the background before 2021', { time: { from: '1980-01-01', to: '2020-12-31' } }],
		[
			'everything',
			{
				view: { zoom: 7.25, lat: 34.1131, lng: 71.0951 },
				groups: ['strikes', 'crossings'],
				hidden: ['belt'],
				time: { from: '2023-09-01', to: '2023-12-31' },
				selected: { kind: 'place', id: 'torkham' },
				passage: { source: 'tft-2023-12', paragraph: 'p1' }
			}
		]
	])('%s', (_, state) => {
		const params = serializeUrlState(state, defaults);
		expect(parseUrlState(params, known)).toEqual({ state, warnings: [] });
		// Through the readable query string too, as a shared link would travel.
		expect(parse(toQueryString(params))).toEqual({ state, warnings: [] });
		expect(parse(params.toString())).toEqual({ state, warnings: [] });
	});
});

describe('serializeUrlState', () => {
	it('writes parameters in a stable order, whatever the order of the state’s keys', () => {
		const params = serializeUrlState(
			{
				passage: { source: 'voa-2024-01', paragraph: 'p3' },
				selected: { kind: 'event', id: 'torkham-crossing-closed-2023-09' },
				hidden: ['fata', 'belt'],
				groups: ['strikes'],
				view: { zoom: 6.2, lat: 33.25, lng: 69.5 }
			},
			defaults
		);
		expect(toQueryString(params)).toBe(
			'map=6.2/33.25/69.5&groups=strikes&hide=belt,fata&event=torkham-crossing-closed-2023-09&passage=voa-2024-01:p3'
		);
	});

	it('writes the time window after hide and before the selection', () => {
		const params = serializeUrlState(
			{
				selected: { kind: 'event', id: 'torkham-crossing-closed-2023-09' },
				time: { from: '2022-03-01', to: '2024-04-30' },
				hidden: ['belt']
			},
			defaults
		);
		expect(toQueryString(params)).toBe(
			'hide=belt&from=2022-03&to=2024-04&event=torkham-crossing-closed-2023-09'
		);
	});

	it.each([
		['whole months', '2022-03-01', '2024-04-30', 'from=2022-03&to=2024-04'],
		['one whole month', '2024-02-01', '2024-02-29', 'from=2024-02&to=2024-02'],
		['a February in a common year', '2023-02-01', '2023-02-28', 'from=2023-02&to=2023-02'],
		['whole years, as months', '2021-01-01', '2022-12-31', 'from=2021-01&to=2022-12'],
		['days', '2022-03-18', '2024-04-02', 'from=2022-03-18&to=2024-04-02'],
		['a month start and a day', '2022-03-01', '2022-03-30', 'from=2022-03&to=2022-03-30'],
		['a day and a month end', '2022-03-31', '2022-04-30', 'from=2022-03-31&to=2022-04'],
		['the 28th of a leap February', '2024-02-01', '2024-02-28', 'from=2024-02&to=2024-02-28']
	])('writes a time window of %s compactly', (_, from, to, query) => {
		expect(toQueryString(serializeUrlState({ time: { from, to } }, defaults))).toBe(query);
	});

	it.each([
		['ends in the wrong order', { from: '2024-04-30', to: '2022-03-01' }],
		['partial dates', { from: '2022-03', to: '2024-04' }],
		['impossible days', { from: '2023-02-29', to: '2024-04-31' }],
		['garbage', { from: 'yesterday', to: '' }]
	])('leaves out a time window with %s', (_, time) => {
		expect(serializeUrlState({ time }, defaults).toString()).toBe('');
	});

	it('omits groups equal to the defaults, in any order', () => {
		expect(serializeUrlState({ groups: [...defaults.groups] }, defaults).has('groups')).toBe(false);
		expect(serializeUrlState({ groups: [...defaults.groups].reverse() }, defaults).has('groups')).toBe(false);
		expect(serializeUrlState({ groups: undefined }, defaults).has('groups')).toBe(false);
		expect(serializeUrlState({ groups: defaults.groups.slice(1) }, defaults).get('groups')).toBe(
			'strikes,diplomacy,crossings,militancy'
		);
		expect(serializeUrlState({ groups: [...defaults.groups, 'displacement'] }, defaults).has('groups')).toBe(
			true
		);
	});

	it('writes groups=none when every group is hidden', () => {
		expect(serializeUrlState({ groups: [] }, defaults).get('groups')).toBe('none');
	});

	it('omits the default hidden overlays, and writes none hidden as hide=none', () => {
		expect(serializeUrlState({ hidden: ['native'] }, defaults).toString()).toBe('');
		expect(serializeUrlState({ hidden: [] }, defaults).toString()).toBe('hide=none');
		expect(parseUrlState(new URLSearchParams('hide=none'), known).state.hidden).toEqual([]);
	});

	it('rounds the view: zoom to 2 decimals, latitude and longitude to 4', () => {
		const params = serializeUrlState({ view: { zoom: 6.23456, lat: 33.123456789, lng: 69.99999 } }, defaults);
		expect(params.get('map')).toBe('6.23/33.1235/70');
		expect(serializeUrlState({ view: { zoom: 5, lat: 30.00001, lng: 70 } }, defaults).get('map')).toBe(
			'5/30/70'
		);
	});

	it("brings a view into the map's range, so that the link reads back without a notice", () => {
		const params = serializeUrlState({ view: { zoom: 30, lat: 89.9, lng: 190 } }, defaults);
		expect(params.get('map')).toBe('12/46/88');
		expect(parse(toQueryString(params)).warnings).toEqual([]);
		expect(serializeUrlState({ view: { zoom: -1, lat: -90, lng: -540 } }, defaults).get('map')).toBe(
			'3.5/14/46'
		);
		expect(serializeUrlState({ view: { zoom: NaN, lat: 1, lng: 1 } }, defaults).has('map')).toBe(false);
	});

	it('makes readable query strings that parse like the encoded ones', () => {
		const params = serializeUrlState(
			{ view: { zoom: 6.2, lat: 33.25, lng: 69.5 }, groups: ['attacks', 'strikes'] },
			defaults
		);
		expect(params.toString()).toBe('map=6.2%2F33.25%2F69.5&groups=attacks%2Cstrikes');
		expect(toQueryString(params)).toBe('map=6.2/33.25/69.5&groups=attacks,strikes');
		const odd = new URLSearchParams({ event: 'a&b=c d+e?#%' });
		expect(new URLSearchParams(toQueryString(odd)).get('event')).toBe('a&b=c d+e?#%');
		// URLSearchParams holds well-formed text only, so encoding cannot fail on a lone surrogate.
		const broken = serializeUrlState({ selected: { kind: 'event', id: 'a\ud800b' } }, defaults);
		expect(toQueryString(broken)).toBe('event=a%EF%BF%BDb');
	});
});

describe('parseUrlState: accepted forms', () => {
	it('reads a view', () => {
		expect(parse('map=6.2/33.25/69.50').state).toEqual({ view: { zoom: 6.2, lat: 33.25, lng: 69.5 } });
		expect(parse('map=4./30.0/70.50').state).toEqual({ view: { zoom: 4, lat: 30, lng: 70.5 } });
	});

	it('normalises groups: known order, duplicates removed', () => {
		expect(parse('groups=strikes,attacks,strikes')).toEqual({
			state: { groups: ['attacks', 'strikes'] },
			warnings: []
		});
	});

	it('reads groups=none as every group hidden', () => {
		expect(parse('groups=none')).toEqual({ state: { groups: [] }, warnings: [] });
	});

	it('normalises hidden overlays the same way', () => {
		expect(parse('hide=border,belt,belt')).toEqual({ state: { hidden: ['belt', 'border'] }, warnings: [] });
	});

	it.each([
		['from=2022-03&to=2024-04', '2022-03-01', '2024-04-30'],
		['from=2024-02&to=2024-02', '2024-02-01', '2024-02-29'],
		['from=2023-02&to=2023-02', '2023-02-01', '2023-02-28'],
		['from=2022&to=2023', '2022-01-01', '2023-12-31'],
		['from=2022-03-18&to=2022-03-18', '2022-03-18', '2022-03-18'],
		['from=2022-03-18&to=2024', '2022-03-18', '2024-12-31'],
		['from=2024-04-20&to=2024-04', '2024-04-20', '2024-04-30'],
		['to=2024-04&from=2022-03', '2022-03-01', '2024-04-30']
	])('reads the time window %s as whole days', (query, from, to) => {
		expect(parse(query)).toEqual({ state: { time: { from, to } }, warnings: [] });
	});

	it('ignores parameters that are not the atlas’s', () => {
		expect(parse('utm_source=x&fbclid=y&map=5/30/70')).toEqual({
			state: { view: { zoom: 5, lat: 30, lng: 70 } },
			warnings: []
		});
	});
});

describe('parseUrlState: garbage is dropped with a warning', () => {
	it.each([
		['map=6.2/33.25', 'Ignored map="6.2/33.25": expected zoom/latitude/longitude, such as 6.2/33.25/69.5.'],
		[
			'map=6.2/33.25/69.5/1',
			'Ignored map="6.2/33.25/69.5/1": expected zoom/latitude/longitude, such as 6.2/33.25/69.5.'
		],
		['map=NaN/33/69', 'Ignored map="NaN/33/69": zoom, latitude and longitude must be plain decimal numbers.'],
		[
			'map=Infinity/33/69',
			'Ignored map="Infinity/33/69": zoom, latitude and longitude must be plain decimal numbers.'
		],
		['map=1e1/33/69', 'Ignored map="1e1/33/69": zoom, latitude and longitude must be plain decimal numbers.'],
		['map=0x5/33/69', 'Ignored map="0x5/33/69": zoom, latitude and longitude must be plain decimal numbers.'],
		['map=5//69', 'Ignored map="5//69": zoom, latitude and longitude must be plain decimal numbers.'],
		['map= 5/33/69', 'Ignored map=" 5/33/69": zoom, latitude and longitude must be plain decimal numbers.'],
		['map=23/33/69', 'Ignored map="23/33/69": zoom must be between 3.5 and 12.'],
		['map=-1/33/69', 'Ignored map="-1/33/69": zoom must be between 3.5 and 12.'],
		['map=3.4/33/69', 'Ignored map="3.4/33/69": zoom must be between 3.5 and 12.'],
		['map=0/0/0', 'Ignored map="0/0/0": zoom must be between 3.5 and 12.'],
		['map=6/0/0', 'Ignored map="6/0/0": latitude must be between 14 and 46 (the mapped region).'],
		[
			'map=6/46.0001/69',
			'Ignored map="6/46.0001/69": latitude must be between 14 and 46 (the mapped region).'
		],
		['map=6/-90/69', 'Ignored map="6/-90/69": latitude must be between 14 and 46 (the mapped region).'],
		['map=6/33/180.5', 'Ignored map="6/33/180.5": longitude must be between 46 and 88 (the mapped region).'],
		['map=6/33/45.9', 'Ignored map="6/33/45.9": longitude must be between 46 and 88 (the mapped region).'],
		['map=', 'Ignored map="": the value is empty.'],
		['groups=attacks,bogus', 'Ignored an unknown id in groups="attacks,bogus": "bogus".'],
		['groups=bogus', 'Ignored an unknown id in groups="bogus": "bogus".'],
		['hide=belt,roads,railways', 'Ignored unknown ids in hide="belt,roads,railways": "roads", "railways".'],
		['event=nope', 'Ignored event="nope": there is no event with this id.'],
		['place=nowhere', 'Ignored place="nowhere": there is no place with this id.'],
		[
			'passage=voa-2024-01',
			'Ignored passage="voa-2024-01": expected source:paragraph, such as voa-2024-01:p12.'
		],
		[
			'passage=voa-2024-01:p0',
			'Ignored passage="voa-2024-01:p0": expected source:paragraph, such as voa-2024-01:p12.'
		],
		[
			'passage=voa-2024-01:12',
			'Ignored passage="voa-2024-01:12": expected source:paragraph, such as voa-2024-01:p12.'
		],
		['passage=voa-2024-01:p41', 'Ignored passage="voa-2024-01:p41": source "voa-2024-01" has 40 paragraphs.'],
		['passage=tft-2023-12:p2', 'Ignored passage="tft-2023-12:p2": source "tft-2023-12" has 1 paragraph.'],
		['passage=bbc-2024:p1', 'Ignored passage="bbc-2024:p1": there is no source "bbc-2024".'],
		['map=5/30/70&map=6/31/71', 'Ignored map: it is given 2 times ("5/30/70", "6/31/71"), not once.'],
		['event=a&event=b&event=c&event=d', 'Ignored event: it is given 4 times ("a", "b", "c", …), not once.'],
		['from=2022-13&to=2024-04', 'Ignored from="2022-13": expected a date such as 2022-03 or 2022-03-18.'],
		['from=2022-03&to=2023-02-29', 'Ignored to="2023-02-29": expected a date such as 2022-03 or 2022-03-18.'],
		['from=2022-3&to=2024-04', 'Ignored from="2022-3": expected a date such as 2022-03 or 2022-03-18.'],
		['from=22-03&to=2024-04', 'Ignored from="22-03": expected a date such as 2022-03 or 2022-03-18.'],
		['from=0999&to=2024-04', 'Ignored from="0999": expected a date such as 2022-03 or 2022-03-18.'],
		[
			'from=2022-03-01T00:00&to=2024',
			'Ignored from="2022-03-01T00:00": expected a date such as 2022-03 or 2022-03-18.'
		],
		['from=March 2022&to=2024', 'Ignored from="March 2022": expected a date such as 2022-03 or 2022-03-18.'],
		['from=1e3&to=2024', 'Ignored from="1e3": expected a date such as 2022-03 or 2022-03-18.'],
		['from=2024-05&to=2024-04', 'Ignored from="2024-05": it is after to="2024-04".'],
		['from=2024-04-02&to=2024-04-01', 'Ignored from="2024-04-02": it is after to="2024-04-01".'],
		['from=2022-03', 'Ignored from="2022-03": a time window needs both from= and to=.'],
		['to=2024-04', 'Ignored to="2024-04": a time window needs both from= and to=.'],
		['from=bogus&to=2024-04', 'Ignored to="2024-04": a time window needs both from= and to=.'],
		['from=&to=2024-04', 'Ignored from="": the value is empty.'],
		['from=2022&from=2023&to=2024', 'Ignored from: it is given 2 times ("2022", "2023"), not once.']
	])('%s', (query, warning) => {
		const { state, warnings } = parse(query);
		expect(warnings).toContain(warning);
		expect(state.view).toBeUndefined();
		expect(state.passage).toBeUndefined();
		expect(state.selected).toBeUndefined();
		expect(state.time).toBeUndefined();
	});

	it('explains each bad end of a time window', () => {
		expect(parse('from=2022-00&to=someday')).toEqual({
			state: {},
			warnings: [
				'Ignored from="2022-00": expected a date such as 2022-03 or 2022-03-18.',
				'Ignored to="someday": expected a date such as 2022-03 or 2022-03-18.'
			]
		});
	});

	it('keeps the known groups when some are unknown', () => {
		expect(parse('groups=bogus,strikes')).toEqual({
			state: { groups: ['strikes'] },
			warnings: ['Ignored an unknown id in groups="bogus,strikes": "bogus".']
		});
	});

	it('falls back to the default groups when none given is known', () => {
		expect(parse('groups=bogus,,')).toEqual({
			state: {},
			warnings: [
				'Ignored unknown ids in groups="bogus,,": "bogus", "".',
				'Ignored groups="bogus,,": none of its ids is known.'
			]
		});
	});

	it('lets the event win over the place', () => {
		expect(parse('place=torkham&event=torkham-crossing-closed-2023-09')).toEqual({
			state: { selected: { kind: 'event', id: 'torkham-crossing-closed-2023-09' } },
			warnings: ['Ignored place="torkham": an event is selected too, and the event wins.']
		});
	});

	it('selects the place when the event is invalid', () => {
		expect(parse('event=nope&place=torkham')).toEqual({
			state: { selected: { kind: 'place', id: 'torkham' } },
			warnings: ['Ignored event="nope": there is no event with this id.']
		});
	});

	it('drops absurdly long values, showing only their first 40 characters', () => {
		const long = 'a'.repeat(2001);
		expect(parse(`event=${long}`).warnings).toEqual([
			`Ignored event="${'a'.repeat(40)}…": the value is 2001 characters long (at most 2000).`
		]);
		expect(parse(`map=${'1'.repeat(5_000_000)}`).warnings).toHaveLength(1);
		// 2000 characters is still read (and then rejected for what it is).
		expect(parse(`event=${'a'.repeat(2000)}`).warnings).toEqual([
			`Ignored event="${'a'.repeat(40)}…": there is no event with this id.`
		]);
	});

	it('shows at most 40 characters of a bad value, counting emoji as one', () => {
		const { warnings } = parse(`place=${encodeURIComponent('🔥'.repeat(50))}`);
		expect(warnings).toEqual([`Ignored place="${'🔥'.repeat(40)}…": there is no place with this id.`]);
	});

	it.each([
		[
			'event=<script>alert(1)</script>',
			'Ignored event="<script>alert(1)</script>": there is no event with this id.'
		],
		['place=javascript:alert(1)', 'Ignored place="javascript:alert(1)": there is no place with this id.'],
		['passage=../../etc', 'Ignored passage="../../etc": expected source:paragraph, such as voa-2024-01:p12.'],
		[
			'passage=../../etc/passwd:p1',
			'Ignored passage="../../etc/passwd:p1": expected source:paragraph, such as voa-2024-01:p12.'
		],
		['passage=constructor:p1', 'Ignored passage="constructor:p1": there is no source "constructor".'],
		[
			'passage=__proto__:p1',
			'Ignored passage="__proto__:p1": expected source:paragraph, such as voa-2024-01:p12.'
		],
		['groups=__proto__', 'Ignored an unknown id in groups="__proto__": "__proto__".'],
		['event=%0Aevil%00', 'Ignored event="\\nevil\\u0000": there is no event with this id.'],
		[
			'event=torkham-crossing-closed-2023-09%20',
			'Ignored event="torkham-crossing-closed-2023-09 ": there is no event with this id.'
		]
	])('rejects injection-looking %s', (query, warning) => {
		const { state, warnings } = parse(query);
		expect(state.selected).toBeUndefined();
		expect(state.passage).toBeUndefined();
		expect(warnings).toContain(warning);
		for (const w of warnings) expect(w).not.toMatch(/[\n\r\0]/);
	});

	it('never throws, whatever the query', () => {
		const nasty = [
			'',
			'&&&',
			'=',
			'map',
			'map=%',
			'map=%E0%A4%A',
			'map=6.2%2F33.25%2F69.5',
			'groups=,',
			'groups=none,none',
			'groups=none,attacks',
			'hide=',
			'hide=none',
			'passage=:',
			'passage=:p',
			'passage=voa-2024-01:p99999999999999999999999',
			'?map=1/2/3',
			'map=１/２/３',
			'event=🔥',
			`groups=${'attacks,'.repeat(300)}`,
			'from=&to=',
			'from=-2022&to=2022',
			'from=99999-01&to=2024',
			'from=2024-02-30&to=2024-02-31',
			'from=__proto__&to=constructor',
			`from=${'2022-'.repeat(600)}&to=2024`
		];
		for (const q of nasty) expect(() => parse(q)).not.toThrow();
		expect(parse('map=6.2%2F33.25%2F69.5').state.view).toEqual({ zoom: 6.2, lat: 33.25, lng: 69.5 });
		expect(parse('groups=none,attacks').state.groups).toEqual(['attacks']);
		expect(parse('map=１/２/３').state.view).toBeUndefined();
	});

	it('reports every problem of a link at once and keeps the rest', () => {
		const { state, warnings } = parse(
			'map=99/0/0&groups=strikes&hide=belt,x&event=nope&passage=voa-2024-01:p2&to=2021&from=2021-02'
		);
		expect(state).toEqual({
			groups: ['strikes'],
			hidden: ['belt'],
			time: { from: '2021-02-01', to: '2021-12-31' },
			passage: { source: 'voa-2024-01', paragraph: 'p2' }
		});
		expect(warnings).toEqual([
			'Ignored map="99/0/0": zoom must be between 3.5 and 12.',
			'Ignored an unknown id in hide="belt,x": "x".',
			'Ignored event="nope": there is no event with this id.'
		]);
	});
});

describe('the evidence filter in a link', () => {
	const known = {
		groups: ['attacks', 'strikes'],
		events: [],
		places: [],
		sources: { 'fnf-2024-04': 600, 'voa-2024-01': 40 }
	};
	const read = (q: string) => parseUrlState(new URLSearchParams(q), known);

	it('reads sources, kinds and toggles, and writes them back in a stable order', () => {
		const { state, warnings } = read('source=voa-2024-01&kind=opinion,news&only=exact,corroborated');
		expect(warnings).toEqual([]);
		expect(state.evidence).toEqual({
			sources: ['voa-2024-01'],
			kinds: ['news', 'opinion'],
			only: ['corroborated', 'exact']
		});
		expect(toQueryString(serializeUrlState(state, { groups: known.groups }))).toBe(
			'source=voa-2024-01&kind=news,opinion&only=corroborated,exact'
		);
	});

	it('names what it cannot use, and keeps the rest', () => {
		const { state, warnings } = read('source=nowhere,fnf-2024-04&kind=rumour&only=contested,loud');
		expect(state.evidence).toEqual({ sources: ['fnf-2024-04'], kinds: [], only: ['contested'] });
		expect(warnings).toEqual([
			'Ignored an unknown id in source="nowhere,fnf-2024-04": "nowhere".',
			'Ignored an unknown id in kind="rumour": "rumour".',
			'Ignored kind="rumour": none of its ids is known.',
			'Ignored an unknown id in only="contested,loud": "loud".'
		]);
	});

	it('writes nothing when no filter is set', () => {
		expect(read('').state.evidence).toBeUndefined();
		expect(
			serializeUrlState({ evidence: { sources: [], kinds: [], only: [] } }, { groups: [] }).toString()
		).toBe('');
	});
});
