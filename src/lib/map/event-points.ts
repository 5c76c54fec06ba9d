/**
 * What the map's event layer draws: one point per event and place it happened at (an event in
 * Torkham and Kabul is two points), for the visible events only (groups on, in the time window).
 * Clustering works on points, and hidden groups must not be counted in clusters, so the map's
 * source data is rebuilt from this whenever the visible groups change (a few hundred features).
 *
 * A place known only as a whole area (a country, a province, a region) has no honest point: its
 * label point is not where anything happened, and events stacked there would cluster into a
 * counted disc as if they had all happened at that spot. Such places are never drawn as points;
 * their events are listed apart (`isAreaOnly`) and light up their area when selected or hovered.
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
			const precision = drawn[i]?.precision ?? e.properties.precision;
			if (precision === 'area') return;
			features.push({
				type: 'Feature',
				geometry: { type: 'Point', coordinates: c },
				properties: {
					key: `${e.properties.id}@${i}`,
					event: e.properties.id,
					group: e.properties.group,
					title: e.properties.title,
					// Each point says how precisely its own place is known.
					precision
				}
			});
		});
	}
	return { type: 'FeatureCollection', features };
}

/** Whether every place an event is drawn at is a whole area: it has no point on the map. */
export function isAreaOnly(e: EventFeature): boolean {
	return placesDrawn(e.properties.places).every((p) => p.precision === 'area');
}

/** Every position an event's places stand at (its area places' label points included). */
export function eventPositions(e: EventFeature): [number, number][] {
	const g = e.geometry;
	return (g.type === 'Point' ? [g.coordinates] : g.coordinates) as [number, number][];
}

/** Whether any of an event's positions lies in the [west, south, east, north] box. */
export function eventInBounds(e: EventFeature, [w, s, east, n]: [number, number, number, number]): boolean {
	return eventPositions(e).some(([x, y]) => x >= w && x <= east && y >= s && y <= n);
}
