/**
 * Where the border's name is written: the points along the line, each turned to the line's
 * general direction there, are computed at build time (`border-label-points.ts`, published at
 * BORDER_LABELS_PATH) so the browser only reads them and never loads turf for them.
 */

/** The border's source id for the name's points (filled by the basemap layer component). */
export const BORDER_LABEL_SOURCE = 'border-label-points';

/** Where the build publishes the name's points (src/routes/data/border-labels.geojson). */
export const BORDER_LABELS_PATH = 'data/border-labels.geojson';

/** A map bearing (degrees clockwise from north) as a text rotation that keeps the text upright. */
export function uprightRotation(compassBearing: number): number {
	let r = compassBearing - 90;
	while (r > 90) r -= 180;
	while (r < -90) r += 180;
	return r;
}
