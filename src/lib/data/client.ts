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

const DATA_URLS = {
	basemap: asset(`/${BASEMAP_PATH}`),
	rivers: asset(`/${RIVERS_PATH}`),
	borderLabels: asset(`/${BORDER_LABELS_PATH}`),
	places: asset('/data/places.geojson'),
	events: asset('/data/events.geojson')
};

/** Everything to `<link rel="preload" as="fetch">`: the data and the map's label fonts. */
export const PRELOAD_URLS = [...Object.values(DATA_URLS), ...Object.values(FONT_FILES).map((f) => f.latin)];

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

export function fetchBasemap(): Promise<BasemapData> {
	return Promise.all([
		getJson<Topology>(DATA_URLS.basemap),
		getJson<Topology>(DATA_URLS.rivers),
		getJson<FeatureCollection>(DATA_URLS.borderLabels)
	]).then(([boundaries, rivers, borderLabels]) => ({ boundaries, rivers, borderLabels }));
}

/** The bundled places and events, for the evidence store. */
export function fetchBundledEvidence(): Promise<{ places: PlaceFeature[]; events: EventFeature[] }> {
	return Promise.all([
		getJson<PlacesCollection>(DATA_URLS.places),
		getJson<EventsCollection>(DATA_URLS.events)
	]).then(([places, events]) => ({ places: places.features, events: events.features }));
}
