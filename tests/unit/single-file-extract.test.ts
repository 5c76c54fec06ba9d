/**
 * The data a deck saved as one file carries (src/lib/briefing/single-file/extract.ts), over the
 * real geodata and every shipped deck: only what the scenes need — the events each scene draws,
 * by the atlas's own filter, the places those events are at and those the scenes name, the
 * groups shown and the sources cited — and every quote verbatim in its source's paragraph.
 */
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON, placesGeoJSON } from '$lib/server/data/export';
import { briefingData } from '$lib/server/data/briefing-pages';
import { foldSpace } from '$lib/corpus/paragraphs';
import { firstDay, lastDay } from '$lib/time/dates';
import { extractDeckData, sourcesCitedBy } from '$lib/briefing/single-file/extract';
import { basemapExtras } from '$lib/briefing/single-file/basemap-extras';
import { borderLabelsOf } from '$lib/map/border-label-points';
import { readFileSync } from 'node:fs';
import { eventPoints, isAreaOnly } from '$lib/map/event-points';
import { placePoints } from '$lib/map/place-points';
import type { Deck } from '$lib/schema/briefing';
import { placesDrawn } from '$lib/schema/exported';

const geodata = loadGeodata();
const events = eventsGeoJSON(geodata).features;
const places = placesGeoJSON(geodata).features;
const groups = geodata.groups;
const decks: Deck[] = geodata.briefings;
const paragraph = (source: string, id: string) =>
	geodata.sources.find((s) => s.meta.id === source)?.paragraphs.find((p) => p.id === id)?.text;

describe.each(decks.map((d) => [d.id, d] as const))('deck %s', (_, deck) => {
	const data = extractDeckData(deck, { events, places, groups });

	it('keeps every scene, in order, with its words, camera and notes', () => {
		expect(data.deck.title).toBe(deck.title);
		expect(data.scenes.map((s) => s.id)).toEqual(deck.scenes.map((s) => s.id));
		deck.scenes.forEach((scene, i) => {
			const s = data.scenes[i]!;
			expect(s.title).toBe(scene.title);
			expect(s.text).toBe(scene.text);
			expect(s.notes).toBe(scene.notes);
			expect(s.camera).toEqual(scene.camera);
			expect(s.fit).toEqual(scene.fit);
			expect(new Set(s.groups)).toEqual(new Set(scene.groups));
			expect(s.highlight).toEqual(scene.highlight);
			expect(s.hidden).toEqual(scene.hidden ?? ['native']);
		});
	});

	it('draws in each scene exactly the events of its groups within its time window', () => {
		deck.scenes.forEach((scene, i) => {
			const from = scene.time ? firstDay(scene.time.from) : '0000-01-01';
			const to = scene.time ? lastDay(scene.time.to) : '9999-12-31';
			const expected = events
				.filter((e) => scene.groups.includes(e.properties.group))
				.filter((e) => e.properties.dateFirst <= to && e.properties.dateLast >= from)
				.map((e) => e.properties.id);
			expect(new Set(data.scenes[i]!.events), scene.id).toEqual(new Set(expected));
			for (const id of scene.highlight.events) expect(data.scenes[i]!.events).toContain(id);
			// Those known only to a whole area are listed apart, as the atlas's map note lists them.
			const areaOnly = events.filter((e) => expected.includes(e.properties.id) && isAreaOnly(e));
			expect(data.scenes[i]!.areaEvents).toEqual(
				areaOnly.map((e) => ({ id: e.properties.id, title: e.properties.title }))
			);
		});
	});

	it('carries the points of only the events some scene draws, and only the places they need', () => {
		const drawn = new Set(data.scenes.flatMap((s) => s.events));
		// The atlas's own points of exactly those events, all of them (an event at two places is
		// two points; one known only as a whole area has none and is lit as its area instead).
		const expected = eventPoints(events.filter((e) => drawn.has(e.properties.id))).features;
		expect(data.events.features).toEqual(expected);
		expect(data.events.features.length).toBeGreaterThan(0);
		expect(new Set(data.events.features.map((f) => f.properties.event)).size).toBeLessThan(events.length);

		const needed = new Set([
			...data.scenes.flatMap((s) => [...s.highlight.places, ...(s.fit ?? [])]),
			...events
				.filter((e) => drawn.has(e.properties.id))
				.flatMap((e) => placesDrawn(e.properties.places).map((p) => p.id))
		]);
		const carriedPlaces = new Set(data.places.features.map((f) => f.properties.id));
		for (const id of carriedPlaces) expect(needed, id).toContain(id);
		for (const id of needed)
			if (places.some((p) => p.properties.id === id)) expect(carriedPlaces).toContain(id);
		// The map's own place points: no mention, quote or alias of a place is carried.
		expect(data.places).toEqual(placePoints(places.filter((p) => carriedPlaces.has(p.properties.id))));
		for (const f of data.places.features) {
			expect(f.properties).not.toHaveProperty('mentions');
			expect(f.properties).not.toHaveProperty('aliases');
		}
	});

	it('carries only the groups shown and the sources cited, named as the atlas names them', () => {
		expect(new Set(data.groups.map((g) => g.id))).toEqual(new Set(deck.scenes.flatMap((s) => s.groups)));
		const cited = new Set(deck.scenes.flatMap((s) => s.citations.map((c) => c.source)));
		expect(new Set(Object.keys(data.sources))).toEqual(cited);
		const named = briefingData(deck.id).sources;
		for (const id of cited) expect(data.sources[id]).toEqual(named[id]);
	});

	it('keeps every quote verbatim in its source paragraph', () => {
		const quotes = data.scenes.flatMap((s) => s.citations);
		expect(quotes).toEqual(deck.scenes.flatMap((s) => s.citations));
		for (const c of quotes) {
			const text = paragraph(c.source, c.paragraph);
			expect(text, `${c.source} ${c.paragraph}`).toBeDefined();
			expect(foldSpace(text!)).toContain(foldSpace(c.quote));
		}
	});

	it('lights the areas of the highlighted places and events, as the atlas does', () => {
		deck.scenes.forEach((scene, i) => {
			const boundaries = scene.highlight.places
				.map((id) => places.find((p) => p.properties.id === id)?.properties.boundary)
				.filter((b) => !!b);
			for (const b of boundaries) expect(data.scenes[i]!.areas).toContainEqual(b);
		});
	});

	it('survives the JSON round trip unchanged', () => {
		expect(JSON.parse(JSON.stringify(data))).toEqual(data);
	});
});

