// The bare map both baseline pages start from: the atlas's MapLibre, style, topology, relief,
// rivers, fonts and initial view, and nothing else (no framework, no UI, no app data).
import 'maplibre-gl/dist/maplibre-gl.css';
import { Map, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { Topology } from 'topojson-specification';
import { decodeBasemap } from '../../../src/lib/map/basemap';
import { decodeRivers, TERRAIN_SOURCE } from '../../../src/lib/map/terrain';
import { buildStyle } from '../../../src/lib/map/style';
import { lightPalette } from '../../../src/lib/map/palette';
import { INITIAL_BOUNDS } from '../../../src/lib/geo/region';
import { MAP_OPTIONS } from '../../../src/lib/map/options';

/** The map, and a promise that settles once its style has loaded and the basemap is set. */
export function createBaselineMap(): { map: Map; basemapSet: Promise<void> } {
	setWorkerUrl(workerUrl);
	const topology = fetch('./basemap.topo.json').then((r) => r.json() as Promise<Topology>);
	const rivers = fetch('./data/rivers.topo.json').then((r) => r.json() as Promise<Topology>);
	const map = new Map({
		container: 'map',
		bounds: INITIAL_BOUNDS,
		fitBoundsOptions: { padding: 16 },
		style: buildStyle(lightPalette, document.baseURI),
		...MAP_OPTIONS
	});
	const styleLoaded = map.isStyleLoaded()
		? Promise.resolve()
		: new Promise<void>((done) => map.once('load', () => done()));
	const basemapSet = Promise.all([styleLoaded, topology, rivers]).then(([, boundaries, riverTopology]) => {
		for (const [id, data] of Object.entries(decodeBasemap(boundaries)))
			(map.getSource(id) as GeoJSONSource).setData(data);
		(map.getSource(TERRAIN_SOURCE.rivers) as GeoJSONSource).setData(decodeRivers(riverTopology));
	});
	return { map, basemapSet };
}
