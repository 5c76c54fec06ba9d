/**
 * Decodes the bundled basemap topology (geodata/basemap.topo.json) into one GeoJSON feature
 * collection per map source. Runs in the browser; the topology is a fraction of the GeoJSON size.
 */
import type { FeatureCollection } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BASEMAP_SOURCES, type BasemapSource } from './layer-ids.ts';

export type BasemapCollections = Record<BasemapSource, FeatureCollection>;

export function decodeBasemap(topology: Topology): BasemapCollections {
	const out = {} as BasemapCollections;
	for (const name of BASEMAP_SOURCES) {
		const object = topology.objects[name];
		if (!object) throw new Error(`basemap topology has no object "${name}"`);
		out[name] = feature(topology, object as GeometryCollection) as FeatureCollection;
	}
	return out;
}

/** Where the built site serves the topology (see src/routes/data/basemap.topo.json). */
export const BASEMAP_PATH = 'data/basemap.topo.json';
