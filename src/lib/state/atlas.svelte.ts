/**
 * The atlas's shared UI state: the data, which groups and overlays are visible, what is selected
 * or hovered, and what the map shows. One instance per page, shared by context; the map, the
 * layer panel, the list and the details panel all read and write it, so they stay in sync.
 *
 * Its Maps and Sets are snapshots rebuilt on every change, never mutated in place, so Svelte's
 * reactive collections are not needed.
 */
/* eslint-disable svelte/prefer-svelte-reactivity */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EventFeature, PlaceFeature } from '../schema/exported.ts';
import type { LayerGroup } from '../schema/model.ts';
import { eventInBounds } from '../map/event-points.ts';
import { OVERLAY_IDS, type OverlayId } from '../map/overlays.ts';

export type Selection =
	| { kind: 'event'; id: string }
	| { kind: 'place'; id: string }
	/** A set of events shown as a list: a cluster, or every event of an actor. */
	| { kind: 'events'; title: string; ids: string[] };

export { OVERLAYS, type OverlayId } from '../map/overlays.ts';

export type Bounds = [number, number, number, number];

/** A window of time as ISO days, both ends included. */
export interface TimeWindow {
	from: string;
	to: string;
}

export class AtlasState {
	readonly groups: LayerGroup[];
	events = $state.raw<EventFeature[]>([]);
	places = $state.raw<PlaceFeature[]>([]);
	visibleGroups = $state<string[]>([]);
	hiddenOverlays = $state<OverlayId[]>([]);
	selection = $state.raw<Selection | null>(null);
	/** The event under the pointer or keyboard focus, in the map or the list. */
	hovered = $state<string | null>(null);
	/** What the map shows now: [west, south, east, north], and its camera. */
	bounds = $state.raw<Bounds | null>(null);
	view = $state.raw<{ zoom: number; lat: number; lng: number } | null>(null);
	/** The MapLibre map, once drawn (for camera moves requested by the panels). */
	map = $state.raw<MapLibreMap | null>(null);
	/** Events and places a briefing scene draws attention to (marked on the map). */
	highlighted = $state.raw<{ events: string[]; places: string[] }>({ events: [], places: [] });
	/** The time window (ISO days, inclusive); null shows all time. */
	timeWindow = $state.raw<TimeWindow | null>(null);
	/** An opened source passage: shown in context in the details panel. */
	passage = $state.raw<{ source: string; paragraph: string } | null>(null);

	readonly eventById = $derived(new Map(this.events.map((e) => [e.properties.id, e])));
	readonly placeById = $derived(new Map(this.places.map((p) => [p.properties.id, p])));
	readonly countByGroup = $derived(
		this.events.reduce(
			(m, e) => m.set(e.properties.group, (m.get(e.properties.group) ?? 0) + 1),
			new Map<string, number>()
		)
	);
	/** Events of the visible groups whose date span reaches into the time window. */
	readonly visibleEvents = $derived(
		this.events.filter(
			(e) =>
				this.visibleGroups.includes(e.properties.group) &&
				(!this.timeWindow ||
					(e.properties.dateFirst <= this.timeWindow.to && e.properties.dateLast >= this.timeWindow.from))
		)
	);
	/** The list view: events of the visible groups drawn inside the map's current view. */
	readonly eventsInView = $derived(
		this.bounds ? this.visibleEvents.filter((e) => eventInBounds(e, this.bounds!)) : this.visibleEvents
	);

	constructor(groups: LayerGroup[]) {
		this.groups = [...groups].sort((a, b) => a.order - b.order);
		this.visibleGroups = this.defaultGroups;
	}

	get defaultGroups(): string[] {
		return this.groups.filter((g) => g.visible).map((g) => g.id);
	}

	group(id: string): LayerGroup | undefined {
		return this.groups.find((g) => g.id === id);
	}

	setGroupVisible(id: string, visible: boolean): void {
		const set = new Set(this.visibleGroups);
		if (visible) set.add(id);
		else set.delete(id);
		// Keep the panel's order, so the URL is stable.
		this.visibleGroups = this.groups.map((g) => g.id).filter((g) => set.has(g));
	}

	showOnly(id: string): void {
		this.visibleGroups = [id];
	}

	showAll(visible: boolean): void {
		this.visibleGroups = visible ? this.groups.map((g) => g.id) : [];
	}

	setOverlayVisible(id: OverlayId, visible: boolean): void {
		const hidden = new Set(this.hiddenOverlays);
		if (visible) hidden.delete(id);
		else hidden.add(id);
		this.hiddenOverlays = OVERLAY_IDS.filter((o) => hidden.has(o));
	}

	select(selection: Selection | null): void {
		this.selection = selection;
		if (!selection || selection.kind === 'events') this.passage = null;
	}
}

const KEY = Symbol('atlas-state');

export function setAtlasState(state: AtlasState): AtlasState {
	return setContext(KEY, state);
}

export function getAtlasState(): AtlasState {
	return getContext<AtlasState>(KEY);
}
