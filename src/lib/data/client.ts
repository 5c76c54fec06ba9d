/**
 * The browser's side of the data: the three files every map view needs (basemap topology,
 * places, events), fetched in parallel as early as possible, plus the URLs to preload them.
 */
import { browser } from '$app/environment';
import { asset } from '$app/paths';
import type { Topology } from 'topojson-specification';
import { BASEMAP_PATH } from '$lib/map/basemap';
import { FONT_FILES } from '$lib/map/fonts';
import type { EventsCollection, PlacesCollection } from '$lib/schema/exported';

export interface AtlasData {
	basemap: Promise<Topology>;
	overlays: Promise<{ places: PlacesCollection; events: EventsCollection }>;
}

export const DATA_URLS = {
	basemap: asset(`/${BASEMAP_PATH}`),
	places: asset('/data/places.geojson'),
	events: asset('/data/events.geojson')
};

/** Everything to `<link rel="preload" as="fetch">`: the data and the map's label fonts. */
export const PRELOAD_URLS = [...Object.values(DATA_URLS), ...Object.values(FONT_FILES).map((f) => f.latin)];

function getJson<T>(url: string): Promise<T> {
	// While prerendering there is no map to draw: never resolve.
	if (!browser) return new Promise(() => {});
	return fetch(url).then((r) => {
		if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
		return r.json() as Promise<T>;
	});
}

export function fetchAtlasData(): AtlasData {
	const basemap = getJson<Topology>(DATA_URLS.basemap);
	const overlays = Promise.all([
		getJson<PlacesCollection>(DATA_URLS.places),
		getJson<EventsCollection>(DATA_URLS.events)
	]).then(([places, events]) => ({ places, events }));
	return { basemap, overlays };
}
