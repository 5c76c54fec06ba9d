import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { pointToLineDistance } from '@turf/turf';
import type { FeatureCollection, LineString, MultiLineString } from 'geojson';
import type { Topology } from 'topojson-specification';
import { decodeBasemap } from '$lib/map/basemap';
import { uprightRotation } from '$lib/map/border-label';
import { borderLabelPoints, LABEL_SPACING_KM } from '$lib/map/border-label-points';
import { GET as publishedBorderLabels } from '../../src/routes/data/border-labels.geojson/+server';
import { BORDER_LABEL, BORDER_NOTE } from '$lib/geo/border-note';

const topology = JSON.parse(readFileSync('geodata/basemap.topo.json', 'utf8')) as Topology;
const border = decodeBasemap(topology).border as FeatureCollection<LineString | MultiLineString>;
const drawn = border.features.flatMap((f) =>
	(f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates).map(
		(coordinates) => ({ type: 'LineString' as const, coordinates })
	)
);

describe('where the border is named', () => {
	const points = borderLabelPoints(border).features;

	it('names the 2,600 km line every few hundred km, at points on it', () => {
		expect(points.length).toBeGreaterThanOrEqual(Math.floor(2000 / LABEL_SPACING_KM));
		for (const p of points) {
			const km = Math.min(...drawn.map((l) => pointToLineDistance(p.geometry, l, { units: 'kilometers' })));
			expect(km).toBeLessThan(12);
		}
	});

	it('is what the build publishes for the browser to read', async () => {
		const published = (await publishedBorderLabels().json()) as FeatureCollection;
		expect(published).toEqual(borderLabelPoints(border));
	});

	it('turns each name to the line but keeps it upright', () => {
		for (const p of points) {
			expect(p.properties.rotate).toBeGreaterThanOrEqual(-90);
			expect(p.properties.rotate).toBeLessThanOrEqual(90);
		}
	});

	it.each([
		[90, 0],
		[0, -90],
		[180, 90],
		[270, 0],
		[-90, 0],
		[45, -45],
		[135, 45]
	])('a line heading %s° is written at %s°', (heading, rotate) => {
		expect(uprightRotation(heading)).toBe(rotate);
	});
});

describe('the border in words', () => {
	it('names the line and says the map takes no side, as outside knowledge', () => {
		expect(BORDER_LABEL).toContain('Durand Line');
		const note = BORDER_NOTE.paragraphs.join(' ');
		expect(note).toMatch(/Afghanistan does not recognise it as an international border/);
		expect(note).toMatch(/takes no side/);
		expect(BORDER_NOTE.provenance).toMatch(/Outside knowledge/);
	});
});
