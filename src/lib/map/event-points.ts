/**
 * What the map's event layer draws: one point per event and place it happened at (an event in
 * Khost and Paktika is two points), for the visible events only (groups on, in the time window). Clustering works on points, and
 * hidden groups must not be counted in clusters, so the map's source data is rebuilt from this
 * whenever the visible groups change (a few hundred features: cheap).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { placesDrawn, type EventFeature } from '../schema/exported.ts';
import type { LocationPrecision } from '../schema/model.ts';

export interface EventPointProperties {
	/** Unique per point: `<event id>@<index>`; the map's promoteId. */
	key: string;
	event: string;
	group: string;
	title: string;
	precision: LocationPrecision;
}

export type EventPoint = Feature<Point, EventPointProperties>;

export function eventPoints(events: readonly EventFeature[]): FeatureCollection<Point, EventPointProperties> {
	const features: EventPoint[] = [];
	for (const e of events) {
		const drawn = placesDrawn(e.properties.places);
		eventPositions(e).forEach((c, i) => {
			features.push({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: c },
				properties: {
					key: `${e.properties.id}@${i}`,
					event: e.properties.id,
					group: e.properties.group,
					title: e.properties.title,
					// Each point says how precisely its own place is known.
					precision: drawn[i]?.precision ?? e.properties.precision
				}
			});
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Every position an event is drawn at. */
export function eventPositions(e: EventFeature): [number, number][] {
	const g = e.geometry;
	return (g.type === 'Point' ? [g.coordinates] : g.coordinates) as [number, number][];
}

/** Whether any of an event's positions lies in the [west, south, east, north] box. */
export function eventInBounds(e: EventFeature, [w, s, east, n]: [number, number, number, number]): boolean {
	return eventPositions(e).some(([x, y]) => x >= w && x <= east && y >= s && y <= n);
}
