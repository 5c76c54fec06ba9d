/**
 * A span marked as a place by hand: found in the atlas or the gazetteer by name (accents and
 * slips aside), or placed at a point clicked or typed, in the basemap's province it falls in; the
 * record says "Placed by hand" and, for a point, that it is outside knowledge; its mention is the
 * span's sentence, verbatim; and exported, it passes the project's validator over a copy of geodata/.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import { loadGeodata } from '$lib/server/data/load';
import { readGeodata } from '$lib/server/data/read';
import { validateGeodata } from '$lib/server/data/validate';
import { formatProblem } from '$lib/server/data/problems';
import { GazetteerFile, decodeGazetteer } from '$lib/schema/gazetteer';
import type { Event } from '$lib/schema/model';
import { decodeBasemap } from '$lib/map/basemap';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import { citationProblem } from '$lib/corpus/citations';
import { intakeText } from '$lib/authoring/source-intake';
import { emptySourceDraft, sourceFromDraft } from '$lib/authoring/source-draft';
import { buildEvidenceBundle, type AtlasEvidence } from '$lib/authoring/evidence-bundle';
import { formatEvidenceProblem } from '$lib/authoring/evidence-checks';
import {
	createPositionSearch,
	isNameLike,
	mentionOfSpan,
	parseCoordinates,
	placeByHand,
	provinceAt,
	type MarkedSpan
} from '$lib/authoring/place-by-hand';

const geodata = loadGeodata();
const places = geodata.places;
const gazetteer = decodeGazetteer(
	GazetteerFile.parse(JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')))
);
const provinces = decodeBasemap(
	JSON.parse(readFileSync('geodata/basemap.topo.json', 'utf8')) as Topology
).provinces;
const search = createPositionSearch(places, gazetteer);

const TEXT =
	'Shelling near the crossing\n' +
	'Shells fell near the Ghulam Khan crossing on Tuesday, residents said. Markets in Jalalabad closed early.\n';
const paragraphs = splitParagraphs(TEXT);
const spanOf = (words: string): MarkedSpan => {
	const text = paragraphs[1]!.text;
	const start = text.indexOf(words);
	return { source: 'herald-2024-05', paragraph: 'p2', start, end: start + words.length };
};

describe('createPositionSearch', () => {
	it('finds an atlas place by an alias, as the atlas place, ahead of the gazetteer', () => {
		const [first] = search('torkham');
		expect(first).toEqual({ kind: 'atlas', place: expect.objectContaining({ id: 'torkham' }) });
	});

	it('finds a gazetteer place, accents and case aside, the most populous first', () => {
		const found = search('JALALABAD');
		expect(found[0]?.kind).toBe('gazetteer');
		if (found[0]?.kind !== 'gazetteer') return;
		expect(found[0].entry).toMatchObject({ asciiName: 'Jalalabad', country: 'AF' });
		expect(search('Jalālābād')[0]).toEqual(found[0]);
	});

	it('forgives one typing slip, and finds nothing for nothing', () => {
		const slip = search('Jalalabd');
		expect(slip.some((m) => m.kind === 'gazetteer' && m.entry.asciiName === 'Jalalabad')).toBe(true);
		expect(search('   ')).toEqual([]);
		expect(search('zzqqxx')).toEqual([]);
	});

	it('does not offer a gazetteer entry that is an atlas place twice', () => {
		const found = search('Peshawar', 20);
		const atlasPeshawar = places.find((p) => p.name === 'Peshawar');
		if (atlasPeshawar) expect(found.filter((m) => m.kind === 'gazetteer' && m.entry.atlas)).toEqual([]);
		expect(found.length).toBeGreaterThan(0);
	});
});

describe('parseCoordinates', () => {
	it('reads latitude first, with or without hemispheres, and decimal commas', () => {
		expect(parseCoordinates('33.13, 69.99')).toEqual({ ok: true, coordinates: [69.99, 33.13] });
		expect(parseCoordinates('33.13 69.99')).toEqual({ ok: true, coordinates: [69.99, 33.13] });
		expect(parseCoordinates('33.13° N, 69.99° E')).toEqual({ ok: true, coordinates: [69.99, 33.13] });
		expect(parseCoordinates('12.5 S 40.25 W')).toEqual({ ok: true, coordinates: [-40.25, -12.5] });
		expect(parseCoordinates('33,13; 69,99')).toEqual({ ok: true, coordinates: [69.99, 33.13] });
	});

	it('says what is wrong with anything else', () => {
		expect(parseCoordinates('')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/latitude and longitude/)
		});
		expect(parseCoordinates('Peshawar')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/“Peshawar” is not/)
		});
		expect(parseCoordinates('95, 70')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/95 is not a latitude/)
		});
		expect(parseCoordinates('33, 200')).toMatchObject({
			ok: false,
			message: expect.stringMatching(/200 is not a longitude/)
		});
		expect(parseCoordinates('1, 2, 3')).toMatchObject({ ok: false });
	});
});

describe('provinceAt', () => {
	it("names the basemap's province a point lies in, and none outside them", () => {
		const kabul = gazetteer.find((e) => e.asciiName === 'Kabul' && e.kind === 'populated-place')!;
		expect(provinceAt(provinces, kabul.coordinates)).toMatchObject({ code: 'AF-KAB', country: 'AF' });
		expect(provinceAt(provinces, [60, 10])).toBeNull();
	});
});

const span = spanOf('Ghulam Khan crossing');
const input = () => ({
	span,
	paragraphs,
	name: 'Ghulam Khan crossing',
	type: 'crossing' as const,
	precision: 'approximate' as const,
	position: {
		kind: 'point' as const,
		coordinates: [69.99, 33.13] as [number, number],
		how: 'typed' as const
	},
	places
});

describe('placeByHand', () => {
	it('places a span at a clicked point, in its province, labelled as outside knowledge', () => {
		const coordinates: [number, number] = [69.99, 33.13];
		const province = provinceAt(provinces, coordinates);
		expect(province?.country).toBe('PK');
		const result = placeByHand({
			span,
			paragraphs,
			name: 'Ghulam Khan crossing',
			type: 'crossing',
			precision: 'approximate',
			position: { kind: 'point', coordinates, how: 'map' },
			province,
			places
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.extended).toBe(false);
		expect(result.place).toMatchObject({
			id: 'ghulam-khan-crossing',
			name: 'Ghulam Khan crossing',
			type: 'crossing',
			country: 'PK',
			province: province!.code,
			coordinates: [69.99, 33.13],
			precision: 'approximate',
			coordinateSource: expect.stringMatching(/^Placed by hand .*a click on the map: outside knowledge/)
		});
		expect(result.place.mentions).toEqual([
			{
				source: 'herald-2024-05',
				paragraph: 'p2',
				quote: 'Shells fell near the Ghulam Khan crossing on Tuesday, residents said.'
			}
		]);
		expect(citationProblem(result.place.mentions[0]!, () => paragraphs)).toBeUndefined();
	});

	it('places a span at a gazetteer entry, keeping its provenance and saying it was placed by hand', () => {
		const entry = gazetteer.find((e) => e.asciiName === 'Jalalabad' && e.country === 'AF')!;
		const result = placeByHand({
			span: spanOf('Jalalabad'),
			paragraphs,
			name: 'Jalalabad',
			type: 'city',
			precision: entry.precision,
			position: { kind: 'gazetteer', entry },
			places
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.place.coordinates).toEqual(entry.coordinates);
		expect(result.place.coordinateSource).toBe(
			`Placed by hand in this browser, at the gazetteer’s point for ${entry.name}: ${entry.provenance}`
		);
		expect(result.place.mentions[0]!.quote).toBe('Markets in Jalalabad closed early.');
	});

	it('adds the sentence to a place the atlas has, with the span as one more spelling', () => {
		const torkham = places.find((p) => p.id === 'torkham')!;
		const result = placeByHand({
			span,
			paragraphs,
			name: 'Ghulam Khan crossing',
			type: 'crossing',
			precision: 'exact',
			position: { kind: 'atlas', place: torkham },
			places
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.extended).toBe(true);
		expect(result.place.id).toBe('torkham');
		expect(result.place.mentions).toHaveLength(torkham.mentions.length + 1);
		expect(result.place.aliases).toContain('Ghulam Khan crossing');
		// Twice is refused.
		const again = placeByHand({ ...input(), position: { kind: 'atlas', place: result.place } });
		expect(again).toMatchObject({ ok: false, field: 'position' });
	});

	it('refuses, at the field, what cannot be a place', () => {
		expect(placeByHand({ ...input(), name: '  ' })).toMatchObject({ ok: false, field: 'name' });
		expect(placeByHand({ ...input(), name: 'x'.repeat(81) })).toMatchObject({ ok: false, field: 'name' });
		expect(placeByHand({ ...input(), precision: 'area' })).toMatchObject({ ok: false, field: 'precision' });
		expect(
			placeByHand({ ...input(), position: { kind: 'point', coordinates: [10, 10], how: 'typed' } })
		).toMatchObject({
			ok: false,
			field: 'position',
			message: expect.stringMatching(/outside the mapped region/)
		});
		expect(placeByHand({ ...input(), span: { ...span, paragraph: 'p9' } })).toMatchObject({
			ok: false,
			field: 'name'
		});
	});

	it('keeps a description marked as a place out of its spellings, so that it is not linked everywhere', () => {
		const torkham = places.find((p) => p.id === 'torkham')!;
		const result = placeByHand({
			...input(),
			span: spanOf('the Ghulam Khan crossing'),
			position: { kind: 'atlas', place: torkham }
		});
		expect(result.ok && result.place.aliases).toEqual(torkham.aliases);
		expect(result.ok && result.place.mentions).toHaveLength(torkham.mentions.length + 1);
		const named = placeByHand({ ...input(), span: spanOf('the Ghulam Khan crossing') });
		expect(named.ok && named.place.aliases).toEqual(['Ghulam Khan crossing']);
	});

	it('tells a name from a description', () => {
		expect(['Torkham Gate', 'Ghulam Khan', 'تورخم', 'Mir Ali'].map(isNameLike)).toEqual([
			true,
			true,
			true,
			true
		]);
		expect(
			['the border post', 'The crossing', 'a village', 'its bazaar', '', '  ', '1990'].map(isNameLike)
		).toEqual([false, false, false, false, false, false, false]);
	});

	it('gives a new id when the name is taken', () => {
		const result = placeByHand({ ...input(), takenIds: new Set(['ghulam-khan-crossing']) });
		expect(result.ok && result.place.id).toBe('ghulam-khan-crossing-2');
	});

	it('quotes the sentence around the span', () => {
		expect(mentionOfSpan(spanOf('Tuesday'), paragraphs)?.quote).toBe(
			'Shells fell near the Ghulam Khan crossing on Tuesday, residents said.'
		);
		expect(mentionOfSpan({ ...span, start: 5, end: 5 }, paragraphs)).toBeNull();
	});
});

describe('a place placed by hand, exported', () => {
	it('passes the project validator when written over a copy of geodata/', () => {
		const intake = intakeText(TEXT, { known: [] });
		if (!intake.ok) throw new Error(intake.message);
		const { source, errors } = sourceFromDraft(
			{
				...emptySourceDraft(),
				id: 'herald-2024-05',
				title: 'Shelling near the crossing',
				publisher: 'The Frontier Herald',
				date: { start: 'May 2024', end: '', precision: '', basis: 'explicit', note: '' },
				readAt: 'A printed copy',
				kind: 'news'
			},
			intake.text,
			{ takenIds: new Set(geodata.sources.map((s) => s.meta.id)) }
		);
		expect(errors).toEqual({});
		const coordinates: [number, number] = [69.99, 33.13];
		const made = placeByHand({ ...input(), province: provinceAt(provinces, coordinates) });
		if (!made.ok) throw new Error(made.message);
		const raw = <T>(file: string): T => JSON.parse(readFileSync(`geodata/${file}`, 'utf8'));
		const atlas: AtlasEvidence = {
			places: raw<{ places: AtlasEvidence['places'] }>('places.json').places,
			events: raw<{ events: Event[] }>('events.json').events,
			groups: geodata.groups,
			paragraphsOf: (id) =>
				id === 'herald-2024-05'
					? intake.paragraphs
					: geodata.sources.find((s) => s.meta.id === id)?.paragraphs
		};
		const bundle = buildEvidenceBundle({ sources: [source!], places: [made.place], events: [] }, atlas, {
			appVersion: '1.0.0',
			when: new Date(Date.UTC(2024, 4, 20))
		});
		expect(bundle.problems.map(formatEvidenceProblem)).toEqual([]);
		const root = mkdtempSync(join(tmpdir(), 'hand-place-'));
		try {
			cpSync('geodata', join(root, 'geodata'), { recursive: true });
			for (const [path, text] of bundle.files) {
				if (!path.startsWith('geodata/')) continue;
				mkdirSync(dirname(join(root, path)), { recursive: true });
				writeFileSync(join(root, path), text);
			}
			const { data, problems } = validateGeodata(readGeodata(join(root, 'geodata')));
			expect(problems.map(formatProblem)).toEqual([]);
			expect(data!.places.find((p) => p.id === 'ghulam-khan-crossing')?.coordinateSource).toMatch(
				/^Placed by hand/
			);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
