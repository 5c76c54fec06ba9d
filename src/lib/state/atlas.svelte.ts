/**
 * The atlas's shared view state: which groups and overlays are visible, the time window, what is
 * selected or hovered, and what the map shows; plus every view derived from it over the evidence
 * store (visible events, events in view, counts by group, what the map emphasises). One instance
 * per page, shared by context: the map, the layer panel, the list, search, the timeline and the
 * details panel all read and write it, so they stay in sync. The data itself lives in the
 * evidence store (`evidence`); this class owns none of it.
 *
 * Its Maps are snapshots rebuilt on every change, never mutated in place, so Svelte's reactive
 * collections are not needed.
 */
/* eslint-disable svelte/prefer-svelte-reactivity */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { EvidenceCollection, EvidenceStore } from '../evidence/store.svelte.ts';
import { eventInBounds, isAreaOnly } from '../map/event-points.ts';
import { DEFAULT_HIDDEN_OVERLAYS, OVERLAY_IDS, type OverlayId } from '../map/overlays.ts';
import type { MapCamera } from '../map/view.ts';
import { reachesInto, type TimeWindow } from '../time/window.ts';
import { emphasisOf, type Emphasis, type Selection } from './emphasis.ts';
import {
	isFiltering,
	NO_EVIDENCE_FILTER,
	passesEvidenceFilter,
	type EvidenceFilter
} from './evidence-filter.ts';
import type { EventFeature } from '../schema/exported.ts';
import type { AtlasUrlState } from './url.ts';

export type { Selection } from './emphasis.ts';
export type { TimeWindow } from '../time/window.ts';

export type Bounds = [number, number, number, number];

/**
 * Where the map is: being set up, drawn and idle, impossible in this browser (no WebGL: every
 * other view still works), or failed while drawing.
 */
export type MapStatus = 'loading' | 'ready' | 'unavailable' | 'error';

export class AtlasState {
	readonly evidence: EvidenceStore;
	visibleGroups = $state<string[]>([]);
	hiddenOverlays = $state<OverlayId[]>([...DEFAULT_HIDDEN_OVERLAYS]);
	selection = $state.raw<Selection | null>(null);
	/** The event under the pointer or keyboard focus, in the map or the list. */
	hovered = $state<string | null>(null);
	/** What the map shows now: [west, south, east, north], and its camera. */
	bounds = $state.raw<Bounds | null>(null);
	view = $state.raw<MapCamera | null>(null);
	/** The MapLibre map, once its style has loaded (for camera moves requested by the panels). */
	map = $state.raw<MapLibreMap | null>(null);
	mapStatus = $state<MapStatus>('loading');
	/** Why the map is unavailable or failed, in words. */
	mapProblem = $state('');
	/** Events and places a briefing scene draws attention to (marked on the map). */
	highlighted = $state.raw<{ events: string[]; places: string[] }>({ events: [], places: [] });
	/** The time window; null shows all time. */
	timeWindow = $state.raw<TimeWindow | null>(null);
	/** An opened source passage: shown in context in the details panel. */
	passage = $state.raw<{ source: string; paragraph: string } | null>(null);
	/** Which evidence the visible events must rest on (sources, kinds, corroborated, …). */
	evidenceFilter = $state.raw<EvidenceFilter>(NO_EVIDENCE_FILTER);
	/** Collections whose events are hidden (the user's own, "Added in this browser", say). */
	hiddenCollections = $state.raw<string[]>([]);

	/** Events whose evidence passes the evidence filter, in every group and at any time. */
	declare readonly evidenceEvents: EventFeature[];
	/** Their count by group, for the layer panel. */
	declare readonly countByGroup: Map<string, number>;
	/** Events of the visible groups that pass the evidence filter, at any time (the timeline's bars). */
	declare readonly groupedEvents: EventFeature[];
	/** Events of the visible groups whose date span reaches into the time window. */
	declare readonly visibleEvents: EventFeature[];
	/** The list view: visible events drawn inside the map's current view (all of them without a map). */
	declare readonly eventsInView: EventFeature[];
	/** Visible events known only to a whole country, province or region: no point on the map. */
	declare readonly areaOnlyEvents: EventFeature[];
	/** What the map rings and lights up. */
	declare readonly emphasis: Emphasis;

