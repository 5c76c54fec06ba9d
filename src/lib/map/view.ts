/**
 * The map's view: the camera as the atlas stores and shares it (centre and zoom), and the range
 * the map allows. One owner: the map's options, the URL parser and the state all use these.
 */
import { MAX_BOUNDS } from '../geo/region.ts';

/** A camera: zoom level and centre (WGS84 degrees). */
export interface MapCamera {
	zoom: number;
	lat: number;
	lng: number;
}

/** How far the map may zoom and pan: the basemap's extent, so its clipped edges stay off screen. */
export const VIEW_RANGE = {
	minZoom: 3.5,
	maxZoom: 12,
	maxBounds: MAX_BOUNDS
} as const;

const [[WEST, SOUTH], [EAST, NORTH]] = VIEW_RANGE.maxBounds;

/**
 * Why a camera is outside what the map can show (a zoom it cannot reach, a centre outside the
 * mapped region), or null when it is inside. A shared link's view is checked with this, so the map
 * is never silently moved somewhere other than what the link says.
 */
export function cameraProblem({ zoom, lat, lng }: MapCamera): string | null {
	if (!(zoom >= VIEW_RANGE.minZoom && zoom <= VIEW_RANGE.maxZoom))
		return `zoom must be between ${VIEW_RANGE.minZoom} and ${VIEW_RANGE.maxZoom}`;
	if (!(lat >= SOUTH && lat <= NORTH))
		return `latitude must be between ${SOUTH} and ${NORTH} (the mapped region)`;
	if (!(lng >= WEST && lng <= EAST))
		return `longitude must be between ${WEST} and ${EAST} (the mapped region)`;
	return null;
}

const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** The nearest camera the map allows: what a link writes always reads back without a notice. */
export function clampCamera({ zoom, lat, lng }: MapCamera): MapCamera {
	return {
		zoom: clamp(zoom, VIEW_RANGE.minZoom, VIEW_RANGE.maxZoom),
		lat: clamp(lat, SOUTH, NORTH),
		lng: clamp(lng, WEST, EAST)
	};
}
