/**
 * Where the border's name is written. The drawn line bends at nearly every vertex, and MapLibre
 * writes a name along a line only where it bends less than `text-max-angle` from one letter to
 * the next, so along the real line the name never fits. The name is written instead at points
 * spaced along the line, each turned to the line's general direction there (taken from a
 * simplified copy, so one zig-zag does not turn it) and kept upright.
 */
import { along, bearing, length, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';

/** Degrees of the simplified copy: about 11 km. */
const SIMPLIFY_DEGREES = 0.1;
/** Kilometres between two names along the line, and the stretch each name is turned along. */
export const LABEL_SPACING_KM = 260;
const DIRECTION_SPAN_KM = 40;

/** The border's source id for the name's points (filled by the basemap layer component). */
export const BORDER_LABEL_SOURCE = 'border-label-points';

/** A map bearing (degrees clockwise from north) as a text rotation that keeps the text upright. */
export function uprightRotation(compassBearing: number): number {
	let r = compassBearing - 90;
	while (r > 90) r -= 180;
	while (r < -90) r += 180;
	return r;
}

export function borderLabelPoints(border: FeatureCollection): FeatureCollection<Point, { rotate: number }> {
	const simplified = simplify(border, { tolerance: SIMPLIFY_DEGREES, highQuality: true, mutate: false });
	const features: Feature<Point, { rotate: number }>[] = [];
	for (const f of simplified.features as Feature<LineString | MultiLineString>[]) {
		const parts = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
		for (const coordinates of parts) {
			const line: Feature<LineString> = {
				type: 'Feature',
				properties: {},
				geometry: { type: 'LineString', coordinates }
			};
			const km = length(line, { units: 'kilometers' });
			for (let at = LABEL_SPACING_KM / 2; at < km; at += LABEL_SPACING_KM) {
				const before = along(line, Math.max(0, at - DIRECTION_SPAN_KM / 2), { units: 'kilometers' });
				const after = along(line, Math.min(km, at + DIRECTION_SPAN_KM / 2), { units: 'kilometers' });
				features.push({
					type: 'Feature',
					properties: { rotate: uprightRotation(bearing(before, after)) },
					geometry: along(line, at, { units: 'kilometers' }).geometry
				});
			}
		}
	}
	return { type: 'FeatureCollection', features };
}
