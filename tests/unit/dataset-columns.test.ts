/**
 * Column detection: ACLED's export by its own names; other tables the way kepler.gl and QGIS read
 * them (latitude/longitude by name and prefix, one-column points confirmed by their values, date
 * and end-date columns, descriptive columns), each guess with a reason, and what is missing.
 */
import { describe, expect, it } from 'vitest';
import { ACLED_COLUMNS } from '$lib/datasets/acled';
import { dateOrderOf, detectColumns, roleLabel, roleWords } from '$lib/datasets/columns';
import { normaliseHeader, uniqueColumnNames } from '$lib/datasets/header-names';

describe('header names', () => {
	it.each([
		['Latitude (WGS84)', 'latitude'],
		['\uFEFFevent_id_cnty', 'event_id_cnty'],
		['decimalLatitude', 'decimal_latitude'],
		['Event Date', 'event_date'],
		['  LON [deg] ', 'lon'],
		['Lat/Lon', 'lat_lon'],
		['Província', 'provincia']
	])('%j compares as %j', (name, normal) => {
		expect(normaliseHeader(name)).toBe(normal);
	});

	it('are made unique and never empty, the BOM removed', () => {
		expect(uniqueColumnNames(['\uFEFFid', 'notes', '', 'notes', ' notes '])).toEqual([
			'id',
			'notes',
			'column 3',
			'notes (2)',
			'notes (3)'
		]);
	});
});

describe('an ACLED export', () => {
	it('is recognised by its 31 columns, each role taken from its own column with the reason', () => {
		const d = detectColumns([...ACLED_COLUMNS]);
		expect(d.format).toBe('acled');
		expect(d.missing).toEqual([]);
		expect(d.mapping.roles).toMatchObject({
			recordId: 'event_id_cnty',
			date: 'event_date',
			timePrecision: 'time_precision',
			latitude: 'latitude',
			longitude: 'longitude',
			geoPrecision: 'geo_precision',
			admin1: 'admin1',
			place: 'location',
			notes: 'notes',
			type: 'event_type',
			subType: 'sub_event_type'
		});
		// `timestamp` is ACLED's upload time, not the event's date; `location` is a place name, not a point.
		expect(Object.values(d.mapping.roles)).not.toContain('timestamp');
		expect(d.mapping.roles.point).toBeUndefined();
		expect(d.guesses.find((g) => g.role === 'latitude')?.reason).toBe('ACLED export column “latitude”');
	});

	it('is recognised in any column order and with the columns of an older export missing', () => {
		const shuffled = [...ACLED_COLUMNS].reverse().filter((c) => c !== 'tags' && c !== 'disorder_type');
		const d = detectColumns(shuffled);
		expect(d.format).toBe('acled');
		expect(d.mapping.roles.latitude).toBe('latitude');
		expect(d.notes[0]).toContain('2 of ACLED’s 31 columns are not in the file: disorder_type, tags');
	});
});

/** The columns chosen for latitude, longitude and point. */
function coordinates(columns: string[], samples: Record<string, string>[] = []) {
	const { roles } = detectColumns(columns, { samples }).mapping;
	return { lat: roles.latitude, lon: roles.longitude, point: roles.point };
}

describe('coordinates of other tables', () => {
	it.each([
		[['name', 'lat', 'lng'], { lat: 'lat', lon: 'lng' }],
		[['name', 'Latitude', 'Longitude'], { lat: 'Latitude', lon: 'Longitude' }],
		[['Latitude (WGS84)', 'Longitude (WGS84)'], { lat: 'Latitude (WGS84)', lon: 'Longitude (WGS84)' }],
		[['lat_dd', 'lon_dd'], { lat: 'lat_dd', lon: 'lon_dd' }],
		[['y', 'x', 'value'], { lat: 'y', lon: 'x' }],
		[['LONG', 'LAT'], { lat: 'LAT', lon: 'LONG' }],
		[['decimalLongitude', 'decimalLatitude'], { lat: 'decimalLatitude', lon: 'decimalLongitude' }],
		// Swapped order: longitude first.
		[['longitude', 'date', 'latitude'], { lat: 'latitude', lon: 'longitude' }],
		// kepler.gl pairs columns by prefix: the dropoff pair is not mixed with the pickup pair.
		[['pickup_lat', 'dropoff_lat', 'dropoff_lng', 'pickup_lng'], { lat: 'pickup_lat', lon: 'pickup_lng' }],
		[['geo_latitude', 'geo_longitude'], { lat: 'geo_latitude', lon: 'geo_longitude' }]
	])('%j → %j', (columns, expected) => {
		expect(coordinates(columns)).toEqual({ ...expected, point: undefined });
	});

	it('takes one column holding both ("lat, lon" or WKT) when there is no pair', () => {
		expect(coordinates(['name', 'coordinates'], [{ name: 'a', coordinates: '33.9, 70.1' }]).point).toBe(
			'coordinates'
		);
		expect(coordinates(['WKT', 'date'], [{ WKT: 'POINT (70.1 33.9)', date: '2024-01-02' }]).point).toBe(
			'WKT'
		);
		expect(coordinates(['Lat/Lon'], [{ 'Lat/Lon': '33.9;70.1' }])).toEqual({
			lat: undefined,
			lon: undefined,
			point: 'Lat/Lon'
		});
	});

	it('takes a "location" column as a point only when its values are points', () => {
		expect(coordinates(['location'], [{ location: 'Mir Ali' }]).point).toBeUndefined();
		expect(coordinates(['location'], [{ location: '33.01, 70.07' }]).point).toBe('location');
	});

	it('says what is missing when no coordinates are found', () => {
		const d = detectColumns(['title', 'when']);
		expect(d.missing).toEqual(['latitude and longitude (or one column holding both)']);
		expect(d.mapping.roles.date).toBe('when');
	});

	it('does not look for coordinate columns in GeoJSON properties (the geometry has them)', () => {
		const d = detectColumns(['lat', 'lon', 'date'], { geometry: true });
		expect(d.format).toBe('geojson');
		expect(d.mapping.roles.latitude).toBeUndefined();
		expect(d.missing).toEqual([]);
	});
});

