/**
 * Style as code for the atlas's own data: the gazetteer's places and the reported events, drawn
 * over the basemap. Events use their group's shape and colour (icons registered by the map from
 * src/lib/map/symbols.ts); places are small marks whose style says how precise their position is.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { FONT_REGULAR } from './fonts';
import type { Palette } from './palette';

export const DATA_SOURCES = ['places', 'events'] as const;

/** Place types drawn as points; countries, provinces and regions are drawn as areas instead. */
export const POINT_PLACE_TYPES = ['city', 'town', 'crossing', 'port', 'district', 'valley'];

export const iconFor = (group: string) => `group-${group}`;

const isPointPlace: ExpressionSpecification = ['in', ['get', 'type'], ['literal', POINT_PLACE_TYPES]];

export function dataLayers(p: Palette): LayerSpecification[] {
	return [
		{
			id: 'places-dot',
			type: 'circle',
			source: 'places',
			filter: isPointPlace,
			paint: {
				// Exact: solid dot. District seat or approximate: a ring, so it does not look exact.
				'circle-radius': ['match', ['get', 'precision'], 'exact', 3.5, 4.5],
				'circle-color': ['match', ['get', 'precision'], 'exact', p.placeDot, p.labelHalo],
				'circle-stroke-color': p.placeDot,
				'circle-stroke-width': ['match', ['get', 'precision'], 'exact', 1, 1.6]
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
			id: 'events-symbol',
			type: 'symbol',
			source: 'events',
			layout: {
				'icon-image': ['concat', 'group-', ['get', 'group']],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true,
				'icon-offset': [0, -14]
			}
		}
	];
}