describe('sources', () => {
	it('are named from the evidence’s citations unless given', () => {
		const named = sourcesCitedBy({ events, places });
		expect(Object.keys(named).sort()).toEqual(geodata.sources.map((s) => s.meta.id).sort());
		const deck = decks[0]!;
		const own = { 'fnf-2024-04': { title: 'My title', publisher: 'Me', date: '2024' } };
		const data = extractDeckData(deck, { events, places, groups, sources: own });
		if (data.sources['fnf-2024-04']) expect(data.sources['fnf-2024-04']).toEqual(own['fnf-2024-04']);
		expect(Object.keys(data.sources).length).toBeGreaterThan(0);
	});

	it('keeps the overlays a scene hides', () => {
		const deck = decks[0]!;
		const mine: Deck = { ...deck, scenes: [{ ...deck.scenes[0]!, hidden: ['rivers', 'relief'] }] };
		expect(extractDeckData(mine, { events, places, groups }).scenes[0]!.hidden).toEqual(['relief', 'rivers']);
	});

	it('keeps untrusted text as it is: the file renders it as text, never as HTML', () => {
		const deck = decks[0]!;
		const hostile = '</script><img src=x onerror=alert(1)> “quoted” & <!-- <script>';
		const mine: Deck = {
			...deck,
			title: hostile,
			scenes: [{ ...deck.scenes[0]!, title: hostile, notes: hostile }]
		};
		const data = extractDeckData(mine, { events, places, groups });
		expect(data.deck.title).toBe(hostile);
		expect(data.scenes[0]!.title).toBe(hostile);
		expect(data.scenes[0]!.notes).toBe(hostile);
	});
});

describe('the basemap’s derived labels', () => {
	const boundaries = JSON.parse(readFileSync('geodata/basemap.topo.json', 'utf8')) as Topology;
	const extras = basemapExtras({ boundaries, borderLabels: borderLabelsOf(boundaries) }, places);

	it('name countries and provinces in Arabic script as the atlas’s places do', () => {
		const named = extras.labels.features.filter((f) => f.properties?.nativeName);
		expect(named.length).toBeGreaterThan(0);
		for (const f of named) {
			const kind = f.properties!.kind;
			const id = kind === 'province' ? f.properties!.code : f.properties!.id;
			const place = places.find(
				(p) => p.properties.boundary?.layer === kind && p.properties.boundary?.id === id
			);
			expect(place?.properties.aliases, `${kind} ${id}`).toContain(f.properties!.nativeName);
		}
	});

	it('place the border’s name along the border', () => {
		expect(extras.borderLabels.features.length).toBeGreaterThan(0);
		for (const f of extras.borderLabels.features) expect(f.geometry.type).toBe('Point');
	});
});
