/**
 * The map's construction options, shared by every map of the atlas and by the benchmark's bare
 * baseline page (so the benchmark compares the atlas with the same map, not with other settings).
 */
import type { MapOptions } from 'maplibre-gl';
import { MAX_BOUNDS } from '../geo/region.ts';

export const MAP_OPTIONS = {
	maxBounds: MAX_BOUNDS,
	minZoom: 3.5,
	maxZoom: 12,
	// Labels and symbols appear at once rather than fading in: the map settles sooner and reads
	// the same in a screenshot, a printed handout and a live briefing.
	fadeDuration: 0,
	attributionControl: { compact: false }
} satisfies Partial<MapOptions>;