	constructor(evidence: EvidenceStore) {
		// The derived views read the store, so they are declared once it is set.
		this.evidence = evidence;
		// Whole collections are left out first, and the evidence filter runs only when one is set:
		// with an imported dataset this is a hundred thousand events, recomputed on every change.
		this.evidenceEvents = $derived.by(() => {
			const hidden = this.hiddenCollections;
			const shown = hidden.length
				? this.evidence.collections.filter((c) => !hidden.includes(c.id)).flatMap((c) => c.events)
				: this.evidence.events;
			const filter = this.evidenceFilter;
			if (!isFiltering(filter)) return shown;
			return shown.filter((e) => passesEvidenceFilter(e, filter, (s) => this.evidence.sourceKind(s)));
		});
		this.countByGroup = $derived(
			this.evidenceEvents.reduce(
				(m, e) => m.set(e.properties.group, (m.get(e.properties.group) ?? 0) + 1),
				new Map<string, number>()
			)
		);
		this.groupedEvents = $derived(
			this.evidenceEvents.filter((e) => this.visibleGroups.includes(e.properties.group))
		);
		this.visibleEvents = $derived(
			this.groupedEvents.filter((e) =>
				reachesInto(e.properties.dateFirst, e.properties.dateLast, this.timeWindow)
			)
		);
		this.eventsInView = $derived(
			this.bounds ? this.visibleEvents.filter((e) => eventInBounds(e, this.bounds!)) : this.visibleEvents
		);
		this.areaOnlyEvents = $derived(this.visibleEvents.filter(isAreaOnly));
		this.emphasis = $derived(
			emphasisOf(
				{ selection: this.selection, hovered: this.hovered, highlighted: this.highlighted },
				this.evidence
			)
		);
		this.visibleGroups = this.defaultGroups;
	}

	get groups() {
		return this.evidence.groups;
	}

	/** The groups shown when a link names none: the bundled defaults and every collection's own. */
	get defaultGroups(): string[] {
		return this.groups.filter((g) => g.visible).map((g) => g.id);
	}

	group(id: string) {
		return this.evidence.group(id);
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

	setCollectionVisible(id: string, visible: boolean): void {
		const others = this.hiddenCollections.filter((c) => c !== id);
		this.hiddenCollections = visible ? others : [...others, id];
	}

	select(selection: Selection | null): void {
		this.selection = selection;
		if (!selection || selection.kind === 'events') this.passage = null;
	}

	/**
	 * Adds a collection to the evidence, or replaces it, and shows its groups that are new (an
	 * import is made to be seen); groups it had before keep their visibility.
	 */
	putCollection(collection: EvidenceCollection): void {
		const before = new Set(this.groups.map((g) => g.id));
		this.evidence.put(collection);
		const fresh = (collection.groups ?? []).filter((g) => g.visible && !before.has(g.id)).map((g) => g.id);
		if (fresh.length)
			this.visibleGroups = this.groups
				.map((g) => g.id)
				.filter((id) => this.visibleGroups.includes(id) || fresh.includes(id));
	}

	/** Takes a collection out of the evidence, with its groups, and the selection if it was in it. */
	removeCollection(id: string): void {
		const gone = this.evidence.collections.find((c) => c.id === id);
		if (!gone) return;
		const selected = this.selection;
		if (selected && selected.kind !== 'events' && this.evidence.collectionOf.get(selected.id)?.id === id)
			this.select(null);
		this.evidence.remove(id);
		const groups = new Set(this.groups.map((g) => g.id));
		this.visibleGroups = this.visibleGroups.filter((g) => groups.has(g));
	}

	/** Restores what a shared link names (already checked by `parseUrlState`). */
	applyUrlState(state: AtlasUrlState): void {
		// The link's view stands until a map reports its own (and stays shared if none can be drawn).
		if (state.view) this.view = state.view;
		if (state.groups) this.visibleGroups = state.groups;
		if (state.hidden) this.hiddenOverlays = OVERLAY_IDS.filter((o) => state.hidden!.includes(o));
		if (state.selected) this.selection = state.selected;
		if (state.passage) this.passage = state.passage;
		if (state.time) this.timeWindow = state.time;
		if (state.evidence) this.evidenceFilter = state.evidence;
	}

	/** The state a link shares (`serializeUrlState` writes it). */
	get urlState(): AtlasUrlState {
		const s = this.selection;
		return {
			view: this.view ?? undefined,
			groups: this.visibleGroups,
			hidden: this.hiddenOverlays,
			selected: s && s.kind !== 'events' ? s : undefined,
			passage: this.passage ?? undefined,
			time: this.timeWindow ?? undefined,
			evidence: this.evidenceFilter
		};
	}
}

const KEY = Symbol('atlas-state');

export function setAtlasState(state: AtlasState): AtlasState {
	return setContext(KEY, state);
}

export function getAtlasState(): AtlasState {
	return getContext<AtlasState>(KEY);
}
