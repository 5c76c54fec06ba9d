/**
 * Builds the published GeoJSON (the export contract in src/lib/schema/exported.ts) from validated
 * geodata, with the same builders the browser uses for a user's own records. Pure: the same input
 * gives byte-identical output (a golden test holds it).
 */
import type { EventsCollection, PlacesCollection } from '../../schema/exported.ts';
import {
	byDate,
	eventCounts,
	eventFeature,
	placeFeature,
	type FeatureLookups
} from '../../evidence/features.ts';
import { formatDateSpan } from '../../time/dates.ts';
import type { Geodata } from './validate.ts';

function lookups(data: Geodata): FeatureLookups {
	const sources = new Map(data.sources.map((s) => [s.meta.id, s.meta]));
	const places = new Map(data.places.map((p) => [p.id, p]));
	return {
		source(id) {
			const s = sources.get(id);
			return s && { title: s.title, publisher: s.publisher, dateText: formatDateSpan(s.date) };
		},
		place: (id) => places.get(id)
	};
}

export function placesGeoJSON(data: Geodata): PlacesCollection {
	const look = lookups(data);
	const counts = eventCounts(data.events);
	return {
		type: 'FeatureCollection',
		features: data.places.map((p) => placeFeature(p, counts.get(p.id) ?? 0, look))
	};
}

export function eventsGeoJSON(data: Geodata): EventsCollection {
	const look = lookups(data);
	return { type: 'FeatureCollection', features: data.events.map((e) => eventFeature(e, look)).sort(byDate) };
}
