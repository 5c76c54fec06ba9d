/**
 * What the map's event layer draws: one point per event and place it happened at (an event in
 * Torkham and Kabul is two points), for the visible events only (groups on, in the time window).
 * Clustering works on points, and hidden groups must not be counted in clusters, so the map's
 * source holds the points of the visible events only; when they change it is sent the difference
 * (./drawn-points.ts), and each event's points are made once. Each point carries its event's first
 * and last possible day as numbers, so that the layers filter by the time window on the GPU in
 * the very next frame, while the clusters are recounted.
 *
 * A place known only as a whole area (a country, a province, a region) has no honest point: its
 * label point is not where anything happened, and events stacked there would cluster into a
 * counted disc as if they had all happened at that spot. Such places are never drawn as points;
 * their events are listed apart (`isAreaOnly`) and light up their area when selected or hovered.
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import { placesDrawn, type EventFeature } from '../schema/exported.ts';
import type { LocationPrecision } from '../schema/model.ts';
import { dayNumber } from '../time/day-number.ts';

export interface EventPointProperties {
	/** Unique per point: `<event id>@<index>`; the map's promoteId. */
	key: string;
	event: string;
	group: string;
	title: string;
	precision: LocationPrecision;
	/** The event's first and last possible day, in days since 1 January 1970 (./day-number.ts). */
	first: number;
	last: number;
}

export type EventPoint = Feature<Point, EventPointProperties>;

const madePoints = new WeakMap<EventFeature, EventPoint[]>();

/** The points one event is drawn at, made once per event record. */
export function pointsOf(e: EventFeature): EventPoint[] {
	let points = madePoints.get(e);
	if (points) return points;
	points = [];
	const drawn = placesDrawn(e.properties.places);
	const first = dayNumber(e.properties.dateFirst);
	const last = dayNumber(e.properties.dateLast);
	eventPositions(e).forEach((c, i) => {
		const precision = drawn[i]?.precision ?? e.properties.precision;
		if (precision === 'area') return;
		points.push({
			type: 'Feature',
			geometry: { type: 'Point', coordinates: c },
			properties: {
				key: `${e.properties.id}@${i}`,
				event: e.properties.id,
				group: e.properties.group,
				title: e.properties.title,
				// Each point says how precisely its own place is known.
				precision,
				first,
				last
			}
		});
	});
	madePoints.set(e, points);
	return points;
}

export function eventPoints(events: readonly EventFeature[]): FeatureCollection<Point, EventPointProperties> {
	return { type: 'FeatureCollection', features: events.flatMap(pointsOf) };
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
