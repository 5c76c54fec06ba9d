/**
 * What the map draws attention to, derived from the selection, the hover and a briefing scene's
 * highlights: which events get the strong ring (selected) or the light one (hovered or listed),
 * which places are ringed, and which areas (provinces, countries, the former FATA) are lit. A pure
 * function, so the rules are unit-tested rather than spread over the map's layer components.
 */
import type { EventFeature, PlaceFeature } from '../schema/exported.ts';

export type Selection =
	| { kind: 'event'; id: string }
	| { kind: 'place'; id: string }
	/** A set of events shown as a list: a cluster, or every event of an actor. */
	| { kind: 'events'; title: string; ids: string[] };

/** An area of the basemap, by its layer and feature id (as in a place's `boundary`). */
export interface AreaRef {
	layer: string;
	id: string;
}

export interface Emphasis {
	/** Events drawn with the strong ring: the selected one and a scene's highlights. */
	selectedEvents: string[];
	/** Events drawn with the light ring: hovered, or listed in the details panel. */
	hoveredEvents: string[];
	/** Places ringed on the map. */
	places: string[];
	/** Areas lit on the basemap: of selected places, and of a selected or hovered event's places. */
	areas: AreaRef[];
}

export interface EmphasisInput {
	selection: Selection | null;
	hovered: string | null;
	highlighted: { events: readonly string[]; places: readonly string[] };
}

export interface EvidenceLookup {
	eventById: ReadonlyMap<string, EventFeature>;
	placeById: ReadonlyMap<string, PlaceFeature>;
}

export function emphasisOf(
	{ selection, hovered, highlighted }: EmphasisInput,
	{ eventById, placeById }: EvidenceLookup
): Emphasis {
	const selectedEvents = [...highlighted.events, ...(selection?.kind === 'event' ? [selection.id] : [])];
	const hoveredEvents = [
		...(selection?.kind === 'events' ? selection.ids : []),
		...(hovered && !selectedEvents.includes(hovered) ? [hovered] : [])
	];
	const places = [...highlighted.places, ...(selection?.kind === 'place' ? [selection.id] : [])];

	// A selected or hovered event lights the areas of the places it happened at (not those merely
	// mentioned): for an event known only to a province or a country, that area is all there is.
	const eventPlaces = [...selectedEvents, ...(hovered ? [hovered] : [])].flatMap(
		(id) =>
			eventById
				.get(id)
				?.properties.places.filter((p) => p.role !== 'mentioned')
				.map((p) => p.id) ?? []
	);
	const areas: AreaRef[] = [];
	for (const id of new Set([...places, ...eventPlaces])) {
		const boundary = placeById.get(id)?.properties.boundary;
		if (boundary && !areas.some((a) => a.layer === boundary.layer && a.id === boundary.id))
			areas.push(boundary);
	}
	return {
		selectedEvents: [...new Set(selectedEvents)],
		hoveredEvents: [...new Set(hoveredEvents)],
		places,
		areas
	};
}
