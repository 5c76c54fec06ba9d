/**
 * What the map's place layers draw: each place's point with only the properties the style and
 * the clicks use. The published features carry every mention's quote, which the map's worker
 * would otherwise copy and index for nothing.
 */
import type { FeatureCollection, Point } from 'geojson';
import type { PlaceFeature } from '../schema/exported.ts';
import type { LocationPrecision } from '../schema/model.ts';
import { nativeNameOf } from './native-names.ts';

const nativeProperty = (aliases: readonly string[]) => {
	const nativeName = nativeNameOf(aliases);
	return nativeName ? { nativeName } : {};
};

export interface PlacePointProperties {
	id: string;
	name: string;
	type: string;
	precision: LocationPrecision;
	/** The name in Arabic script (Pashto, Dari, Urdu), when the atlas knows one. */
	nativeName?: string;
}

export function placePoints(places: readonly PlaceFeature[]): FeatureCollection<Point, PlacePointProperties> {
	return {
		type: 'FeatureCollection',
		features: places.map((f) => ({
			type: 'Feature',
			geometry: f.geometry,
			properties: {
				id: f.properties.id,
				name: f.properties.name,
				type: f.properties.type,
				precision: f.properties.precision,
				...nativeProperty(f.properties.aliases)
			}
		}))
	};
}
