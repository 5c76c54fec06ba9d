/**
 * ACLED's export format: its 31 columns (since ACLED's March 2023 column changes) and what its
 * precision codes mean. `time_precision`: 1 the day is known; 2 only the week is, and ACLED codes
 * the middle of it; 3 only the month is, and ACLED codes mid-month. `geo_precision`: 1 the town
 * itself; 2 a nearby place or the district; 3 only the province (admin-1) is known, so the event
 * must be drawn as the province, never as a pin at the coordinates ACLED gives.
 */
import type { LocationPrecision } from '../schema/model.ts';
import type { ColumnRole } from './types.ts';

export const ACLED_COLUMNS = [
	'event_id_cnty',
	'event_date',
	'year',
	'time_precision',
	'disorder_type',
	'event_type',
	'sub_event_type',
	'actor1',
	'assoc_actor_1',
	'inter1',
	'actor2',
	'assoc_actor_2',
	'inter2',
	'interaction',
	'civilian_targeting',
	'iso',
	'region',
	'country',
	'admin1',
	'admin2',
	'admin3',
	'location',
	'latitude',
	'longitude',
	'geo_precision',
	'source',
	'source_scale',
	'notes',
	'fatalities',
	'tags',
	'timestamp'
] as const;

/** The columns that make a file an ACLED export (older exports lack some of the others). */
export const ACLED_SIGNATURE = [
	'event_id_cnty',
	'event_date',
	'time_precision',
	'event_type',
	'latitude',
	'longitude',
	'geo_precision'
] as const;

/** Which ACLED column plays which role. */
export const ACLED_ROLES: Partial<Record<ColumnRole, (typeof ACLED_COLUMNS)[number]>> = {
	recordId: 'event_id_cnty',
	date: 'event_date',
	timePrecision: 'time_precision',
	type: 'event_type',
	subType: 'sub_event_type',
	actor1: 'actor1',
	assocActor1: 'assoc_actor_1',
	actor2: 'actor2',
	assocActor2: 'assoc_actor_2',
	country: 'country',
	admin1: 'admin1',
	admin2: 'admin2',
	place: 'location',
	latitude: 'latitude',
	longitude: 'longitude',
	geoPrecision: 'geo_precision',
	reportedBy: 'source',
	notes: 'notes'
};

/** How precisely a date is known, from a precision cell. */
export type TimePrecision = 'day' | 'week' | 'month' | 'year';

/** A time-precision cell: ACLED's 1, 2, 3 or a word; undefined when it is none of them. */
export function readTimePrecision(cell: string): TimePrecision | undefined {
	const v = cell.trim().toLowerCase();
	if (v === '1' || v === 'day') return 'day';
	if (v === '2' || v === 'week') return 'week';
	if (v === '3' || v === 'month') return 'month';
	if (v === 'year') return 'year';
	return undefined;
}

/** A geo-precision cell: ACLED's 1, 2, 3 or one of the atlas's precision words. */
export function readGeoPrecision(cell: string): LocationPrecision | undefined {
	const v = cell.trim().toLowerCase();
	if (v === '1' || v === 'exact') return 'exact';
	if (v === '2' || v === 'approximate') return 'approximate';
	if (v === '3' || v === 'area') return 'area';
	if (v === 'district') return 'district';
	return undefined;
}
