/**
 * Builds the published GeoJSON (the export contract in src/lib/schema/exported.ts) from validated
 * geodata. Pure: the same input gives byte-identical output (a golden test holds it).
 */
import type { Citation } from '../../schema/model.ts';
import {
	PRECISION_ORDER,
	placesDrawn,
	type EventFeature,
	type EventsCollection,
	type ExportedCitation,
	type PlacesCollection
} from '../../schema/exported.ts';
import { dateSpanBounds, formatDateSpan } from '../../time/dates.ts';
import type { Geodata } from './validate.ts';

function citer(data: Geodata): (c: Citation) => ExportedCitation {
	const sources = new Map(data.sources.map((s) => [s.meta.id, s.meta]));
	return (c) => {
		const s = sources.get(c.source)!;
		return {
			source: c.source,
			sourceTitle: s.title,
			publisher: s.publisher,
			sourceDate: formatDateSpan(s.date),
			paragraph: c.paragraph,
			quote: c.quote
		};
	};
}

export function placesGeoJSON(data: Geodata): PlacesCollection {
	const cite = citer(data);
	const eventCount = new Map<string, number>();
	for (const e of data.events)
		for (const p of new Set(e.places.map((x) => x.place))) eventCount.set(p, (eventCount.get(p) ?? 0) + 1);
	return {
		type: 'FeatureCollection',
		features: data.places.map((p) => ({
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
				eventCount: eventCount.get(p.id) ?? 0,
				mentions: p.mentions.map(cite)
			}
		}))
	};
}

export function eventsGeoJSON(data: Geodata): EventsCollection {
	const cite = citer(data);
	const placeById = new Map(data.places.map((p) => [p.id, p]));
	const features: EventFeature[] = data.events.map((e) => {
		const drawn = placesDrawn(e.places).map((p) => placeById.get(p.place)!);
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
					const place = placeById.get(p.place)!;
					return { id: place.id, name: place.name, role: p.role, precision: place.precision };
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
	});
	// Oldest first: the order of the list view and of the timeline.
	features.sort(
		(a, b) =>
			a.properties.dateFirst.localeCompare(b.properties.dateFirst) ||
			a.properties.id.localeCompare(b.properties.id)
	);
	return { type: 'FeatureCollection', features };
}
