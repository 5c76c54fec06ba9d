/**
 * Capturing the dashboard as a briefing scene: its view, visible groups, hidden overlays, time
 * window, selection and open passage. The scene cites passages the user picks from the data (the
 * selection's citations or mentions, or those of the events in view), so every quote is verbatim
 * by construction; its text is left for the user to write in their own words.
 * `sceneFromSnapshot` is the older one-step capture that cites the first passages it finds.
 */
import type { Deck, Scene } from '../schema/briefing.ts';
import type { EventFeature, ExportedCitation, PlaceFeature } from '../schema/exported.ts';
import type { Citation } from '../schema/model.ts';
import { compactWindow, type TimeWindow } from '../time/window.ts';
import { DEFAULT_HIDDEN_OVERLAYS, OVERLAY_IDS } from '../map/overlays.ts';

export interface DashboardSnapshot {
	view: { zoom: number; lat: number; lng: number };
	groups: string[];
	timeWindow: TimeWindow | null;
	selectedEvent?: EventFeature;
	selectedPlace?: PlaceFeature;
	/** Events in view, for a citation when nothing is selected. */
	inView: EventFeature[];
	/** The overlays hidden (the atlas's defaults when omitted). */
	hidden?: readonly string[];
	/** The source passage open in the details panel. */
	passage?: { source: string; paragraph: string } | null;
}

/** A passage offered as a citation of a captured scene, with what it is about. */
export interface CitationChoice {
	/** Stable within one list: source, paragraph and quote. */
	key: string;
	citation: Citation;
	/** The event or place it is cited for ("Torkham", an event's title). */
	about: string;
	sourceTitle: string;
	publisher: string;
	sourceDate: string;
	/** Offered already ticked. */
	checked: boolean;
}

/** How many events in view offer their citations when nothing is selected. */
export const IN_VIEW_CHOICES = 4;
/** How many passages are ticked at first (the open passage is ticked as well). */
export const FIRST_CHECKED = 3;

export const SCENE_TEXT_PLACEHOLDER = 'Write what this scene shows, in your own words, before presenting it.';

const toCitation = (c: ExportedCitation): Citation => ({
	source: c.source,
	paragraph: c.paragraph,
	quote: c.quote
});

export const citationKey = (c: Citation) => `${c.source}\n${c.paragraph}\n${c.quote}`;

/**
 * The passages a capture offers: the selected event's citations, or the selected place's
 * mentions, or else the citations of the first events in view. The first few are ticked, and so
 * is the open passage's.
 */
export function citationChoices(snapshot: DashboardSnapshot): CitationChoice[] {
	const offered: { about: string; citations: ExportedCitation[] }[] = snapshot.selectedEvent
		? [
				{
					about: snapshot.selectedEvent.properties.title,
					citations: snapshot.selectedEvent.properties.citations
				}
			]
		: snapshot.selectedPlace
			? [
					{
						about: snapshot.selectedPlace.properties.name,
						citations: snapshot.selectedPlace.properties.mentions
					}
				]
			: snapshot.inView
					.slice(0, IN_VIEW_CHOICES)
					.map((e) => ({ about: e.properties.title, citations: e.properties.citations }));
	const seen = new Set<string>();
	const choices: CitationChoice[] = [];
	for (const { about, citations } of offered)
		for (const c of citations) {
			const citation = toCitation(c);
			const key = citationKey(citation);
			if (seen.has(key)) continue;
			seen.add(key);
			const open = snapshot.passage?.source === c.source && snapshot.passage.paragraph === c.paragraph;
			choices.push({
				key,
				citation,
				about,
				sourceTitle: c.sourceTitle,
				publisher: c.publisher,
				sourceDate: c.sourceDate,
				// With nothing selected, one passage of the first event is enough to start from.
				checked:
					open ||
					(snapshot.selectedEvent || snapshot.selectedPlace
						? choices.length < FIRST_CHECKED
						: !choices.length)
			});
		}
	return choices;
}

/** Whether the atlas would draw the event with these groups and this window (the validator's rule). */
export function eventShown(
	event: Pick<EventFeature['properties'], 'group' | 'dateFirst' | 'dateLast'>,
	groups: readonly string[],
	window: TimeWindow | null
): boolean {
	return (
		groups.includes(event.group) &&
		(!window || (event.dateFirst <= window.to && event.dateLast >= window.from))
	);
}

/** The first id `base`, `base-2`, `base-3`… not in `taken`. */
export function freeId(base: string, taken: Iterable<string>): string {
	const used = new Set(taken);
	let id = base;
	for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
	return id;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The part of a scene a capture sets: where the camera is and what the map shows. */
/** Whether two lists name the same overlays, in any order. */
const sameOverlays = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && a.every((id) => b.includes(id));

export function capturedView(
	snapshot: DashboardSnapshot
): Pick<Scene, 'camera' | 'groups' | 'time' | 'hidden'> {
	return {
		camera: {
			center: [round(snapshot.view.lng, 4), round(snapshot.view.lat, 4)],
			zoom: Math.min(12, Math.max(3.5, round(snapshot.view.zoom, 2)))
		},
		groups: [...snapshot.groups],
		...(snapshot.timeWindow ? { time: compactWindow(snapshot.timeWindow) } : {}),
		// Written only when it differs from the atlas's defaults, which a scene without it shows.
		...(snapshot.hidden && !sameOverlays(snapshot.hidden, DEFAULT_HIDDEN_OVERLAYS)
			? { hidden: OVERLAY_IDS.filter((id) => snapshot.hidden!.includes(id)) }
			: {})
	};
}

/**
 * A new scene of the snapshot citing the passages chosen, with an id not yet used in the deck;
 * null when none is chosen. The selection is highlighted only if the scene shows it, and the open
 * passage kept only if one of the chosen citations is from it (what the deck checks ask).
 */
export function sceneFromCapture(
	snapshot: DashboardSnapshot,
	title: string,
	deck: Pick<Deck, 'scenes'>,
	citations: readonly Citation[]
): Scene | null {
	if (!citations.length) return null;
	const name = title.trim() || 'New scene';
	const event = snapshot.selectedEvent?.properties;
	const passage = snapshot.passage;
	const cited =
		passage && citations.some((c) => c.source === passage.source && c.paragraph === passage.paragraph);
	return {
		id: freeId(
			slug(name),
			deck.scenes.map((s) => s.id)
		),
		title: name,
		text: SCENE_TEXT_PLACEHOLDER,
		...capturedView(snapshot),
		highlight: {
			events: event && eventShown(event, snapshot.groups, snapshot.timeWindow) ? [event.id] : [],
			places: snapshot.selectedPlace ? [snapshot.selectedPlace.properties.id] : []
		},
		citations: citations.map((c) => ({ ...c })),
		...(cited ? { passage: { source: passage.source, paragraph: passage.paragraph } } : {})
	};
}

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
