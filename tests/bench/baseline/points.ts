// The scale benchmark's peer: a bare MapLibre page with the same basemap and style as the atlas,
// that loads the same points (`points.geojson`, written by the benchmark) as one clustered GeoJSON
// source, drawn as MapLibre's own cluster example draws them. No framework, no UI, no list, no
// validation. Its time filter is what a bare page does: setData with the points in the window.
import type { GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { EVENT_CLUSTER } from '../../../src/lib/map/data-layers';
import { FONT_REGULAR } from '../../../src/lib/map/fonts';
import { createBaselineMap } from './basemap-map';

type Points = FeatureCollection<Point, { day: number }>;

const points = fetch('./points.geojson').then((r) => r.json() as Promise<Points>);
const { map, basemapSet } = createBaselineMap();
await basemapSet;
const all = await points;
map.addSource('points', {
	type: 'geojson',
	data: all,
	cluster: true,
	clusterRadius: EVENT_CLUSTER.clusterRadius,
	clusterMaxZoom: EVENT_CLUSTER.clusterMaxZoom
});
map.addLayer({
	id: 'clusters',
	type: 'circle',
	source: 'points',
	filter: ['has', 'point_count'],
	paint: {
		'circle-color': '#44637a',
		'circle-radius': 12,
		'circle-stroke-width': 1,
		'circle-stroke-color': '#fff'
	}
});
map.addLayer({
	id: 'cluster-count',
	type: 'symbol',
	source: 'points',
	filter: ['has', 'point_count'],
	layout: { 'text-field': ['get', 'point_count_abbreviated'], 'text-font': [FONT_REGULAR], 'text-size': 11 },
	paint: { 'text-color': '#fff' }
});
map.addLayer({
	id: 'point',
	type: 'circle',
	source: 'points',
	filter: ['!', ['has', 'point_count']],
	paint: { 'circle-color': '#8b3a62', 'circle-radius': 5 }
});
map.once('idle', () => performance.mark('atlas:map-idle'));

Object.assign(window, {
	bench: {
		map,
		/** Shows only the points whose day (days since 1970) is in [from, to]. */
		setWindow(from: number, to: number) {
			const features = all.features.filter((f) => f.properties.day >= from && f.properties.day <= to);
			(map.getSource('points') as GeoJSONSource).setData({ type: 'FeatureCollection', features });
		}
	}
});
