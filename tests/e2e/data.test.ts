/**
 * The built site publishes its data as GeoJSON and the map draws it: places and events by group.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import type { EventsCollection, PlacesCollection } from '../../src/lib/schema/exported';
import { isAreaOnly } from '../../src/lib/map/event-points';

const session = browserSession();
let page: Page;

beforeAll(async () => {
	page = await session.open('/');
});

describe('published data', () => {
	it('writes build/data/places.geojson and events.geojson as GeoJSON with citations', async () => {
		const places = JSON.parse(readFileSync('build/data/places.geojson', 'utf8')) as PlacesCollection;
		const events = JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection;
		expect(places.type).toBe('FeatureCollection');
		expect(events.type).toBe('FeatureCollection');
		expect(places.features.length).toBeGreaterThan(40);
		expect(events.features.length).toBeGreaterThan(50);
		for (const e of events.features) expect(e.properties.citations.length, String(e.id)).toBeGreaterThan(0);
		// And the site serves them with a GeoJSON content type.
		const res = await fetch(`${session.origin}/data/events.geojson`);
		expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
	});

	it('draws every layer group, as symbols or inside counted clusters, and the point places', async () => {
		const drawn = await page.evaluate(async () => {
			const map = (window as any).atlas.map;
			const groups = new Set<string>();
			for (const f of map.queryRenderedFeatures({ layers: ['events-symbol'] }))
				groups.add(f.properties.group);
			let inClusters = 0;
			for (const c of map.queryRenderedFeatures({ layers: ['events-cluster'] })) {
				const leaves = await map.getSource('events').getClusterLeaves(c.properties.cluster_id, Infinity, 0);
				inClusters += leaves.length;
				for (const l of leaves) groups.add(l.properties.group);
			}
			return {
				groups: [...groups].sort(),
				inClusters,
				places: [
					...new Set(map.queryRenderedFeatures({ layers: ['places-dot'] }).map((f: any) => f.properties.id))
				]
			};
		});
		// Every group with an event that has a point; those known only to a whole area are listed
		// apart by the map's note, never drawn.
		const events = JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection;
		const withPoints = [
			...new Set(events.features.filter((e) => !isAreaOnly(e)).map((e) => e.properties.group))
		].sort();
		expect(withPoints.length).toBeGreaterThanOrEqual(4);
		expect(drawn.groups).toEqual(withPoints);
		expect(drawn.inClusters).toBeGreaterThan(0);
		expect(drawn.places).toEqual(expect.arrayContaining(['torkham', 'mir-ali', 'kabul', 'islamabad']));
	});
});
