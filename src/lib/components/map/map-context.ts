/**
 * What a map gives the source and layer components inside it: the MapLibre map, a way to say
 * "the map is not ready until this is drawn", and a share of the click (one handler decides which
 * layer a click belongs to, so a cluster wins over a symbol and a symbol over a place).
 */
import { getContext, setContext } from 'svelte';
import type { LayerSpecification, Map as MapLibreMap, MapGeoJSONFeature } from 'maplibre-gl';

export interface ClickTarget {
	/** Lower first: the first target with a feature under the click takes it. */
	priority: number;
	layers: readonly string[];
	onclick: (feature: MapGeoJSONFeature) => void;
}

export interface MapContext {
	readonly map: MapLibreMap;
	/** The map reports itself ready once every such promise has settled and it is idle. */
	drawing(done: Promise<unknown>): void;
	/** Registers a click target (the pointer shows over it); returns its removal. */
	clickable(target: ClickTarget): () => void;
}

const KEY = Symbol('map');

export const setMapContext = (context: MapContext) => setContext(KEY, context);
export const getMapContext = () => getContext<MapContext>(KEY);

/**
 * Takes a component's layers and source off the map when the component goes. When the whole map
 * is going (its page is left), there is nothing to take off, and MapLibre may already be gone.
 */
export function removeLayers(map: MapLibreMap, layers: LayerSpecification[], source: string): void {
	try {
		for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
		if (map.getSource(source)) map.removeSource(source);
	} catch {
		// The map was removed first.
	}
}
