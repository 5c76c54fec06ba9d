/**
 * Whether one of the user's sources can be deleted: not while anything cites it, since a
 * citation or a place's passage must resolve to a source (the validator and the export check it).
 * What still cites it is named, so the user can change or delete that first; nothing is deleted
 * in cascade behind their back.
 */
import type { Citation, Event, Place } from '../schema/model.ts';
import { listFew } from '../evidence/words.ts';

export interface SourceCiters {
	events: Event[];
	places: Place[];
}

const citations = (e: Event): Citation[] => [
	...e.citations,
	...(e.contested?.stances.map((s) => s.citation) ?? [])
];

/** The events (their citations and stances) and places (their passages) that cite the source. */
export function citersOfSource(
	source: string,
	events: readonly Event[],
	places: readonly Place[]
): SourceCiters {
	return {
		events: events.filter((e) => citations(e).some((c) => c.source === source)),
		places: places.filter((p) => p.mentions.some((m) => m.source === source))
	};
}

/** Why the source cannot be deleted yet, in words; null when nothing cites it. */
export function removalRefusal({ events, places }: SourceCiters): string | null {
	const parts = [
		events.length
			? `${events.length === 1 ? 'the event' : 'the events'} ${listFew(events.map((e) => `“${e.title}”`))}`
			: '',
		places.length
			? `${places.length === 1 ? 'the place' : 'the places'} ${listFew(places.map((p) => p.name))}`
			: ''
	].filter(Boolean);
	if (!parts.length) return null;
	const one = events.length + places.length === 1;
	return `It stays while ${parts.join(' and ')} ${one ? 'cites' : 'cite'} it: take its passages out of ${one ? 'it' : 'them'}, or delete ${one ? 'it' : 'them'}, first.`;
}
