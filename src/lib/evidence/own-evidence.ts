/**
 * A user's own sources, places and events (the workspace's records) as one evidence collection,
 * "Added in this browser", built with the same feature builder as the shipped evidence, so an
 * event made here is drawn, listed and cited exactly as a shipped one. An own event may name
 * shipped places and cite shipped sources as well as the user's own; a record whose references
 * no longer resolve (its place was deleted, say) is left out of the map and said so, by name.
 */
import type { Event, Place, Source } from '../schema/model.ts';
import type { EventFeature, PlaceFeature } from '../schema/exported.ts';
import { formatDateSpan } from '../time/dates.ts';
import { eventCounts, eventFeature, placeFeature, type CitedSource, type NamedPlace } from './features.ts';
import type { EvidenceCollection, SourceInfo } from './store.svelte.ts';

export const OWN_COLLECTION_ID = 'browser';
export const OWN_COLLECTION_LABEL = 'Added in this browser';

/** The workspace's live records of the three kinds (a source's text is not needed here). */
export interface OwnRecords {
	sources: readonly Pick<Source, 'id' | 'title' | 'publisher' | 'kind' | 'date'>[];
	places: readonly Place[];
	events: readonly Event[];
}

/** What the atlas already shows: the shipped places, and the sources they and the events cite. */
export interface KnownEvidence {
	places: readonly PlaceFeature[];
	events: readonly EventFeature[];
	sources: readonly SourceInfo[];
}

export interface OwnEvidence {
	collection: EvidenceCollection;
	/** Records left out, each in words naming the record and what is wrong. */
	problems: string[];
}

/** A shipped source's date in words, as its citations carry it (the store knows no more of it). */
function shippedSourceDates(known: KnownEvidence): Map<string, string> {
	const dates = new Map<string, string>();
	const note = (c: { source: string; sourceDate: string }) => dates.set(c.source, c.sourceDate);
	for (const p of known.places) p.properties.mentions.forEach(note);
	for (const e of known.events) e.properties.citations.forEach(note);
	return dates;
}

const named = (p: PlaceFeature | Place): NamedPlace => {
	const id = 'properties' in p ? p.properties.id : p.id;
	const props = 'properties' in p ? p.properties : p;
	const coordinates = 'properties' in p ? p.geometry.coordinates : p.coordinates;
	return {
		id,
		name: props.name,
		precision: props.precision,
		coordinates: [coordinates[0]!, coordinates[1]!]
	};
};

export function ownEvidenceCollection(own: OwnRecords, known: KnownEvidence): OwnEvidence {
	const problems: string[] = [];
	const dates = shippedSourceDates(known);
	const sources = new Map<string, CitedSource>();
	for (const s of known.sources)
		sources.set(s.id, {
			title: s.title,
			publisher: s.publisher,
			dateText: dates.get(s.id) ?? 'date not given'
		});
	for (const s of own.sources)
		sources.set(s.id, { title: s.title, publisher: s.publisher, dateText: formatDateSpan(s.date) });
	const places = new Map<string, NamedPlace>(known.places.map((p) => [p.properties.id, named(p)]));
	for (const p of own.places) places.set(p.id, named(p));
	const lookups = { source: (id: string) => sources.get(id), place: (id: string) => places.get(id) };

	const events: EventFeature[] = [];
	const kept: Event[] = [];
	for (const e of own.events) {
		try {
			events.push(eventFeature(e, lookups));
			kept.push(e);
		} catch (error) {
			problems.push(`Your event “${e.title}” is not shown: its ${(error as Error).message}.`);
		}
	}
	const counts = eventCounts(kept);
	const placeFeatures: PlaceFeature[] = [];
	for (const p of own.places) {
		try {
			placeFeatures.push(placeFeature(p, counts.get(p.id) ?? 0, lookups));
		} catch (error) {
			problems.push(`Your place “${p.name}” is not shown: its ${(error as Error).message}.`);
		}
	}
	return {
		collection: {
			id: OWN_COLLECTION_ID,
			label: OWN_COLLECTION_LABEL,
			origin: { kind: 'browser' },
			places: placeFeatures,
			events,
			sources: own.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, kind: s.kind }))
		},
		problems
	};
}
