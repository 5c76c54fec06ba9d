import { describe, expect, it } from 'vitest';
import { buildStyle } from '$lib/map/style';
import { TERRAIN_SOURCE } from '$lib/map/terrain';
import { BORDER_LABEL_SOURCE } from '$lib/map/border-label';
import { eventLayers, placeLayers } from '$lib/map/data-layers';
import {
	AREA_HIGHLIGHT_LAYER,
	BASEMAP_SOURCES,
	DATA_LAYERS_BEFORE,
	DATA_SOURCES,
	EVENT_LAYER,
	PLACE_LAYER
} from '$lib/map/layer-ids';
import { layerVisibility, OVERLAYS } from '$lib/map/overlays';
import { lightPalette } from '$lib/map/palette';

// The whole style as the map ends up with it: the basemap with its terrain, then the places' and
// the events' layers.
const style = buildStyle(lightPalette, 'http://127.0.0.1:4173/');
const all = [...style.layers, ...placeLayers(lightPalette), ...eventLayers(lightPalette)];
const ids = all.map((l) => l.id);

describe('the layer vocabulary', () => {
	it('gives every layer of the style a unique id', () => {
		expect(new Set(ids).size).toBe(ids.length);
	});

	it.each([
		['event layers', Object.values(EVENT_LAYER)],
		['place layers', Object.values(PLACE_LAYER)],
		['area highlights', Object.values(AREA_HIGHLIGHT_LAYER)],
		['the layer data is drawn beneath', [DATA_LAYERS_BEFORE]]
	])('names only layers that exist: %s', (_, named) => {
		for (const id of named) expect(ids, id).toContain(id);
	});

	it.each(OVERLAYS.map((o) => [o.id, o.layers] as const))(
		'overlay %s switches layers that exist',
		(_, layers) => {
			expect(layers.length).toBeGreaterThan(0);
			for (const id of layers) expect(ids, id).toContain(id);
		}
	);

	it('shows a layer only while every overlay that names it is on', () => {
		const all = layerVisibility([]);
		expect([...all.values()].every((v) => v === 'visible')).toBe(true);
		expect(all.size).toBe(new Set(OVERLAYS.flatMap((o) => o.layers)).size);
		// The places' names in Arabic script need both the places and the local names.
		expect(layerVisibility(['native']).get(PLACE_LAYER.nativeLabel)).toBe('none');
		expect(layerVisibility(['places']).get(PLACE_LAYER.nativeLabel)).toBe('none');
		expect(layerVisibility(['native']).get(PLACE_LAYER.label)).toBe('visible');
		expect(layerVisibility(['belt']).get('belt-fill')).toBe('none');
	});

	it('draws every layer from a source the style or the data components declare', () => {
		const styleSources = [...BASEMAP_SOURCES, BORDER_LABEL_SOURCE, ...Object.values(TERRAIN_SOURCE)];
		const sources = new Set<string>([...styleSources, ...Object.values(DATA_SOURCES)]);
		expect(Object.keys(style.sources).sort()).toEqual(styleSources.sort());
		for (const layer of all) if ('source' in layer) expect(sources, layer.id).toContain(layer.source);
	});
});
