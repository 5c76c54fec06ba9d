// The benchmark's baseline: a bare page that draws the same bundled basemap with the same style
// (same library, topology, fonts and initial view) and nothing else: no framework, no UI, no
// app data. The ratio app / baseline is what the atlas costs on top of the map itself.
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
const collections = decodeBasemap(await topology);
const riverLines = decodeRivers(await rivers);
const fill = () => {
	for (const [id, data] of Object.entries(collections)) (map.getSource(id) as GeoJSONSource).setData(data);
	(map.getSource(TERRAIN_SOURCE.rivers) as GeoJSONSource).setData(riverLines);
	map.once('idle', () => performance.mark('atlas:map-idle'));
};
if (map.isStyleLoaded()) fill();
else map.once('load', fill);
