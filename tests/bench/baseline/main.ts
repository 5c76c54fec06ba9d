// The benchmark's baseline: a bare page that draws the same bundled basemap with the same style
// (same library, topology, fonts and initial view) and nothing else: no framework, no UI, no
// app data. The ratio app / baseline is what the atlas costs on top of the map itself.
import { createBaselineMap } from './basemap-map';

const { map, basemapSet } = createBaselineMap();
await basemapSet;
map.once('idle', () => performance.mark('atlas:map-idle'));
