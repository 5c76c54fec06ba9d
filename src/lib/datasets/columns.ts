/**
 * Column detection (pure): proposes which column plays which role, with a reason for each guess,
 * for the user to check and correct before anything is imported.
 *
 * An ACLED export is recognised by its own column names. Any other table is read the way
 * kepler.gl and QGIS read one: latitude and longitude by name (lat, latitude, y, lat_dd,
 * "Latitude (WGS84)"; lon, lng, long, longitude, x…), preferring a pair that share a prefix
 * (pickup_lat with pickup_lng); failing that, one column holding both ("lat, lon" or WKT
 * `POINT (lon lat)`), confirmed by its values; a date and an optional end date; and the
 * descriptive columns (title, type, notes, place, province, actors, id) by their usual names.
 */
import { ACLED_COLUMNS, ACLED_ROLES, ACLED_SIGNATURE } from './acled.ts';
import { slashDateParts } from './date-cell.ts';
import { normaliseHeader } from './header-names.ts';
import { looksLikePoint } from './point-cell.ts';
import type { ColumnGuess, ColumnMapping, ColumnRole, DateOrder, DetectedColumns } from './types.ts';

/** Names (normalised) by role, best first. */
const NAMES: Partial<Record<ColumnRole, string[]>> = {
	latitude: [
		'latitude',
		'lat',
		'lat_dd',
		'latitude_dd',
		'lat_deg',
		'lat_wgs84',
		'latitude_wgs84',
		'decimal_latitude',
		'gps_latitude',
		'gps_lat',
		'point_y',
		'y_coord',
		'ycoord',
		'y'
	],
	longitude: [
		'longitude',
		'lon',
		'lng',
		'long',
		'lon_dd',
		'lng_dd',
		'long_dd',
		'longitude_dd',
		'lon_deg',
		'lon_wgs84',
		'longitude_wgs84',
		'decimal_longitude',
		'gps_longitude',
		'gps_lon',
		'gps_lng',
		'point_x',
		'x_coord',
		'xcoord',
		'x'
	],
	point: [
		'coordinates',
		'coordinate',
		'coords',
		'point',
		'lat_lon',
		'lat_lng',
		'latlon',
		'latlng',
		'wkt',
		'geom',
		'the_geom',
		'geometry',
		'geo_point',
		'geopoint',
		'position',
		'location',
		'geo'
	],
	date: [
		'event_date',
		'date',
		'start_date',
		'date_start',
		'startdate',
		'start',
		'begin_date',
		'begin',
		'date_from',
		'from_date',
		'from',
		'day',
		'event_day',
		'incident_date',
		'occurred_on',
		'occurred',
		'when',
		'datetime',
		'date_time'
	],
	endDate: [
		'end_date',
		'date_end',
		'enddate',
		'end',
		'date_to',
		'to_date',
		'to',
		'until',
		'finish',
		'date_last',
		'last_date',
		'end_day'
	],
	timePrecision: ['time_precision', 'date_precision', 'timeprecision'],
	geoPrecision: ['geo_precision', 'location_precision', 'geoprecision', 'spatial_precision', 'precision'],
	title: ['title', 'event_title', 'event_name', 'headline', 'name', 'label', 'event'],
	type: ['event_type', 'type', 'category', 'event_category', 'incident_type', 'kind', 'class'],
	subType: ['sub_event_type', 'subtype', 'sub_type', 'subcategory', 'sub_category'],
	notes: [
		'notes',
		'note',
		'description',
		'desc',
		'details',
		'detail',
		'narrative',
		'summary',
		'comments',
		'comment',
		'remarks',
		'text'
	],
	place: [
		'location',
		'place',
		'place_name',
		'placename',
		'location_name',
		'town',
		'city',
		'village',
		'locality',
		'settlement',
		'site'
	],
	admin1: [
		'admin1',
		'admin_1',
		'adm1',
		'adm1_name',
		'admin1_name',
		'province',
		'province_name',
		'state',
		'governorate'
	],
	admin2: ['admin2', 'admin_2', 'adm2', 'adm2_name', 'admin2_name', 'district', 'district_name', 'county'],
	country: ['country', 'country_name', 'admin0', 'adm0', 'adm0_name', 'nation'],
	actor1: ['actor1', 'actor_1', 'actor', 'actors', 'perpetrator', 'side_a'],
	assocActor1: ['assoc_actor_1', 'assoc_actor1'],
	actor2: ['actor2', 'actor_2', 'target', 'side_b'],
	assocActor2: ['assoc_actor_2', 'assoc_actor2'],
	recordId: ['event_id_cnty', 'event_id', 'id', 'record_id', 'uid', 'uuid', 'fid', 'objectid', 'gid'],
	reportedBy: ['source', 'sources', 'reported_by', 'outlet']
};

