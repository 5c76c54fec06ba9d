/**
 * The evidence store: every record the atlas shows, whoever made it. The page loads it (not the
 * map), and every view reads it: the map, the list, search, the timeline, the details panel, the
 * exports and the briefings. None of them owns data.
 *
 * Records arrive in collections, one per origin: the bundled evidence built from geodata/ now;
 * a user's own records and imported datasets later. Every record knows its collection, so a view
 * can say where a fact comes from. Collections are replaced whole, never mutated in place, so the
 * derived lists and lookups are plain snapshots.
 */
/* eslint-disable svelte/prefer-svelte-reactivity -- the Maps below are snapshots rebuilt on change */
import type { EventFeature, PlaceFeature } from '../schema/exported.ts';
import type { LayerGroup, Source } from '../schema/model.ts';

/** Where a collection of records comes from. */
export type Origin = { kind: 'bundled' } | { kind: 'browser' } | { kind: 'imported'; file: string };

export interface EvidenceCollection {
	/** Stable id: `bundled`, or a workspace or dataset id. */
	id: string;
	/** How the collection is named to the user ("Shipped with the atlas", a file name). */
	label: string;
	origin: Origin;
	places: PlaceFeature[];
	events: EventFeature[];
	/** Layer groups of its own (a dataset is one), shown after the bundled ones. */
	groups?: LayerGroup[];
	/** Sources of its own (a user's sources, a dataset as the source its rows cite). */
	sources?: SourceInfo[];
}

export type LoadStatus = 'loading' | 'ready' | 'error';

/** The records of the lists in order, the last of each id in the place of the first. */
function latestById<R extends { properties: { id: string } }>(lists: readonly (readonly R[])[]): R[] {
	const byId = new Map<string, R>();
	for (const list of lists) for (const r of list) byId.set(r.properties.id, r);
	return [...byId.values()];
}

/** What the views need to know of a source without its text: to name it and to filter by it. */
export interface SourceInfo {
	id: string;
	title: string;
	publisher: string;
	/** A dataset (an imported file of events) is a source of its own kind. */
	kind: Source['kind'] | 'dataset';
}

export class EvidenceStore {
	readonly #bundledGroups: LayerGroup[];
	readonly #bundledSources: SourceInfo[];
	collections = $state.raw<EvidenceCollection[]>([]);
	/** The layer groups in panel order: the bundled ones, then those of each collection. */
	readonly groups = $derived.by(() => [
		...this.#bundledGroups,
		...this.collections.flatMap((c) => [...(c.groups ?? [])].sort((a, b) => a.order - b.order))
	]);
	/** The sources the evidence cites: the bundled corpus, then those of each collection. */
	readonly sources = $derived.by(() => [
		...this.#bundledSources,
		...this.collections.flatMap((c) => c.sources ?? [])
	]);
	/** Whether the bundled evidence has arrived; `error` says why it could not be read. */
	status = $state<LoadStatus>('loading');
	error = $state('');

	// A record of a later collection with the id of an earlier one is the user's copy of it (a
	// shipped place with one more passage, a shipped event with one more citation): it stands in
	// the earlier record's place, so nothing is drawn or listed twice.
	readonly events = $derived(latestById(this.collections.map((c) => c.events)));
	readonly places = $derived(latestById(this.collections.map((c) => c.places)));
	readonly eventById = $derived(new Map(this.events.map((e) => [e.properties.id, e])));
	readonly placeById = $derived(new Map(this.places.map((p) => [p.properties.id, p])));
	/** The collection each event and place belongs to, by record id. */
	readonly collectionOf = $derived(
		new Map(
			this.collections.flatMap((c) => [
				...c.events.map((e) => [e.properties.id, c] as const),
				...c.places.map((p) => [p.properties.id, c] as const)
			])
		)
	);

	constructor(groups: readonly LayerGroup[], sources: readonly SourceInfo[] = []) {
		this.#bundledGroups = [...groups].sort((a, b) => a.order - b.order);
		this.#bundledSources = [...sources];
	}

	/** A source's kind (news, opinion, policy paper), when the store knows the source. */
	sourceKind(id: string): SourceInfo['kind'] | undefined {
		return this.sources.find((s) => s.id === id)?.kind;
	}

	group(id: string): LayerGroup | undefined {
		return this.groups.find((g) => g.id === id);
	}

	/** The collection a group belongs to (undefined for a bundled group). */
	collectionOfGroup(id: string): EvidenceCollection | undefined {
		return this.collections.find((c) => c.groups?.some((g) => g.id === id));
	}

	/** Adds a collection, or replaces the one with the same id (keeping its place in the order). */
	put(collection: EvidenceCollection): void {
		const at = this.collections.findIndex((c) => c.id === collection.id);
		this.collections = at < 0 ? [...this.collections, collection] : this.collections.with(at, collection);
	}

	remove(id: string): void {
		this.collections = this.collections.filter((c) => c.id !== id);
	}

	/**
	 * Fills the store from a pending load of the bundled evidence. A failure is kept as the
	 * store's error (the views say so) rather than thrown: nothing else depends on it succeeding.
	 */
	async load(bundled: Promise<Omit<EvidenceCollection, 'id' | 'label' | 'origin'>>): Promise<void> {
		try {
			const { places, events } = await bundled;
			this.put({
				id: 'bundled',
				label: 'Shipped with the atlas',
				origin: { kind: 'bundled' },
				places,
				events
			});
			this.status = 'ready';
		} catch (e) {
			this.error = e instanceof Error ? e.message : String(e);
			this.status = 'error';
		}
	}
}
