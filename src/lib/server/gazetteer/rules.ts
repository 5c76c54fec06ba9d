/**
 * The tolerances shared by the gazetteer's extraction (./extract.ts) and its validator
 * (../data/gazetteer.ts), so that what one writes the other accepts.
 */
import type { Place } from '../../schema/model.ts';

type PlaceType = Place['type'];

/** A point this close outside its province's (simplified) polygon still counts as inside it. */
export const PROVINCE_TOLERANCE_KM = 5;

/** An entry and an atlas place of the same name this close are one place. */
export const ATLAS_LINK_KM = 25;

/** The kinds of atlas place that a gazetteer point can be (not provinces, regions or countries). */
export const LINKABLE_TYPES: ReadonlySet<PlaceType> = new Set<PlaceType>([
	'city',
	'town',
	'district',
	'crossing',
	'port',
	'valley'
]);
