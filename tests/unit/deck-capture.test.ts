/**
 * "Add this view to a briefing": the passages offered as citations come from the data (so they
 * are verbatim by construction), the scene captures view, groups, hidden overlays, window,
 * selection and open passage, and what it captures passes the deck checks of the build.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { citationChoices, sceneFromCapture, type DashboardSnapshot } from '$lib/briefing/capture';
import { newDeck } from '$lib/briefing/deck-editing';
import { checkDeck } from '$lib/briefing/validate-deck';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import type { EventFeature, PlaceFeature } from '$lib/schema/exported';
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON, placesGeoJSON } from '$lib/server/data/export';

// The published features, as the dashboard has them (the build writes them from geodata/).
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const events: EventFeature[] = eventsGeoJSON(loadGeodata()).features;
const places: PlaceFeature[] = placesGeoJSON(loadGeodata()).features;
const groups: { id: string }[] = json('geodata/groups.json').groups;
const event = events.find((e) => e.properties.citations.length >= 4)!;
const place = places.find((p) => p.properties.mentions.length >= 4)!;

const refs = {
	groups,
	places: places.map((p) => ({ id: p.properties.id })),
	events: events.map((e) => ({ id: e.properties.id, group: e.properties.group, date: e.properties.date })),
	paragraphs: (id: string) =>
		/^[a-z0-9-]+$/.test(id) ? splitParagraphs(readFileSync(`geodata/sources/${id}.txt`, 'utf8')) : undefined
};

const snapshot = (over: Partial<DashboardSnapshot>): DashboardSnapshot => ({
	view: { zoom: 6.5, lat: 33.2, lng: 69.9 },
	groups: groups.map((g) => g.id),
	timeWindow: null,
	inView: [],
	...over
});

describe('citation choices', () => {
	it('offers every citation of the selected event, the first three and the open passage ticked', () => {
		const last = event.properties.citations.at(-1)!;
		const choices = citationChoices(
			snapshot({ selectedEvent: event, passage: { source: last.source, paragraph: last.paragraph } })
		);
		expect(choices.map((c) => c.citation.quote)).toEqual([
			...new Set(event.properties.citations.map((c) => c.quote))
		]);
		expect(choices.slice(0, 3).every((c) => c.checked)).toBe(true);
		expect(choices.at(-1)!.checked).toBe(true);
		expect(choices.every((c) => c.about === event.properties.title)).toBe(true);
	});

	it('offers a selected place’s mentions', () => {
		const choices = citationChoices(snapshot({ selectedPlace: place }));
		expect(choices[0]!.citation).toEqual({
			source: place.properties.mentions[0]!.source,
			paragraph: place.properties.mentions[0]!.paragraph,
			quote: place.properties.mentions[0]!.quote
		});
		expect(choices.filter((c) => c.checked)).toHaveLength(3);
	});

	it('offers the first events in view when nothing is selected, one passage ticked', () => {
		const choices = citationChoices(snapshot({ inView: events.slice(0, 6) }));
		expect(new Set(choices.map((c) => c.about))).toEqual(
			new Set(events.slice(0, 4).map((e) => e.properties.title))
		);
		expect(choices.filter((c) => c.checked)).toHaveLength(1);
	});
});

describe('sceneFromCapture', () => {
	it('captures the dashboard as a scene the deck checks accept', () => {
		const e = event.properties;
		const chosen = citationChoices(snapshot({ selectedEvent: event })).slice(0, 2);
		const scene = sceneFromCapture(
			snapshot({
				selectedEvent: event,
				groups: [e.group],
				timeWindow: { from: e.dateFirst, to: e.dateLast },
				hidden: ['belt'],
				passage: { source: chosen[1]!.citation.source, paragraph: chosen[1]!.citation.paragraph }
			}),
			'A view',
			{ scenes: [] },
			chosen.map((c) => c.citation)
		)!;
		expect(scene).toMatchObject({
			id: 'a-view',
			groups: [e.group],
			hidden: ['belt'],
			highlight: { events: [e.id], places: [] },
			passage: { source: chosen[1]!.citation.source, paragraph: chosen[1]!.citation.paragraph }
		});
		expect(scene.citations).toEqual(chosen.map((c) => c.citation));
		expect(checkDeck(newDeck('Mine', scene, []), refs)).toEqual([]);
	});

	it('does not highlight a selection the scene hides, nor keep an uncited passage', () => {
		const other = groups.find((g) => g.id !== event.properties.group)!.id;
		const [first] = citationChoices(snapshot({ selectedEvent: event }));
		const scene = sceneFromCapture(
			snapshot({
				selectedEvent: event,
				groups: [other],
				passage: { source: 'voa-2024-01', paragraph: 'p999' }
			}),
			'',
			{ scenes: [{ id: 'new-scene' }] as never },
			[first!.citation]
		)!;
		expect(scene.id).toBe('new-scene-2');
		expect(scene.highlight.events).toEqual([]);
		expect(scene.passage).toBeUndefined();
		expect(checkDeck(newDeck('Mine', scene, []), refs)).toEqual([]);
	});

	it('refuses a scene with no citation chosen', () => {
		expect(sceneFromCapture(snapshot({ selectedEvent: event }), 'x', { scenes: [] }, [])).toBeNull();
	});
});
