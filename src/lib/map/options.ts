/**
 * The map's construction options, shared by every map of the atlas and by the benchmark's bare
 * baseline page (so the benchmark compares the atlas with the same map, not with other settings).
 */
import type { MapOptions } from 'maplibre-gl';
import { VIEW_RANGE } from './view.ts';

export const MAP_OPTIONS = {
	...VIEW_RANGE,
	// Labels and symbols appear at once rather than fading in: the map settles sooner and reads
	// the same in a screenshot, a printed handout and a live briefing.
	fadeDuration: 0,
	attributionControl: { compact: false }
} satisfies Partial<MapOptions>;
