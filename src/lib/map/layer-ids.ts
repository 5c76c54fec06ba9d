/**
 * The ids of the map's sources and of the layers the code reaches by id (to filter, query or
 * highlight), named once. The style modules build layers with these ids and the map components
 * use them; a unit test checks that every one of them exists in the style.
 */

/** The GeoJSON sources of the basemap, one per object of geodata/basemap.topo.json. */
export const BASEMAP_SOURCES = [
	'land',
	'countries',
	'provinces',
	'fata',
	'border',
	'belt',
	'labels'
] as const;
export type BasemapSource = (typeof BASEMAP_SOURCES)[number];

/** The sources of the atlas's own data, filled by the map's layer components. */
export const DATA_SOURCES = { places: 'places', events: 'events' } as const;

export const EVENT_LAYER = {
	/** The mark under a symbol that says how precisely its place is known. */
	precision: 'events-precision',
	/** A ring around the selected or hovered events. */
	highlight: 'events-highlight',
	symbol: 'events-symbol',
	cluster: 'events-cluster'
} as const;

export const PLACE_LAYER = {
	selected: 'places-selected',
	dot: 'places-dot',
	label: 'places-label',
	/** The place's name in Arabic script, under its English name. */
	nativeLabel: 'places-label-native'
} as const;

/** Country and province names in Arabic script, under the English ones. */
export const NATIVE_LABEL_LAYER = {
	countries: 'country-labels-native',
	provinces: 'province-labels-native'
} as const;

/** The area fills that light up a selected province or country (by feature-state). */
export const AREA_HIGHLIGHT_LAYER = {
	countries: 'area-highlight-countries',
	provinces: 'area-highlight-provinces'
} as const;

/** The relief tint and the rivers (style in terrain.ts). */
export const TERRAIN_SOURCE = { relief: 'terrain-relief', rivers: 'rivers' } as const;

export const TERRAIN_LAYER = {
	relief: 'terrain-relief',
	riversMain: 'rivers-main',
	riversTributary: 'rivers-tributary',
	riversMinor: 'rivers-minor',
	riverLabelsRegional: 'river-labels-regional',
	riverLabels: 'river-labels'
} as const;

/** The basemap layer the data layers are drawn beneath, so country names stay on top. */
export const DATA_LAYERS_BEFORE = 'country-labels';
