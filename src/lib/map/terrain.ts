/**
 * Relief and rivers as style code: the two sources and pure functions from a palette to their
 * MapLibre layers, plus `withTerrain`, which slots those layers into the basemap's layer list.
 *
 * - Relief: an `image` source (static/terrain/relief.png, a soft hypsometric tint baked by the
 *   extraction, transparent on lowland) drawn right above the land fills and below every area
 *   tint, line and label. Drawn over opaque land fills rather than under translucent ones: the
 *   fills' colours (and the tested label contrast on them) stay as they are on the plains, and
 *   the tint only darkens the hills a little.
 * - Rivers: one GeoJSON source (data/rivers.topo.json, decoded by `decodeRivers`) holding the
 *   WDBII network (kind "river", with its level) and the hand-named stretches (kind "name").
 *   Lines draw above the area tints and below the boundaries; labels follow the named lines and
 *   rank below province and country names.
 */
import type {
	GeoJSONSourceSpecification,
	ImageSourceSpecification,
	LayerSpecification,
	LineLayerSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { REGION_BBOX } from '../geo/region.ts';
import { FONT_REGULAR } from './fonts.ts';
import type { Palette } from './palette.ts';
import { TERRAIN_LAYER, TERRAIN_SOURCE } from './layer-ids.ts';

export { TERRAIN_LAYER, TERRAIN_SOURCE } from './layer-ids.ts';

/** The zoom at which the river labels switch from the coarse label lines to the finer ones. */
export const LABEL_DETAIL_ZOOM = 6.5;

/** Where the built site serves the two files (relative to the site root). */
export const RELIEF_PATH = 'terrain/relief.png';
export const RIVERS_PATH = 'data/rivers.topo.json';

/** The relief image covers the region exactly; the extraction writes its rows in Web Mercator. */
export const RELIEF_BOUNDS = REGION_BBOX;

/** How strongly the baked tint is drawn: 1 keeps the ramp's own opacities (relief-ramp.ts). */
export const RELIEF_OPACITY = 1;

/** Shown in the map's attribution control; provenance and licences are in geodata/README.md. */
export const TERRAIN_ATTRIBUTION = 'Rivers: GSHHG WDBII (LGPL-3+); relief: SRTM via KDE Marble';

/** The corners of the relief image, clockwise from the top left, as MapLibre wants them. */
export function reliefCoordinates(): ImageSourceSpecification['coordinates'] {
	const [w, s, e, n] = RELIEF_BOUNDS;
	return [
		[w, n],
		[e, n],
		[e, s],
		[w, s]
	];
}

/** Both sources, by id. The rivers start empty: the map fills them with `decodeRivers`. */
export function terrainSources(baseUrl: string): {
	[TERRAIN_SOURCE.relief]: ImageSourceSpecification;
	[TERRAIN_SOURCE.rivers]: GeoJSONSourceSpecification;
} {
	return {
		[TERRAIN_SOURCE.relief]: {
			type: 'image',
			url: new URL(RELIEF_PATH, baseUrl).href,
			coordinates: reliefCoordinates()
		},
		[TERRAIN_SOURCE.rivers]: {
			type: 'geojson',
			data: { type: 'FeatureCollection', features: [] },
			attribution: TERRAIN_ATTRIBUTION
		}
	};
}

/** The rivers topology as one feature collection, for the rivers source. */
export function decodeRivers(topology: Topology): FeatureCollection {
	const object = topology.objects.rivers;
	if (!object) throw new Error('rivers topology has no object "rivers"');
	return feature(topology, object as GeometryCollection) as FeatureCollection;
}

export function reliefLayers(): LayerSpecification[] {
	return [
		{
			id: TERRAIN_LAYER.relief,
			type: 'raster',
			source: TERRAIN_SOURCE.relief,
			paint: {
				'raster-opacity': RELIEF_OPACITY,
				'raster-resampling': 'linear',
				// No fade, like the symbols: the map settles sooner and prints the same.
				'raster-fade-duration': 0
			}
		}
	];
}

/** One line layer per rank, so widths need only zoom, never data: no extra shader variant. */
function riverLine(
	id: string,
	p: Palette,
	levels: number[],
	width: [number, number],
	minzoom?: number
): LineLayerSpecification {
	return {
		id,
		type: 'line',
		source: TERRAIN_SOURCE.rivers,
		...(minzoom === undefined ? {} : { minzoom }),
		filter: ['all', ['==', ['get', 'kind'], 'river'], ['in', ['get', 'level'], ['literal', levels]]],
		layout: { 'line-join': 'round', 'line-cap': 'round' },
		paint: {
			'line-color': p.river,
			'line-width': ['interpolate', ['linear'], ['zoom'], 4, width[0], 9, width[1]]
		}
	};
}

/**
 * The network by rank: the major rivers (WDBII levels 0–2) always; the additional rivers of the
 * two countries (level 3, among them the Kabul, Kunar and Gomal) from the regional view in; the
 * minor ones (level 4, such as the Kurram) only once a province fills the screen.
 */
export function riverLayers(p: Palette): LineLayerSpecification[] {
	return [
		riverLine(TERRAIN_LAYER.riversMinor, p, [4], [0.4, 1.1], 6.5),
		riverLine(TERRAIN_LAYER.riversTributary, p, [3], [0.6, 1.5], 4.5),
		riverLine(TERRAIN_LAYER.riversMain, p, [0, 1, 2], [0.9, 2.4])
	];
}

/** A label layer for one version of the label lines (see LABEL_LINE_TOLERANCE in the extraction). */
function riverLabels(
	id: string,
	p: Palette,
	detail: 'regional' | 'local',
	zooms: { minzoom: number; maxzoom?: number }
): SymbolLayerSpecification {
	return {
		id,
		type: 'symbol',
		source: TERRAIN_SOURCE.rivers,
		filter: ['all', ['==', ['get', 'kind'], 'name'], ['==', ['get', 'detail'], detail]],
		...zooms,
		layout: {
			'symbol-placement': 'line',
			'symbol-spacing': 250,
			'text-field': ['get', 'name'],
			'text-font': [FONT_REGULAR],
			'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10.5, 9, 13],
			'text-letter-spacing': 0.08,
			'text-max-angle': 40,
			'text-padding': 4
		},
		paint: { 'text-color': p.riverLabel, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.4 }
	};
}

/** River names along the named stretches: coarse label lines up to zoom 6.5, finer ones after. */
export function riverLabelLayers(p: Palette): SymbolLayerSpecification[] {
	return [
		riverLabels(TERRAIN_LAYER.riverLabelsRegional, p, 'regional', {
			minzoom: 4.5,
			maxzoom: LABEL_DETAIL_ZOOM
		}),
		riverLabels(TERRAIN_LAYER.riverLabels, p, 'local', { minzoom: LABEL_DETAIL_ZOOM })
	];
}

/** The basemap layers each group of terrain layers is drawn beneath. */
export const TERRAIN_BEFORE = {
	relief: 'area-highlight-countries',
	rivers: 'provinces-line',
	labels: 'province-labels'
} as const;

/**
 * The basemap's layers with the terrain's slotted in (a new array; the input is not changed).
 * Throws if the basemap lacks a layer the terrain is placed against, so a renamed basemap layer
 * cannot silently misplace the relief over the labels.
 */
export function withTerrain(basemap: LayerSpecification[], p: Palette): LayerSpecification[] {
	const groups: [string, LayerSpecification[]][] = [
		[TERRAIN_BEFORE.relief, reliefLayers()],
		[TERRAIN_BEFORE.rivers, riverLayers(p)],
		[TERRAIN_BEFORE.labels, riverLabelLayers(p)]
	];
	const out = [...basemap];
	for (const [before, layers] of groups) {
		const at = out.findIndex((l) => l.id === before);
		if (at < 0) throw new Error(`terrain layers go before "${before}", which the basemap lacks`);
		out.splice(at, 0, ...layers);
	}
	return out;
}
