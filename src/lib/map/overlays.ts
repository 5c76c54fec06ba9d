/**
 * The overlays a user can hide, in panel order: for each, its id (also the URL's `hide=` value),
 * its label in the layer panel and the ids of the layers it shows. This table is the one place an
 * overlay is named; the style modules build the layers, and a unit test checks that every layer
 * named here exists in the style. A layer named by two overlays shows only while both are on (the
 * places' names in Arabic script need the places and the local names).
 */
import { NATIVE_LABEL_LAYER, PLACE_LAYER, TERRAIN_LAYER } from './layer-ids.ts';

export const OVERLAYS = [
	{ id: 'provinces', label: 'Provinces and labels', layers: ['provinces-line', 'province-labels'] },
	{ id: 'belt', label: 'Border belt (50 km)', layers: ['belt-fill', 'belt-line'] },
	{ id: 'fata', label: 'Former FATA (historical)', layers: ['fata-line'] },
	{
		id: 'border',
		label: 'Afghanistan–Pakistan border',
		layers: ['border-casing', 'border-line', 'border-label']
	},
	{ id: 'places', label: 'Places', layers: [PLACE_LAYER.dot, PLACE_LAYER.label, PLACE_LAYER.nativeLabel] },
	{
		id: 'native',
		label: 'Names in Pashto, Dari and Urdu',
		layers: [PLACE_LAYER.nativeLabel, NATIVE_LABEL_LAYER.provinces, NATIVE_LABEL_LAYER.countries],
		// Off until asked for: a second line under every name, and a script font to fetch.
		hiddenByDefault: true
	},
	{ id: 'relief', label: 'Relief (height tint)', layers: [TERRAIN_LAYER.relief] },
	{
		id: 'rivers',
		label: 'Rivers',
		layers: [
			TERRAIN_LAYER.riversMain,
			TERRAIN_LAYER.riversTributary,
			TERRAIN_LAYER.riversMinor,
			TERRAIN_LAYER.riverLabelsRegional,
			TERRAIN_LAYER.riverLabels
		]
	}
] as const satisfies readonly {
	id: string;
	label: string;
	layers: readonly string[];
	hiddenByDefault?: boolean;
}[];

export type OverlayId = (typeof OVERLAYS)[number]['id'];

export const OVERLAY_IDS: readonly OverlayId[] = OVERLAYS.map((o) => o.id);

/** The overlays a first visit (and a link without `hide=`) starts with hidden. */
export const DEFAULT_HIDDEN_OVERLAYS: readonly OverlayId[] = OVERLAYS.filter(
	(o) => 'hiddenByDefault' in o && o.hiddenByDefault
).map((o) => o.id);

/**
 * Whether each overlay layer shows, given the hidden overlays: a layer shows only while every
 * overlay that names it is on.
 */
export function layerVisibility(hidden: readonly string[]): Map<string, 'visible' | 'none'> {
	const visibility = new Map<string, 'visible' | 'none'>();
	for (const overlay of OVERLAYS) {
		for (const id of overlay.layers) {
			if (hidden.includes(overlay.id)) visibility.set(id, 'none');
			else if (!visibility.has(id)) visibility.set(id, 'visible');
		}
	}
	return visibility;
}
