/**
 * What the map's clustered event source holds, and the change that brings it to a new set of
 * visible events: the points to remove (by key, the source's promoteId) and the points to add.
 * Sending only the change (`GeoJSONSource.updateData`) keeps the page's thread free when the time
 * window moves over a large dataset: it copies to the map's worker only the points that come and
 * go, and MapLibre merges the changes that arrive while its worker is still busy with the last one.
 * When most points change (a first draw, a dataset switched on), the whole data is sent instead.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { EventFeature } from '../schema/exported.ts';
import { pointsOf, type EventPoint, type EventPointProperties } from './event-points.ts';

export type PointsChange =
	| { kind: 'none' }
	| { kind: 'all'; data: FeatureCollection<Point, EventPointProperties> }
	| { kind: 'diff'; remove: string[]; add: EventPoint[] };

export class DrawnPoints {
	/** The source's points by key. */
	#points = new Map<string, EventPoint>();

	get size(): number {
		return this.#points.size;
	}

	/** Takes the source to the points of these events, and says what to send it. */
	update(events: readonly EventFeature[]): PointsChange {
		const next = new Map<string, EventPoint>();
		for (const e of events) for (const p of pointsOf(e)) next.set(p.properties.key, p);
		const previous = this.#points;
		this.#points = next;
		const add: EventPoint[] = [];
		for (const [key, p] of next) if (previous.get(key) !== p) add.push(p);
		const remove: string[] = [];
		for (const key of previous.keys()) if (!next.has(key)) remove.push(key);
		if (!add.length && !remove.length) return { kind: 'none' };
		// Past half the points, one whole copy is cheaper than a change of that size.
		if (add.length + remove.length > next.size / 2)
			return { kind: 'all', data: { type: 'FeatureCollection', features: [...next.values()] } };
		return { kind: 'diff', remove, add };
	}
}
