/**
 * Build time only (the prerendered /data/border-labels.geojson): where the border's name is
 * written. The drawn line bends at nearly every vertex, and MapLibre writes a name along a line only where it bends less than `text-max-angle` from one letter to
 * the next, so along the real line the name never fits. The name is written instead at points
 * spaced along the line, each turned to the line's general direction there (taken from a
 * simplified copy, so one zig-zag does not turn it) and kept upright.
 */
import { along, bearing, length, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import { decodeBasemap } from './basemap.ts';
import { uprightRotation } from './border-label.ts';

/** Degrees of the simplified copy: about 11 km. */
const SIMPLIFY_DEGREES = 0.1;
/** Kilometres between two names along the line, and the stretch each name is turned along. */
export const LABEL_SPACING_KM = 260;
const DIRECTION_SPAN_KM = 40;

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

/** The name's points for the basemap topology's border line. */
export function borderLabelsOf(boundaries: Topology): FeatureCollection<Point, { rotate: number }> {
	return borderLabelPoints(decodeBasemap(boundaries).border);
}
