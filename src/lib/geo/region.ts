/**
 * Constants of the mapped region, shared by the basemap extraction, the validator and the map.
 */

/** The distance from the Afghanistan–Pakistan border that defines the border belt, in km. */
export const BORDER_BELT_KM = 50;

/** [west, south, east, north] of everything the basemap keeps (degrees, WGS84). */
export const REGION_BBOX: [number, number, number, number] = [46, 14, 88, 46];

/** How far the user may pan: the basemap's extent, so the clipped edges stay off screen. */
export const MAX_BOUNDS: [[number, number], [number, number]] = [
	[REGION_BBOX[0], REGION_BBOX[1]],
	[REGION_BBOX[2], REGION_BBOX[3]]
];

/** What the map fits on first load: Afghanistan and Pakistan with a little margin. */
export const INITIAL_BOUNDS: [[number, number], [number, number]] = [
	[60.4, 23.6],
	[77.9, 38.6]
];

/** ISO 3166-1 numeric ids of the two countries the atlas is about. */
export const FOCUS_COUNTRIES = { AF: '004', PK: '586' } as const;