/** Tokens that make a name a latitude or longitude wherever they stand (start_lat, geo_longitude). */
const LAT_TOKENS = new Set(['lat', 'latitude']);
const LON_TOKENS = new Set(['lon', 'lng', 'longitude']);
/** A column named like a point is only taken as one if its values are points (ACLED's `location` is a place name). */
const POINT_NEEDS_VALUES = new Set(['location', 'position', 'geo', 'geometry']);
/** Words that make a "…date" column something other than the event's date. */
const NOT_EVENT_DATE = new Set([
	'end',
	'update',
	'updated',
	'modified',
	'created',
	'upload',
	'uploaded',
	'published',
	'publication',
	'timestamp',
	'birth'
]);

/** The descriptive roles, in the order they are guessed (each column serves one role). */
const DESCRIPTIVE_ROLES: ColumnRole[] = [
	'recordId',
	'timePrecision',
	'geoPrecision',
	'subType',
	'type',
	'title',
	'notes',
	'admin1',
	'admin2',
	'country',
	'place',
	'assocActor1',
	'assocActor2',
	'actor1',
	'actor2',
	'reportedBy'
];

const ROLE_WORDS: Record<ColumnRole, string> = {
	latitude: 'latitude',
	longitude: 'longitude',
	point: 'both coordinates in one column',
	date: 'date',
	endDate: 'end date',
	timePrecision: 'date precision',
	geoPrecision: 'location precision',
	title: 'title',
	type: 'event type',
	subType: 'sub-type',
	notes: 'notes',
	place: 'place name',
	admin1: 'province (admin-1)',
	admin2: 'district (admin-2)',
	country: 'country',
	actor1: 'first actor',
	assocActor1: 'actors associated with the first',
	actor2: 'second actor',
	assocActor2: 'actors associated with the second',
	recordId: 'record id',
	reportedBy: 'who reported it'
};

/** The role in words, for the reasons ("a latitude column"). */
export function roleWords(role: ColumnRole): string {
	return ROLE_WORDS[role];
}

/** The role as a label ("Latitude"). */
export function roleLabel(role: ColumnRole): string {
	const words = ROLE_WORDS[role];
	return words[0]!.toUpperCase() + words.slice(1);
}

interface Candidate {
	column: string;
	normal: string;
}

/** Whether a column's sample values (the non-empty ones) are mostly points. */
function valuesArePoints(values: readonly string[]): boolean {
	const filled = values.filter((v) => v.trim());
	return filled.length > 0 && filled.filter(looksLikePoint).length * 2 > filled.length;
}

/** The order the slash dates of the samples imply: a day over 12 first says dmy, second says mdy. */
export function dateOrderOf(values: readonly string[]): {
	order: DateOrder;
	slashDates: boolean;
	mixed: boolean;
} {
	let dmy = false;
	let mdy = false;
	let slashDates = false;
	for (const v of values) {
		const parts = slashDateParts(v);
		if (!parts) continue;
		slashDates = true;
		if (parts.first > 12 && parts.second <= 12) dmy = true;
		if (parts.second > 12 && parts.first <= 12) mdy = true;
	}
	if (dmy && mdy) return { order: null, slashDates, mixed: true };
	return { order: dmy ? 'dmy' : mdy ? 'mdy' : null, slashDates, mixed: false };
}

function isAcled(normals: ReadonlySet<string>): boolean {
	return ACLED_SIGNATURE.every((c) => normals.has(c));
}

export interface DetectOptions {
	/** Sample rows (by column name) to confirm guesses by their values: the preview's first rows. */
	samples?: readonly Record<string, string>[];
	/** The coordinates come from elsewhere (a GeoJSON geometry): do not look for coordinate columns. */
	geometry?: boolean;
}

