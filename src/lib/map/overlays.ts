/**
 * The overlays a user can hide, in panel order: for each, its id (also the URL's `hide=` value),
 * its label in the layer panel and the ids of the layers it shows. This table is the one place an
 * overlay is named; the style modules build the layers, and a unit test checks that every layer
 * named here exists in the style.
 */
import { PLACE_LAYER, TERRAIN_LAYER } from './layer-ids.ts';

export const OVERLAYS = [
	{ id: 'provinces', label: 'Provinces and labels', layers: ['provinces-line', 'province-labels'] },
	{ id: 'belt', label: 'Border belt (50 km)', layers: ['belt-fill', 'belt-line'] },
	{ id: 'fata', label: 'Former FATA (historical)', layers: ['fata-line'] },
	{ id: 'border', label: 'Afghanistan–Pakistan border', layers: ['border-casing', 'border-line'] },
	{ id: 'places', label: 'Places', layers: [PLACE_LAYER.dot, PLACE_LAYER.label] },
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
] as const satisfies readonly { id: string; label: string; layers: readonly string[] }[];

export type OverlayId = (typeof OVERLAYS)[number]['id'];

export const OVERLAY_IDS: readonly OverlayId[] = OVERLAYS.map((o) => o.id);
