/**
 * Style as code for the atlas's own data, drawn over the basemap: the gazetteer's places and the
 * reported events. Events carry their group's shape and colour (icons registered by the map from
 * symbols.ts) over a mark of their location precision; events at the same spot cluster into a
 * counted circle that lists them, so none is ever hidden under another.
 */
import type { ExpressionSpecification, GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl';
import type { TimeWindow } from '../time/window.ts';
import { dayNumber } from '../time/day-number.ts';
import { FONT_REGULAR, FONT_SEMIBOLD } from './fonts.ts';
import { DATA_SOURCES, EVENT_LAYER, PLACE_LAYER } from './layer-ids.ts';
import type { Palette } from './palette.ts';

/** Place types drawn as points; countries, provinces and regions are drawn as areas instead. */
const POINT_PLACE_TYPES = ['city', 'town', 'crossing', 'port', 'district', 'valley'];

export const iconFor = (group: string) => `group-${group}`;
export const PRECISION_ICONS = {
	approximate: 'precision-approximate',
	district: 'precision-district'
} as const;

/**
 * Clustering keeps identical positions clustered up to the map's maximum zoom. Each cluster knows
 * the earliest and latest day of its events, so a time filter can hide it on the GPU at once.
 */
export const EVENT_CLUSTER = {
	cluster: true,
	clusterRadius: 26,
	clusterMaxZoom: 12,
	clusterProperties: {
		first: ['min', ['get', 'first']],
		last: ['max', ['get', 'last']]
	}
} satisfies Pick<
	GeoJSONSourceSpecification,
	'cluster' | 'clusterRadius' | 'clusterMaxZoom' | 'clusterProperties'
>;

const isPointPlace: ExpressionSpecification = ['in', ['get', 'type'], ['literal', POINT_PLACE_TYPES]];
const isCluster: ExpressionSpecification = ['has', 'point_count'];
const notCluster: ExpressionSpecification = ['!', isCluster];
const stateIs = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/**
 * Marks drawn as icons rather than circles: every distinct shader program costs a compile on
 * first paint, which is slow on software WebGL, and the event symbols already use the icon one.
 * The circle layers below only ever draw what is selected or hovered (their filter is set by the
 * map), so their shader is compiled on first selection, not on load.
 */
export const MARK_ICONS = { placeExact: 'place-exact', placeRing: 'place-ring', cluster: 'cluster' } as const;

/** Features whose `property` is one of `ids` (none, for an empty list: the highlight layers start empty). */
export const whereIn = (property: string, ids: string[]): ExpressionSpecification => [
	'in',
	['get', property],
	['literal', ids]
];

/** The places: a ring for the selected ones, a mark for each (exact or not) and its name. */
export function placeLayers(p: Palette): LayerSpecification[] {
	return [
		{
			id: PLACE_LAYER.selected,
			type: 'circle',
			source: DATA_SOURCES.places,
			filter: whereIn('id', []),
			paint: {
				'circle-radius': 8,
				'circle-color': p.selection,
				'circle-opacity': 0.2,
				'circle-stroke-color': p.selection,
				'circle-stroke-width': 3
			}
		},
		{
			id: PLACE_LAYER.dot,
			type: 'symbol',
			source: DATA_SOURCES.places,
			filter: isPointPlace,
			layout: {
				// Exact: solid dot. District seat or approximate: a ring, so it does not look exact.
				'icon-image': ['match', ['get', 'precision'], 'exact', MARK_ICONS.placeExact, MARK_ICONS.placeRing],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			// Beneath the English names, so those are placed first and never give way to these.
			id: PLACE_LAYER.nativeLabel,
			type: 'symbol',
			source: DATA_SOURCES.places,
			filter: ['all', isPointPlace, ['has', 'nativeName']],
			layout: {
				// Shown by the local-names overlay, off until asked for.
				visibility: 'none',
				'text-field': ['get', 'nativeName'],
				'text-font': [FONT_REGULAR],
				'text-size': 11.5,
				'text-anchor': 'top-left',
				'text-offset': [0.7, 1.1],
				'text-optional': true
			},
			paint: { 'text-color': p.labelCountryMuted, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 }
		},
		{
			id: PLACE_LAYER.label,
			type: 'symbol',
			source: DATA_SOURCES.places,
			filter: isPointPlace,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_REGULAR],
				'text-size': 11.5,
				'text-anchor': 'left',
				'text-offset': [0.7, 0],
				'text-optional': true
			},
			paint: { 'text-color': p.labelCountry, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.5 }
		}
	];
}

