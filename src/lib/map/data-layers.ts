/**
 * Style as code for the atlas's own data, drawn over the basemap: the gazetteer's places and the
 * reported events. Events carry their group's shape and colour (icons registered by the map from
 * symbols.ts) over a mark of their location precision; events at the same spot cluster into a
 * counted circle that lists them, so none is ever hidden under another.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR, FONT_SEMIBOLD } from './fonts.ts';
import type { Palette } from './palette.ts';

/** Place types drawn as points; countries, provinces and regions are drawn as areas instead. */
export const POINT_PLACE_TYPES = ['city', 'town', 'crossing', 'port', 'district', 'valley'];

export const iconFor = (group: string) => `group-${group}`;
export const PRECISION_ICONS = {
	approximate: 'precision-approximate',
	district: 'precision-district',
	area: 'precision-area'
} as const;

/** Layer ids by what they show, for interaction and toggles. */
export const EVENT_LAYERS = { cluster: 'events-cluster', symbol: 'events-symbol' } as const;
export const PLACE_LAYERS = ['places-dot', 'places-label'] as const;

/** Clustering keeps identical positions clustered up to the map's maximum zoom. */
export const EVENT_CLUSTER = { cluster: true, clusterRadius: 26, clusterMaxZoom: 12 } as const;

const isPointPlace: ExpressionSpecification = ['in', ['get', 'type'], ['literal', POINT_PLACE_TYPES]];
const isCluster: ExpressionSpecification = ['has', 'point_count'];
const notCluster: ExpressionSpecification = ['!', isCluster];
const stateIs = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/**
 * A paint value made data-driven without changing it. The circle layers all drive the same five
 * properties from the data, so MapLibre compiles one circle shader for the three of them instead
 * of three (each compile is slow on software WebGL).
 */
const dataDriven = (value: number | string): ExpressionSpecification => [
	'case',
	stateIs('selected'),
	value,
	value
];

export function dataLayers(p: Palette): LayerSpecification[] {
	return [
		{
			id: 'places-dot',
			type: 'circle',
			source: 'places',
			filter: isPointPlace,
			paint: {
				// Exact: solid dot. District seat or approximate: a ring, so it does not look exact.
				'circle-radius': ['case', stateIs('selected'), 6, ['match', ['get', 'precision'], 'exact', 3.5, 4.5]],
				'circle-color': ['match', ['get', 'precision'], 'exact', p.placeDot, p.labelHalo],
				'circle-opacity': dataDriven(1),
				'circle-stroke-color': ['case', stateIs('selected'), p.selection, p.placeDot],
				'circle-stroke-width': [
					'case',
					stateIs('selected'),
					3,
					['match', ['get', 'precision'], 'exact', 1, 1.6]
				]
			}
		},
		{
			id: 'places-label',
			type: 'symbol',
			source: 'places',
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
		},
		{
			id: 'events-precision',
			type: 'symbol',
			source: 'events',
			filter: ['all', notCluster, ['!=', ['get', 'precision'], 'exact']],
			layout: {
				'icon-image': [
					'match',
					['get', 'precision'],
					'approximate',
					PRECISION_ICONS.approximate,
					'district',
					PRECISION_ICONS.district,
					PRECISION_ICONS.area
				],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			id: 'events-highlight',
			type: 'circle',
			source: 'events',
			filter: notCluster,
			paint: {
				'circle-radius': dataDriven(14),
				'circle-color': dataDriven(p.selection),
				'circle-opacity': ['case', stateIs('selected'), 0.25, stateIs('hover'), 0.15, 0],
				'circle-stroke-color': dataDriven(p.selection),
				'circle-stroke-width': ['case', stateIs('selected'), 3, stateIs('hover'), 2, 0]
			}
		},
		{
			id: EVENT_LAYERS.symbol,
			type: 'symbol',
			source: 'events',
			filter: notCluster,
			layout: {
				'icon-image': ['concat', 'group-', ['get', 'group']],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			id: EVENT_LAYERS.cluster,
			type: 'circle',
			source: 'events',
			filter: isCluster,
			paint: {
				'circle-color': dataDriven(p.cluster),
				'circle-radius': ['step', ['get', 'point_count'], 11, 5, 14, 15, 18],
				'circle-opacity': dataDriven(1),
				'circle-stroke-color': ['case', stateIs('hover'), p.selection, p.labelHalo],
				'circle-stroke-width': ['case', stateIs('hover'), 3, 2]
			}
		},
		{
			id: 'events-cluster-count',
			type: 'symbol',
			source: 'events',
			filter: isCluster,
			layout: {
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
