/**
 * "Present from here": the dashboard's current state (view, visible groups, time window,
 * selection) as a briefing scene, appended to a deck that is then downloaded for an editor to
 * put in geodata/briefings/. The scene cites what is selected, so it is valid from the start;
 * its text is left for the editor to write in their own words.
 */
import type { Deck, Scene } from '../schema/briefing.ts';
import type { EventFeature, ExportedCitation, PlaceFeature } from '../schema/exported.ts';
import type { Citation } from '../schema/model.ts';
import { compactWindow, type TimeWindow } from '../time/window.ts';

export interface DashboardSnapshot {
	view: { zoom: number; lat: number; lng: number };
	groups: string[];
	timeWindow: TimeWindow | null;
	selectedEvent?: EventFeature;
	selectedPlace?: PlaceFeature;
	/** Events in view, for a citation when nothing is selected. */
	inView: EventFeature[];
}

export const SCENE_TEXT_PLACEHOLDER = 'Write what this scene shows, in your own words, before presenting it.';

const toCitation = (c: ExportedCitation): Citation => ({
	source: c.source,
	paragraph: c.paragraph,
	quote: c.quote
});

export function slug(text: string): string {
	const s = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 48)
		.replace(/-+$/, '');
	return s || 'scene';
}

/** A new scene of the snapshot, with an id not yet used in the deck. Null when nothing can be cited. */
export function sceneFromSnapshot(
	snapshot: DashboardSnapshot,
	title: string,
	deck: Pick<Deck, 'scenes'>
): Scene | null {
	const event = snapshot.selectedEvent ?? (snapshot.selectedPlace ? undefined : snapshot.inView[0]);
	const citations = event
		? event.properties.citations.slice(0, 3).map(toCitation)
		: (snapshot.selectedPlace?.properties.mentions.slice(0, 3).map(toCitation) ?? []);
	if (!citations.length) return null;
	const taken = new Set(deck.scenes.map((s) => s.id));
	const base = slug(title);
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
	return {
		id,
		title: title.trim() || 'New scene',
		text: SCENE_TEXT_PLACEHOLDER,
		camera: {
			center: [round(snapshot.view.lng, 4), round(snapshot.view.lat, 4)],
			zoom: Math.min(12, Math.max(3.5, round(snapshot.view.zoom, 2)))
		},
		groups: [...snapshot.groups],
		...(snapshot.timeWindow ? { time: compactWindow(snapshot.timeWindow) } : {}),
		highlight: {
			events: snapshot.selectedEvent ? [snapshot.selectedEvent.properties.id] : [],
			places: snapshot.selectedPlace ? [snapshot.selectedPlace.properties.id] : []
		},
		citations,
		notes: 'Captured from the dashboard; check the camera, the text and the citations.'
	};
}

export function deckWithScene(deck: Deck, scene: Scene): Deck {
	return { ...deck, scenes: [...deck.scenes, scene] };
}

/** The deck file as editors keep it: tab-indented JSON with a final newline. */
export function deckFileText(deck: Deck): string {
	return JSON.stringify(deck, null, '\t') + '\n';
}
