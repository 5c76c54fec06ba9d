/**
 * Precision codes: ACLED's geo_precision as the atlas's location precision (1 exact, 2 approximate,
 * 3 the province only: drawn as the province, never as a pin), its time_precision words, and the
 * province table the area rows are drawn with, which must match the basemap's provinces.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeoPrecision, readTimePrecision } from '$lib/datasets/acled';
import { findProvince, PROVINCES } from '$lib/datasets/provinces';
import { readRow, type ReadContext } from '$lib/datasets/row-reader';
import type { ImportedEvent } from '$lib/datasets/types';
import { eventPoints, isAreaOnly } from '$lib/map/event-points';

describe('precision cells', () => {
	it.each([
		['1', 'exact'],
		['2', 'approximate'],
		['3', 'area'],
		[' 3 ', 'area'],
		['exact', 'exact'],
		['Approximate', 'approximate'],
		['district', 'district'],
		['area', 'area'],
		['4', undefined],
		['0', undefined],
		['x', undefined]
	])('geo precision %j → %j', (cell, expected) => {
		expect(readGeoPrecision(cell)).toBe(expected);
	});

	it.each([
		['1', 'day'],
		['2', 'week'],
		['3', 'month'],
		['day', 'day'],
		['Week', 'week'],
		['month', 'month'],
		['year', 'year'],
		['7', undefined],
		['daily', undefined]
	])('time precision %j → %j', (cell, expected) => {
		expect(readTimePrecision(cell)).toBe(expected);
	});
});

describe('provinces', () => {
	const basemap = JSON.parse(readFileSync('geodata/basemap.topo.json', 'utf8'));
	const drawn = [...basemap.objects.provinces.geometries, ...basemap.objects.fata.geometries].map(
		(g: { properties: { code: string; name: string; country: string } }) => g.properties
	);

	it('are exactly the basemap’s provinces and the former FATA, with its names and countries', () => {
		expect(PROVINCES.map((p) => p.code).sort()).toEqual(drawn.map((p) => p.code).sort());
		for (const p of drawn) {
			const ours = PROVINCES.find((x) => x.code === p.code)!;
			expect(ours.country, p.code).toBe(p.country);
			if (p.code !== 'PK-TA') expect(ours.name, p.code).toBe(p.name);
		}
	});

	it('every basemap name finds its own province', () => {
		for (const p of drawn.filter((x) => x.code !== 'PK-TA'))
			expect(findProvince(p.name)?.code, p.name).toBe(p.code);
	});

	it.each([
		['Paktya', '', 'AF-PIA'],
		['Paktika', '', 'AF-PKA'],
		['Nimruz', '', 'AF-NIM'],
		['Sar-e-Pul', '', 'AF-SAR'],
		['Daykundi', 'Afghanistan', 'AF-DAY'],
		['Panjshir', '', 'AF-PAN'],
		['Islamabad Capital Territory', 'Pakistan', 'PK-IS'],
		['Azad Jammu and Kashmir', '', 'PK-JK'],
		['Khyber Pakhtunkhwa', 'Pakistan', 'PK-KP'],
		['khyber-pakhtunkhwa', '', 'PK-KP'],
		['KPK', 'PK', 'PK-KP'],
		['Baluchistan', '', 'PK-BA'],
		['Kunar Province', 'AFG', 'AF-KNR'],
		['Federally Administered Tribal Areas', 'Pakistan', 'PK-TA'],
		['Punjab', 'Pakistan', 'PK-PB'],
		['Punjab', '586', 'PK-PB']
	])('%j (%j) → %s', (admin1, country, code) => {
		expect(findProvince(admin1, country)?.code).toBe(code);
	});

	it.each([
		['Punjab', 'India'],
		['Kabul', 'Pakistan'],
		['Tehran', 'Iran'],
		['Atlantis', '']
	])('%j in %j is no province of the atlas', (admin1, country) => {
		expect(findProvince(admin1, country)).toBeUndefined();
	});
});

describe('a row’s location precision', () => {
	const ctx = (): ReadContext => ({
		dataset: { id: 'acled', name: 'ACLED', file: 'acled.csv' },
		mapping: {
			roles: {
				latitude: 'latitude',
				longitude: 'longitude',
				date: 'event_date',
				geoPrecision: 'geo_precision',
				admin1: 'admin1',
				country: 'country',
				place: 'location'
			},
			dateOrder: null
		},
		columns: ['latitude', 'longitude', 'event_date', 'geo_precision', 'admin1', 'country', 'location'],
		seenIds: new Map()
	});
	const row = (geo: string) => ({
		latitude: '35.0',
		longitude: '71.3',
		event_date: '2024-03-12',
		geo_precision: geo,
		admin1: 'Kunar',
		country: 'Afghanistan',
		location: 'Asadabad'
	});
	const read = (geo: string) => {
		const r = readRow(row(geo), { line: 2, row: 2 }, ctx());
		if (!r.ok) throw new Error(r.rejection.reason);
		return r.event as ImportedEvent;
	};

	it.each([
		['1', 'exact', 'Asadabad'],
		['2', 'approximate', 'Asadabad'],
		['3', 'area', 'Kunar']
	])('geo_precision %s → %s, the place named %s', (geo, precision, name) => {
		const e = read(geo);
		expect(e.properties.precision).toBe(precision);
		expect(e.properties.places[0]).toMatchObject({ precision, name, province: 'AF-KNR' });
		expect(e.properties.imported.province).toBe('AF-KNR');
	});

	it('3 keeps its coordinates but is never drawn as a pin: the map draws it as its province', () => {
		const area = read('3');
		expect(area.geometry).toEqual({ type: 'Point', coordinates: [71.3, 35] });
		expect(isAreaOnly(area)).toBe(true);
		expect(eventPoints([area]).features).toEqual([]);
		expect(eventPoints([read('1'), read('2')]).features).toHaveLength(2);
	});

	it('a file without a precision column marks its points approximate', () => {
		const c = ctx();
		delete c.mapping.roles.geoPrecision;
		const r = readRow(row(''), { line: 2, row: 2 }, c);
		expect(r.ok && r.event.properties.precision).toBe('approximate');
	});

	it('an unknown code is a rejection naming the column', () => {
		const r = readRow(row('4'), { line: 7, row: 7 }, ctx());
		expect(r.ok).toBe(false);
		expect(!r.ok && r.rejection).toMatchObject({
			line: 7,
			field: 'geo_precision',
			code: 'unknown-precision',
			value: '4'
		});
	});
});
