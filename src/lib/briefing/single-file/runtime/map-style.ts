/**
 * The atlas's map style (src/lib/map/style.ts) for a page with no server: the same layers, with
 * the fonts and the relief image as the file's data URLs, and the boundaries, rivers, labels and
 * border name points in the sources (as BasemapLayers.svelte fills them in the atlas), so MapLibre
 * never asks for a URL outside the file.
 */
import type { StyleSpecification } from 'maplibre-gl';
import { decodeBasemap } from '../../../map/basemap.ts';
import { BORDER_LABEL_SOURCE } from '../../../map/border-label.ts';
import { FONT_FILES } from '../../../map/fonts.ts';
import { lightPalette } from '../../../map/palette.ts';
import { buildStyle } from '../../../map/style.ts';
import { decodeRivers, TERRAIN_SOURCE } from '../../../map/terrain.ts';
import type { MapAssets } from '../types.ts';

/** Where buildStyle's relative URLs are resolved, only to be replaced: never fetched. */
const PLACEHOLDER_BASE = 'https://atlas.invalid/';

export function fileMapStyle(assets: MapAssets): StyleSpecification {
	const style = buildStyle(lightPalette, PLACEHOLDER_BASE);

	// Each font file's URL as the style names it → the file's data URL of the same font file.
	const fontData = new Map<string, string>();
	for (const [name, files] of Object.entries(FONT_FILES)) {
		for (const [subset, url] of Object.entries(files)) {
			const data = assets.fonts[name]?.[subset];
			if (!data) throw new Error(`the file has no font "${name}" (${subset})`);
			fontData.set(new URL(url, PLACEHOLDER_BASE).href, data);
		}
	}
	const embedded = (url: string) => {
		const data = fontData.get(url);
		if (!data) throw new Error(`the file has no font file for ${url}`);
		return data;
	};
	const faces = style['font-faces'] ?? {};
	for (const [name, value] of Object.entries(faces)) {
		faces[name] =
			typeof value === 'string'
				? embedded(value)
				: value.map((face) => ({ ...face, url: embedded(face.url) }));
	}

	const sources = style.sources;
	for (const [id, data] of Object.entries(decodeBasemap(assets.boundaries))) {
		const source = sources[id];
		if (source?.type === 'geojson') source.data = data;
	}
	const labels = sources.labels;
	if (labels?.type === 'geojson') labels.data = assets.labels;
	const borderLabels = sources[BORDER_LABEL_SOURCE];
	if (borderLabels?.type === 'geojson') borderLabels.data = assets.borderLabels;
	const rivers = sources[TERRAIN_SOURCE.rivers];
	if (rivers?.type === 'geojson') rivers.data = decodeRivers(assets.rivers);
	const relief = sources[TERRAIN_SOURCE.relief];
	if (relief?.type === 'image') relief.url = assets.relief;
	return style;
}