/** Proposes a mapping of the columns to roles, with a reason for each guess. */
export function detectColumns(columns: readonly string[], options: DetectOptions = {}): DetectedColumns {
	const { samples = [], geometry = false } = options;
	const candidates: Candidate[] = columns.map((column) => ({ column, normal: normaliseHeader(column) }));
	const normals = new Set(candidates.map((c) => c.normal));
	const used = new Set<string>();
	const roles: ColumnMapping['roles'] = {};
	const guesses: ColumnGuess[] = [];
	const notes: string[] = [];
	const missing: string[] = [];
	const valuesOf = (column: string) => samples.map((r) => r[column] ?? '');
	const assign = (role: ColumnRole, column: string, reason: string) => {
		roles[role] = column;
		used.add(column);
		guesses.push({ role, column, reason });
	};
	const free = (c: Candidate) => !used.has(c.column);
	const byName = (role: ColumnRole) => {
		for (const name of NAMES[role] ?? []) {
			const found = candidates.find((c) => free(c) && c.normal === name);
			if (found) return found;
		}
		return undefined;
	};

	const acled = !geometry && isAcled(normals);
	if (acled) {
		for (const [role, name] of Object.entries(ACLED_ROLES) as [ColumnRole, string][]) {
			const found = candidates.find((c) => free(c) && c.normal === name);
			if (found) assign(role, found.column, `ACLED export column “${found.column}”`);
		}
		const absent = ACLED_COLUMNS.filter((c) => !normals.has(c));
		if (absent.length)
			notes.push(
				`${absent.length} of ACLED’s ${ACLED_COLUMNS.length} columns are not in the file: ${absent.join(', ')}.`
			);
		notes.push(
			'ACLED precision codes are read as they are defined: a week or month date is shown as the week or month, and geo_precision 3 is drawn as the province, not as a point.'
		);
	} else {
		if (!geometry) guessCoordinates(candidates, free, assign, valuesOf);
		const date =
			byName('date') ??
			candidates.find(
				(c) =>
					free(c) &&
					c.normal.split('_').includes('date') &&
					!c.normal.split('_').some((t) => NOT_EVENT_DATE.has(t))
			);
		if (date) assign('date', date.column, `“${date.column}” is named like a date column`);
		const end = byName('endDate');
		if (end) assign('endDate', end.column, `“${end.column}” is named like an end-date column`);
		for (const role of DESCRIPTIVE_ROLES) {
			const found = byName(role);
			if (found) assign(role, found.column, `“${found.column}” is named like a ${ROLE_WORDS[role]} column`);
		}
		if (!roles.geoPrecision)
			notes.push(
				'No location-precision column: every point is marked approximate, because the file does not say how precisely its places are known.'
			);
	}

	if (!geometry && !(roles.latitude && roles.longitude) && !roles.point)
		missing.push('latitude and longitude (or one column holding both)');
	if (!roles.date) missing.push('a date');

	const dates = dateOrderOf([...valuesOf(roles.date ?? ''), ...valuesOf(roles.endDate ?? '')]);
	if (dates.mixed)
		notes.push(
			'The dates mix day-first and month-first slash dates: choose the order, or the ambiguous ones are refused.'
		);
	else if (dates.order)
		notes.push(
			`Slash dates are read ${dates.order === 'dmy' ? 'day first (DD/MM/YYYY)' : 'month first (MM/DD/YYYY)'}, as the first rows show.`
		);
	else if (dates.slashDates)
		notes.push(
			'The first rows’ slash dates could be day first or month first: choose the order, or they are refused.'
		);

	return {
		format: geometry ? 'geojson' : acled ? 'acled' : 'csv',
		mapping: { roles, dateOrder: dates.order },
		guesses,
		missing,
		notes
	};
}

/** Latitude and longitude columns, or one column with both. */
function guessCoordinates(
	candidates: Candidate[],
	free: (c: Candidate) => boolean,
	assign: (role: ColumnRole, column: string, reason: string) => void,
	valuesOf: (column: string) => string[]
): void {
	// A one-column point first where its name says so exactly ("coordinates", "lat_lon"), so that
	// `lat_lon` is not taken for a latitude by its first token.
	const pointNames = NAMES.point!;
	const exactPoint = pointNames
		.map((name) => candidates.find((c) => free(c) && c.normal === name))
		.find((c): c is Candidate => {
			if (!c) return false;
			const values = valuesOf(c.column);
			const hasValues = values.some((v) => v.trim());
			return hasValues ? valuesArePoints(values) : !POINT_NEEDS_VALUES.has(c.normal);
		});
	const isPointName = (c: Candidate) => pointNames.includes(c.normal);

	const rank = (c: Candidate, names: string[], tokens: Set<string>): number => {
		const exact = names.indexOf(c.normal);
		if (exact >= 0) return exact;
		return c.normal.split('_').some((t) => tokens.has(t)) ? names.length : -1;
	};
	const best = (names: string[], tokens: Set<string>) =>
		candidates
			.filter((c) => free(c) && !isPointName(c) && rank(c, names, tokens) >= 0)
			.sort((a, b) => rank(a, names, tokens) - rank(b, names, tokens));
	const lats = best(NAMES.latitude!, LAT_TOKENS);
	const lons = best(NAMES.longitude!, LON_TOKENS);

	// Prefer the longitude named like the latitude (pickup_lat with pickup_lng).
	let pair: [Candidate, Candidate] | undefined;
	for (const lat of lats) {
		const partner = lons.find((lon) => sameStem(lat.normal, lon.normal));
		if (partner) {
			pair = [lat, partner];
			break;
		}
	}
	if (!pair && lats[0] && lons[0]) pair = [lats[0], lons[0]];
	if (pair) {
		assign('latitude', pair[0].column, `“${pair[0].column}” is named like a latitude column`);
		assign('longitude', pair[1].column, `“${pair[1].column}” is named like a longitude column`);
		return;
	}
	if (exactPoint)
		assign(
			'point',
			exactPoint.column,
			`“${exactPoint.column}” holds both coordinates (“lat, lon” or WKT POINT (lon lat))`
		);
}

/** The name with its coordinate token removed, to pair start_lat with start_lng. */
function stem(normal: string): string {
	return normal
		.split('_')
		.filter((t) => !LAT_TOKENS.has(t) && !LON_TOKENS.has(t) && t !== 'long' && t !== 'x' && t !== 'y')
		.join('_');
}

function sameStem(a: string, b: string): boolean {
	return stem(a) === stem(b);
}
