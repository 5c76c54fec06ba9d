/**
 * The pure steps of `npm run terrain` on small hand-made inputs: joining GSHHG's bin-cut river
 * segments, routing a name along the network, smoothing label lines, the grey-level calibration,
 * the Web Mercator resampling and the PNG codec. The real tools (GMT, djpeg) are not needed.
 */
import { describe, expect, it } from 'vitest';
import {
	buildGraph,
	chaikin,
	distanceKm,
	lengthKm,
	mergeSegments,
	nearestVertex,
	shortestPath,
	type LonLat,
	type RiverLine
} from '$lib/server/basemap/river-network';
import { mercatorHeight, monotonicMedians, toMercatorRows } from '$lib/server/basemap/terrain-relief';
import { decodePng, encodeIndexedPng } from '$lib/server/basemap/png';

const line = (level: number, ...coordinates: LonLat[]): RiverLine => ({ level, coordinates });

describe('mergeSegments', () => {
	it('joins pieces cut at a bin edge, whichever way each runs', () => {
		const merged = mergeSegments([line(1, [0, 0], [1, 0]), line(1, [2, 0], [1, 0]), line(1, [2, 0], [3, 1])]);
		expect(merged).toHaveLength(1);
		expect(merged[0]!.coordinates).toEqual([
			[0, 0],
			[1, 0],
			[2, 0],
			[3, 1]
		]);
	});

	it('keeps a confluence (three ends at one point) and different levels apart', () => {
		const confluence = mergeSegments([
			line(1, [0, 0], [1, 0]),
			line(1, [1, 0], [2, 0]),
			line(1, [1, 1], [1, 0])
		]);
		expect(confluence).toHaveLength(3);
		expect(mergeSegments([line(1, [0, 0], [1, 0]), line(2, [1, 0], [2, 0])])).toHaveLength(2);
	});

	it('drops repeated vertices and pieces that have no length', () => {
		const merged = mergeSegments([line(3, [0, 0], [0, 0], [1, 0]), line(3, [5, 5], [5, 5])]);
		expect(merged).toEqual([line(3, [0, 0], [1, 0])]);
	});
});

describe('river graph', () => {
	// A main stem along the equator with a tributary joining at 1°E, and a detached piece.
	const stem = line(1, [0, 0], [1, 0], [2, 0]);
	const tributary = line(1, [1, 0], [1, 1]);
	const detached = line(1, [2.005, 0], [3, 0]); // ends about 0.6 km from the stem

	it('routes along the lines, through the confluence', () => {
		const graph = buildGraph([stem, tributary]);
		const from = nearestVertex(graph, [0, 0.01]);
		const to = nearestVertex(graph, [1, 0.99]);
		expect(from.km).toBeCloseTo(distanceKm([0, 0], [0, 0.01]), 6);
		expect(shortestPath(graph, from.id, to.id)).toEqual([
			[0, 0],
			[1, 0],
			[1, 1]
		]);
	});

	it('bridges a small gap only when asked to', () => {
		const loose = buildGraph([stem, detached]);
		const a = nearestVertex(loose, [0, 0]).id;
		const b = nearestVertex(loose, [3, 0]).id;
		expect(shortestPath(loose, a, b)).toBeUndefined();
		const bridged = buildGraph([stem, detached], 1.5);
		const path = shortestPath(bridged, nearestVertex(bridged, [0, 0]).id, nearestVertex(bridged, [3, 0]).id);
		expect(path?.at(-1)).toEqual([3, 0]);
		expect(lengthKm(path!)).toBeCloseTo(distanceKm([0, 0], [3, 0]), 0);
	});
});

describe('chaikin', () => {
	it('cuts corners but keeps the ends', () => {
		const corner: LonLat[] = [
			[0, 0],
			[1, 0],
			[1, 1]
		];
		const once = chaikin(corner, 1);
		expect(once).toEqual([
			[0, 0],
			[0.75, 0],
			[1, 0.25],
			[1, 1]
		]);
		const thrice = chaikin(corner, 3);
		expect(thrice[0]).toEqual([0, 0]);
		expect(thrice.at(-1)).toEqual([1, 1]);
		expect(thrice).not.toContainEqual([1, 0]);
	});

	it('leaves a straight two-point line alone', () => {
		expect(
			chaikin(
				[
					[0, 0],
					[1, 1]
				],
				3
			)
		).toEqual([
			[0, 0],
			[1, 1]
		]);
	});
});

describe('monotonicMedians', () => {
	it('takes the median per grey level and pools levels that go down', () => {
		const samples: number[][] = Array.from({ length: 256 }, () => []);
		samples[10] = [0, 10, 20]; // median 10
		samples[20] = [100, 200, 300]; // median 200
		samples[21] = [90, 100, 110]; // median 100: lower than level 20, so pooled with it
		samples[30] = [500, 500, 500];
		samples[40] = [1]; // too few samples: ignored
		const metres = monotonicMedians(samples);
		expect(metres[10]).toBe(10);
		expect(metres[20]).toBe(150);
		expect(metres[21]).toBe(150);
		expect(metres[30]).toBe(500);
		expect(metres[0]).toBe(10); // flat below the first level
		expect(metres[255]).toBe(500); // and above the last
		for (let g = 1; g < 256; g++) expect(metres[g]!).toBeGreaterThanOrEqual(metres[g - 1]!);
	});
});

describe('toMercatorRows', () => {
	it('gives each output row the value of its own latitude', () => {
		const bbox: [number, number, number, number] = [0, 0, 40, 60];
		// One column whose value is the latitude at each row centre: 60 rows of one degree.
		const rows = 60;
		const grid = { width: 1, height: rows, values: Float32Array.from({ length: rows }, (_, r) => 59.5 - r) };
		const out = toMercatorRows(grid, bbox);
		expect(out.height).toBe(mercatorHeight(bbox, 1));
		const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
		const top = mercatorY(60);
		const step = (top - mercatorY(0)) / out.height;
		for (let r = 1; r < out.height - 1; r++) {
			const lat = (Math.atan(Math.sinh(top - (r + 0.5) * step)) * 180) / Math.PI;
			expect(out.values[r]!).toBeCloseTo(lat, 4);
		}
	});

	it('is taller than a plain latitude grid would be, as the Mercator stretch demands', () => {
		expect(mercatorHeight([46, 14, 88, 46], 1260)).toBeGreaterThan(((46 - 14) / (88 - 46)) * 1260);
	});
});

describe('PNG codec', () => {
	it('round-trips a palette image with transparency and text', () => {
		const indices = Uint8Array.from({ length: 5 * 3 }, (_, i) => i % 3);
		const palette: [number, number, number, number][] = [
			[0, 0, 0, 0],
			[200, 180, 150, 60],
			[120, 96, 70, 110]
		];
		const png = encodeIndexedPng({ width: 5, height: 3, indices, palette, text: { note: 'bounds' } });
		const back = decodePng(png);
		expect([back.width, back.height, back.channels]).toEqual([5, 3, 1]);
		expect(Array.from(back.data)).toEqual(Array.from(indices));
		expect(back.palette).toEqual(palette);
		expect(back.text).toEqual({ note: 'bounds' });
	});

	it('rejects what it cannot read', () => {
		expect(() => decodePng(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow(/not a PNG/);
		expect(() =>
			encodeIndexedPng({ width: 2, height: 2, indices: new Uint8Array(3), palette: [[0, 0, 0, 0]] })
		).toThrow(/pixel count/);
	});
});
