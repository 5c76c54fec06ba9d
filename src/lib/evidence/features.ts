/**
 * Records of the data model (geodata/, or a user's workspace) as features of the export contract
 * (src/lib/schema/exported.ts), the shape every view reads. One builder for both, so an event
 * made in the browser is drawn, listed and cited exactly as a shipped one; the build's export
 * (src/lib/server/data/export.ts) is these functions over the validated geodata.
 */
import type { Citation, Event, LocationPrecision, Place } from '../schema/model.ts';
import {
	PRECISION_ORDER,
	placesDrawn,
	type EventFeature,
	type ExportedCitation,
	type PlaceFeature
} from '../schema/exported.ts';
import { dateSpanBounds, formatDateSpan } from '../time/dates.ts';

/** What a citation shows of its source. */
export interface CitedSource {
	title: string;
	publisher: string;
	/** The source's date in words (`formatDateSpan`). */
	dateText: string;
}

/** What an event needs to know of a place it names. */
export interface NamedPlace {
	id: string;
	name: string;
	precision: LocationPrecision;
	coordinates: [number, number];
}

/** The records an event's references resolve to; every reference must resolve (validated first). */
export interface FeatureLookups {
	source(id: string): CitedSource | undefined;
	place(id: string): NamedPlace | undefined;
}

function resolved<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Error(`${what} is not known`);
	return value;
}

export function exportedCitation(c: Citation, lookups: Pick<FeatureLookups, 'source'>): ExportedCitation {
	const s = resolved(lookups.source(c.source), `source "${c.source}"`);
	return {
		source: c.source,
		sourceTitle: s.title,
		publisher: s.publisher,
		sourceDate: s.dateText,
		paragraph: c.paragraph,
		quote: c.quote
	};
}

export function placeFeature(
	p: Place,
	eventCount: number,
	lookups: Pick<FeatureLookups, 'source'>
): PlaceFeature {
	return {
		type: 'Feature',
		id: p.id,
		geometry: { type: 'Point', coordinates: p.coordinates },
		properties: {
			id: p.id,
			name: p.name,
			aliases: p.aliases,
			type: p.type,
			country: p.country ?? null,
			province: p.province ?? null,
			parent: p.parent ?? null,
			precision: p.precision,
			coordinateSource: p.coordinateSource,
			boundary: p.boundary ?? null,
			note: p.note ?? null,
			eventCount,
			mentions: p.mentions.map((c) => exportedCitation(c, lookups))
		}
	};
}

export function eventFeature(e: Event, lookups: FeatureLookups): EventFeature {
	const cite = (c: Citation) => exportedCitation(c, lookups);
	const place = (id: string) => resolved(lookups.place(id), `place "${id}"`);
	const drawn = placesDrawn(e.places).map((p) => place(p.place));
	const coordinates = drawn.map((p) => p.coordinates);
	const precision = PRECISION_ORDER[Math.max(...drawn.map((p) => PRECISION_ORDER.indexOf(p.precision)))]!;
	const { first, last } = dateSpanBounds(e.date);
	return {
		type: 'Feature',
		id: e.id,
		geometry:
			coordinates.length === 1
				? { type: 'Point', coordinates: coordinates[0]! }
				: { type: 'MultiPoint', coordinates },
		properties: {
			id: e.id,
			title: e.title,
			summary: e.summary,
			date: e.date,
			dateText: formatDateSpan(e.date),
			dateFirst: first,
			dateLast: last,
			group: e.group,
			type: e.type,
			actors: e.actors,
			precision,
			places: e.places.map((p) => {
				const named = place(p.place);
				return { id: named.id, name: named.name, role: p.role, precision: named.precision };
			}),
			contested: e.contested
				? {
						note: e.contested.note,
						stances: e.contested.stances.map((s) => ({
							party: s.party,
							stance: s.stance,
							citation: cite(s.citation)
						}))
					}
				: null,
			citations: e.citations.map(cite)
		}
	};
}

/** How many events name each place (each event once per place). */
export function eventCounts(events: readonly Pick<Event, 'places'>[]): Map<string, number> {
	const counts = new Map<string, number>();
	for (const e of events)
		for (const p of new Set(e.places.map((x) => x.place))) counts.set(p, (counts.get(p) ?? 0) + 1);
	return counts;
}

/** Oldest first, then by id: the order of the list view and of the timeline. */
export function byDate(a: EventFeature, b: EventFeature): number {
	return (
		a.properties.dateFirst.localeCompare(b.properties.dateFirst) ||
		a.properties.id.localeCompare(b.properties.id)
	);
}
