/**
 * Where the camera goes to show a place or an event: a zoom that suits what the place is (a
 * country is not shown at street level), and all of an event's sites at once, in the part of the
 * map the page's panels leave uncovered.
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

/** How much of the map the page's panels cover, in CSS pixels, from its bottom and its left edge. */
export interface MapCover {
	bottom: number;
	left: number;
}

/**
 * The cover the page declares on the map's container or an ancestor, as the custom properties
 * `--map-cover-bottom` (a phone's bottom sheet) and `--map-cover-left` (a tablet's side sheet), in
 * pixels. The map itself fills the screen behind them and never changes size: only its padding
 * follows them.
 */
export function mapCover(container: HTMLElement): MapCover {
	if (typeof getComputedStyle !== 'function') return { bottom: 0, left: 0 };
	const style = getComputedStyle(container);
	const px = (name: string) => {
		const value = parseFloat(style.getPropertyValue(name));
		return Number.isFinite(value) && value > 0 ? value : 0;
	};
	return { bottom: px('--map-cover-bottom'), left: px('--map-cover-left') };
}

const MARGIN = 40;
/** The room the details panel takes over the right of a wide map. */
const DETAILS_ROOM = 400;
const WIDE = 700;
/** However much is covered, the padding leaves at least a quarter of the map to show things in. */
const MAX_PADDED_SHARE = 0.75;

/** Two paddings of one axis, shrunk in proportion when together they would leave too little. */
function fitAxis(start: number, end: number, length: number): [number, number] {
	const most = Math.max(0, length * MAX_PADDED_SHARE);
	if (start + end <= most) return [start, end];
	const k = most / (start + end);
	return [Math.round(start * k), Math.round(end * k)];
}

/**
 * The camera's padding for a map of `size`: a margin all round, room for the details panel over
 * the right of a wide map when it is open there, and the part the page's sheets cover.
 */
export function paddingFor(
	size: { width: number; height: number },
	cover: MapCover,
	panelOpen: boolean
): Required<PaddingOptions> {
	const right = panelOpen && size.width > WIDE ? DETAILS_ROOM : MARGIN;
	const [left, r] = fitAxis(MARGIN + cover.left, right, size.width);
	const [top, bottom] = fitAxis(MARGIN, MARGIN + cover.bottom, size.height);
	return { top, bottom, left, right: r };
}

/** Leaves room for the details panel over the right of the map when it is open, and for the sheets. */
function cameraPadding(map: MapLibreMap, panelOpen: boolean): PaddingOptions {
	const container = map.getContainer();
	return paddingFor(
		{ width: container.clientWidth, height: container.clientHeight },
		mapCover(container),
		panelOpen
	);
}

/**
 * The sheets moved: shift the map's padding to the part left uncovered, so what was in the middle
 * of the visible map stays there (the map's size never changes; a resize reloads every tile).
 */
export function followCover(map: MapLibreMap, panelOpen: boolean): void {
	map.easeTo({
		padding: cameraPadding(map, panelOpen),
		duration: reducedMotion() ? 0 : 200,
		essential: true
	});
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
