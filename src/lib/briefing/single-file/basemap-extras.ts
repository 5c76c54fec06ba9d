/**
 * What the atlas's map derives from the basemap at run time (src/lib/components/map/BasemapLayers
 * .svelte does it in the page), computed once when a deck is saved, so the file's presenter needs
 * neither turf nor the whole gazetteer: the country and province labels with their names in
 * Arabic script; the points along the border where its name is written come with the basemap,
 * computed when the site was built.
 */
import type { FeatureCollection } from 'geojson';
import type { Topology } from 'topojson-specification';
import { decodeBasemap } from '../../map/basemap.ts';
import { withNativeNames } from '../../map/native-names.ts';
import type { PlaceFeature } from '../../schema/exported.ts';

export interface BasemapExtras {
	/** The basemap's label points, `nativeName` added as the atlas's places give it. */
	labels: FeatureCollection;
	/** The border's name points (src/lib/map/border-label.ts). */
	borderLabels: FeatureCollection;
}

export function basemapExtras(
	basemap: { boundaries: Topology; borderLabels: FeatureCollection },
	places: readonly PlaceFeature[]
): BasemapExtras {
	const decoded = decodeBasemap(basemap.boundaries);
	return { labels: withNativeNames(decoded.labels, places), borderLabels: basemap.borderLabels };
}
