/**
 * Names in the region's own scripts for the map's labels. The atlas's places list every spelling
 * the sources and the gazetteer give, Arabic-script ones among them (Torkham is also تورخم);
 * the first of those is the place's native name, drawn under its English name when the "names in
 * local scripts" overlay is on. Countries and provinces are labelled from the basemap, so their
 * labels take the native name of the atlas place whose boundary they are.
 */
import type { FeatureCollection } from 'geojson';
import type { PlaceFeature } from '../schema/exported.ts';

/** Letters of the Arabic script (Pashto, Dari and Urdu included), in its main blocks. */
const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u0870-\u08FF\uFB50-\uFDFF\uFE70-\uFEFC]/;

/** The first name written in Arabic script, or undefined. */
export function nativeNameOf(names: readonly string[]): string | undefined {
	return names.find((n) => ARABIC_SCRIPT.test(n));
}

/**
 * The basemap's label points with `nativeName` added where an atlas place is that country or
 * province (matched by its boundary: a country's numeric id, a province's ISO code). A new
 * collection; the input is not changed.
 */
export function withNativeNames(
	labels: FeatureCollection,
	places: readonly PlaceFeature[]
): FeatureCollection {
	const byArea = new Map<string, string>();
	for (const p of places) {
		const boundary = p.properties.boundary;
		const native = nativeNameOf(p.properties.aliases);
		if (boundary && native) byArea.set(`${boundary.layer}:${boundary.id}`, native);
	}
	return {
		...labels,
		features: labels.features.map((f) => {
			const kind = String(f.properties?.kind);
			const id = String(f.properties?.kind === 'province' ? f.properties?.code : f.properties?.id);
			const native = byArea.get(`${kind}:${id}`);
			return native ? { ...f, properties: { ...f.properties, nativeName: native } } : f;
		})
	};
}