/**
 * The event layers' filters for a time window (and the visible groups, when given): points (and
 * clusters) whose days reach into it.
 * The source is also brought to the visible events (./drawn-points.ts); the filters take effect in
 * the next frame, before the map's worker has recounted the clusters, and the two always agree.
 */
export function eventFilters(w: TimeWindow | null, groups?: readonly string[]) {
	const inWindow: ExpressionSpecification[] = w
		? [
				['<=', ['get', 'first'], dayNumber(w.to)],
				['>=', ['get', 'last'], dayNumber(w.from)]
			]
		: [];
	// A group switched off goes from the points at once too (a cluster has no group: it waits).
	const points: ExpressionSpecification[] = [...inWindow, ...(groups ? [whereIn('group', [...groups])] : [])];
	return {
		[EVENT_LAYER.precision]: ['all', notCluster, ['!=', ['get', 'precision'], 'exact'], ...points],
		[EVENT_LAYER.symbol]: ['all', notCluster, ...points],
		[EVENT_LAYER.cluster]: ['all', isCluster, ...inWindow],
		/** The highlight ring's, for the events it rings. */
		highlight: (ids: string[]): ExpressionSpecification => [
			'all',
			notCluster,
			whereIn('event', ids),
			...points
		]
	} satisfies Record<string, ExpressionSpecification | ((ids: string[]) => ExpressionSpecification)>;
}

/** The events: a precision mark under each symbol, a highlight ring, the group symbol, clusters. */
export function eventLayers(
	p: Palette,
	w: TimeWindow | null = null,
	groups?: readonly string[]
): LayerSpecification[] {
	const filters = eventFilters(w, groups);
	return [
		{
			id: EVENT_LAYER.precision,
			type: 'symbol',
			source: DATA_SOURCES.events,
			filter: filters[EVENT_LAYER.precision],
			layout: {
				'icon-image': [
					'match',
					['get', 'precision'],
					'approximate',
					PRECISION_ICONS.approximate,
					PRECISION_ICONS.district
				],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			id: EVENT_LAYER.highlight,
			type: 'circle',
			source: DATA_SOURCES.events,
			filter: filters.highlight([]),
			paint: {
				'circle-radius': 14,
				'circle-color': p.selection,
				'circle-opacity': ['case', stateIs('selected'), 0.25, 0.15],
				'circle-stroke-color': p.selection,
				'circle-stroke-width': ['case', stateIs('selected'), 3, 2]
			}
		},
		{
			id: EVENT_LAYER.symbol,
			type: 'symbol',
			source: DATA_SOURCES.events,
			filter: filters[EVENT_LAYER.symbol],
			layout: {
				'icon-image': ['concat', 'group-', ['get', 'group']],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			id: EVENT_LAYER.cluster,
			type: 'symbol',
			source: DATA_SOURCES.events,
			filter: filters[EVENT_LAYER.cluster],
			layout: {
				'icon-image': MARK_ICONS.cluster,
				'icon-size': ['step', ['get', 'point_count'], 0.8, 5, 1, 15, 1.25],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true,
				'text-field': ['get', 'point_count_abbreviated'],
				'text-font': [FONT_SEMIBOLD],
				'text-size': 12,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': p.clusterText }
		}
	];
}