describe('dates and descriptive columns', () => {
	it.each([
		[['date'], 'date', undefined],
		[['event_date', 'end_date'], 'event_date', 'end_date'],
		[['Start', 'End'], 'Start', 'End'],
		[['day', 'until'], 'day', 'until'],
		[['updated_date', 'incident date'], 'incident date', undefined],
		[['report_date', 'date_end'], 'report_date', 'date_end']
	])('%j: date %j, end %j', (columns, date, end) => {
		const { roles } = detectColumns(['lat', 'lon', ...columns]).mapping;
		expect([roles.date, roles.endDate]).toEqual([date, end]);
	});

	it('maps a kepler-like table, with a reason for every guess', () => {
		const columns = [
			'id',
			'title',
			'category',
			'description',
			'city',
			'province',
			'actor',
			'target',
			'lat',
			'lng',
			'date'
		];
		const d = detectColumns(columns);
		expect(d.format).toBe('csv');
		expect(d.mapping.roles).toEqual({
			latitude: 'lat',
			longitude: 'lng',
			date: 'date',
			recordId: 'id',
			title: 'title',
			type: 'category',
			notes: 'description',
			place: 'city',
			admin1: 'province',
			actor1: 'actor',
			actor2: 'target'
		});
		expect(d.guesses).toHaveLength(Object.keys(d.mapping.roles).length);
		for (const g of d.guesses) expect(g.reason).toContain(`“${g.column}”`);
		expect(d.notes.join(' ')).toContain('No location-precision column');
	});

	it('uses each column for one role only', () => {
		const d = detectColumns(['lat', 'lon', 'date', 'name', 'location']);
		const used = Object.values(d.mapping.roles);
		expect(new Set(used).size).toBe(used.length);
		expect(d.mapping.roles.title).toBe('name');
		expect(d.mapping.roles.place).toBe('location');
	});
});

describe('the order of slash dates, from the first rows', () => {
	it.each([
		[['13/03/2024', '01/02/2024'], 'dmy', false],
		[['03/13/2024', '01/02/2024'], 'mdy', false],
		[['01/02/2024', '03/04/2024'], null, false],
		[['13/03/2024', '03/13/2024'], null, true],
		[['2024-03-13'], null, false]
	] as const)('%j → %j (mixed: %j)', (values, order, mixed) => {
		const found = dateOrderOf(values);
		expect(found.order).toBe(order);
		expect(found.mixed).toBe(mixed);
	});

	it('are proposed in the mapping with a note the user can act on', () => {
		const day = detectColumns(['lat', 'lon', 'date'], { samples: [{ date: '25/12/2023' }] });
		expect(day.mapping.dateOrder).toBe('dmy');
		expect(day.notes.join(' ')).toContain('day first');
		const unsure = detectColumns(['lat', 'lon', 'date'], { samples: [{ date: '05/06/2023' }] });
		expect(unsure.mapping.dateOrder).toBeNull();
		expect(unsure.notes.join(' ')).toContain('choose the order');
	});
});

describe('roles in words', () => {
	it('name each role, as a label and inside a reason', () => {
		expect(roleLabel('admin1')).toBe('Province (admin-1)');
		expect(roleWords('point')).toBe('both coordinates in one column');
	});
});
