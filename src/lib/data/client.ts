/**
 * The browser's side of the bundled data: the basemap topology (for the map) and the published
 * places and events (for the evidence store), fetched in parallel as early as possible, plus the
 * URLs to preload them.
 */
import { browser } from '$app/environment';
import { asset } from '$app/paths';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection } from 'geojson';
import { BASEMAP_PATH } from '$lib/map/basemap';
import { BORDER_LABELS_PATH } from '$lib/map/border-label';
import { RIVERS_PATH } from '$lib/map/terrain';
import { FONT_FILES } from '$lib/map/fonts';
import type { EventFeature, EventsCollection, PlaceFeature, PlacesCollection } from '$lib/schema/exported';

const DATA_PATHS = {
	basemap: `/${BASEMAP_PATH}`,
	rivers: `/${RIVERS_PATH}`,
	borderLabels: `/${BORDER_LABELS_PATH}`,
	places: '/data/places.geojson',
	events: '/data/events.geojson'
};

/**
 * A bundled file's address. Resolved when called, never at module load: while a page is
 * prerendered `asset()` gives an address relative to that page (`./data/…`, `../data/…`), which is
 * what lets the site work from any folder of a static host; evaluated once at load, it would be
 * rooted at `/` for every page.
 */
const dataUrl = (name: keyof typeof DATA_PATHS) => asset(DATA_PATHS[name]);

/**
 * Everything to `<link rel="preload" as="fetch">`: the data and the map's label fonts. Call it in
 * the page's markup. A font's address is rooted at `/` while prerendering (Vite's asset URL), and
 * is made relative to the page the same way.
 */
export function preloadUrls(): string[] {
	const fonts = Object.values(FONT_FILES).map((f) =>
		f.latin.startsWith('/') ? asset(f.latin as '/') : f.latin
	);
	return [...Object.keys(DATA_PATHS).map((k) => dataUrl(k as keyof typeof DATA_PATHS)), ...fonts];
}

function getJson<T>(url: string): Promise<T> {
	// While prerendering there is nothing to fetch: the page is drawn empty and filled in the browser.
	if (!browser) return new Promise(() => {});
	return fetch(url).then((r) => {
		if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
		return r.json() as Promise<T>;
	});
}

/** The basemap's topologies, boundaries and rivers, and the border's name points: only a map needs them. */
export interface BasemapData {
	boundaries: Topology;
	rivers: Topology;
	/** Computed at build time (src/lib/map/border-label-points.ts). */
	borderLabels: FeatureCollection;
}

/** The boundaries alone (countries, provinces, labels), for a map or a point-in-province lookup. */
export const fetchBoundaries = (): Promise<Topology> => getJson<Topology>(dataUrl('basemap'));

export function fetchBasemap(): Promise<BasemapData> {
	return Promise.all([
		fetchBoundaries(),
		getJson<Topology>(dataUrl('rivers')),
		getJson<FeatureCollection>(dataUrl('borderLabels'))
	]).then(([boundaries, rivers, borderLabels]) => ({ boundaries, rivers, borderLabels }));
}

/** The bundled places and events, for the evidence store. */
export function fetchBundledEvidence(): Promise<{ places: PlaceFeature[]; events: EventFeature[] }> {
	return Promise.all([
		getJson<PlacesCollection>(dataUrl('places')),
		getJson<EventsCollection>(dataUrl('events'))
	]).then(([places, events]) => ({ places: places.features, events: events.features }));
}
