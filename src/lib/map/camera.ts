/**
 * Where the camera goes to show a place or an event: a zoom that suits what the place is (a
 * country is not shown at street level), and all of an event's sites at once.
 */
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { EventFeature, PlaceFeature } from '../schema/exported.ts';
import { eventPositions } from './event-points.ts';

const ZOOM_BY_TYPE: Record<string, number> = {
	country: 5,
	'historical-region': 6.5,
	region: 6,
	province: 6.8,
	district: 7.5,
	valley: 7.5,
	city: 7.5,
	town: 8,
	port: 7.5,
	crossing: 8.5
};

/** Leaves room for the details panel over the right of the map when it is open. */
function cameraPadding(map: MapLibreMap, panelOpen: boolean): PaddingOptions {
	const wide = map.getContainer().clientWidth > 700;
	return { top: 40, bottom: 40, left: 40, right: panelOpen && wide ? 400 : 40 };
}

function reducedMotion(): boolean {
	return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function showPlace(map: MapLibreMap, place: PlaceFeature, panelOpen = true): void {
	const zoom = ZOOM_BY_TYPE[place.properties.type] ?? 7;
	map.flyTo({
		center: place.geometry.coordinates as [number, number],
		zoom: Math.max(map.getMinZoom(), zoom),
		padding: cameraPadding(map, panelOpen),
		essential: true,
		animate: !reducedMotion()
	});
}

/** How close to go for an event: no closer than its least precise place deserves. */
const ZOOM_BY_PRECISION: Record<string, number> = { exact: 8, approximate: 7.5, district: 7, area: 5.5 };

export function showEvent(map: MapLibreMap, event: EventFeature, panelOpen = true): void {
	const points = eventPositions(event);
	const padding = cameraPadding(map, panelOpen);
	const zoom = ZOOM_BY_PRECISION[event.properties.precision] ?? 6.5;
	const animate = !reducedMotion();
	if (points.length === 1) {
		map.flyTo({ center: points[0], zoom, padding, essential: true, animate });
		return;
	}
	const lngs = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	map.fitBounds(
		[
			[Math.min(...lngs), Math.min(...lats)],
			[Math.max(...lngs), Math.max(...lats)]
		],
		{ padding, maxZoom: zoom, essential: true, animate }
	);
}
