/**
 * Relief and rivers: invariants over the generated layers (ids, sources, order in the basemap,
 * contrast) and over the committed outputs of `npm run terrain` (bounds, sizes, georeference,
 * the baked ramp, every name on a river line that is in the data).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as turf from '@turf/turf';
import type { Feature, LineString } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { REGION_BBOX } from '$lib/geo/region';
import { contrastRatio } from '$lib/map/colour';
import { FONT_FILES } from '$lib/map/fonts';
import { lightPalette } from '$lib/map/palette';
import { RELIEF_CLASSES_METRES, RELIEF_RAMP, reliefColourAt } from '$lib/map/relief-ramp';
import { basemapLayers } from '$lib/map/style';
import {
	RELIEF_BOUNDS,
	RELIEF_OPACITY,
	RELIEF_PATH,
	RIVERS_PATH,
	TERRAIN_BEFORE,
	TERRAIN_LAYER,
	TERRAIN_SOURCE,
	decodeRivers,
	reliefLayers,
	riverLabelLayers,
	riverLayers,
	terrainSources,
	withTerrain
} from '$lib/map/terrain';
import { decodePng } from '$lib/server/basemap/png';
import { RIVER_NAMES } from '$lib/server/basemap/river-names';

const palette = lightPalette;
const terrain = [...reliefLayers(), ...riverLayers(palette), ...riverLabelLayers(palette)];
const basemap = basemapLayers(palette);
const combined = withTerrain(basemap, palette);
const sources = terrainSources('http://127.0.0.1:4173/atlas/');
const ids = (layers: LayerSpecification[]) => layers.map((l) => l.id);

const riversFile = readFileSync('geodata/rivers.topo.json');
const rivers = decodeRivers(JSON.parse(riversFile.toString('utf8')) as Topology);
const network = rivers.features.filter((f) => f.properties?.kind === 'river') as Feature<LineString>[];
const named = rivers.features.filter((f) => f.properties?.kind === 'name') as Feature<LineString>[];

const reliefFile = readFileSync(`static/${RELIEF_PATH}`);
const relief = decodePng(reliefFile);

/** The network's segments by 0.2° cell of their start, for distance checks near a point. */
const CELL = 0.2;
const cellKey = (lon: number, lat: number) => `${Math.floor(lon / CELL)},${Math.floor(lat / CELL)}`;
const segmentsByCell = new Map<string, [number[], number[]][]>();
for (const f of network)
	f.geometry.coordinates.slice(1).forEach((b, i) => {
		const a = f.geometry.coordinates[i]!;
		const key = cellKey(a[0]!, a[1]!);
		segmentsByCell.set(key, [...(segmentsByCell.get(key) ?? []), [a, b]]);
	});

/**
 * The distance in km from a point to the nearest network segment starting within `cells` grid
 * cells (a flat projection is exact enough at these distances). Segments of the simplified
 * network are far shorter than a cell, so a segment passing near the point starts nearby.
 */
function kmToNetwork([lon, lat]: [number, number], cells: number): number {
	const kx = 111.32 * Math.cos((lat * Math.PI) / 180);
	const ky = 110.57;
	let best = Infinity;
	for (let dx = -cells; dx <= cells; dx++)
		for (let dy = -cells; dy <= cells; dy++)
			for (const [a, b] of segmentsByCell.get(cellKey(lon + dx * CELL, lat + dy * CELL)) ?? []) {
				const [ax, ay] = [(a[0]! - lon) * kx, (a[1]! - lat) * ky];
				const [vx, vy] = [(b[0]! - a[0]!) * kx, (b[1]! - a[1]!) * ky];
				const t = Math.max(0, Math.min(1, -(ax * vx + ay * vy) / (vx * vx + vy * vy || 1)));
				best = Math.min(best, Math.hypot(ax + t * vx, ay + t * vy));
			}
	return best;
}

/** The source's MapLibre filter as a predicate on the committed features (the forms used here). */
function matches(filter: unknown, props: Record<string, unknown>): boolean {
	const [op, ...args] = filter as [string, ...unknown[]];
	const value = (a: unknown) => (Array.isArray(a) && a[0] === 'get' ? props[a[1] as string] : a);
	if (op === 'all') return args.every((a) => matches(a, props));
	if (op === '==') return value(args[0]) === value(args[1]);
	if (op === 'in') return ((args[1] as ['literal', unknown[]])[1] ?? []).includes(value(args[0]));
	throw new Error(`filter operator ${op} not handled by the test`);
}

describe('terrain layers', () => {
	it('have ids of their own, unique in the combined style', () => {
		expect(ids(terrain)).toEqual(expect.arrayContaining(Object.values(TERRAIN_LAYER)));
		expect(new Set(ids(combined)).size).toBe(combined.length);
		expect(combined.length).toBe(basemap.length + terrain.length);
	});

	it('draw only from the two terrain sources, which name nothing off the app’s origin', () => {
		for (const layer of terrain)
			expect(Object.keys(sources), layer.id).toContain((layer as { source: string }).source);
		const image = sources[TERRAIN_SOURCE.relief];
		expect(image.url).toBe(`http://127.0.0.1:4173/atlas/${RELIEF_PATH}`);
		expect(typeof sources[TERRAIN_SOURCE.rivers].data).not.toBe('string');
	});

	it('place the relief over the land fills and under every tint, line and label', () => {
		const order = ids(combined);
		const relief = order.indexOf(TERRAIN_LAYER.relief);
		expect(relief).toBeGreaterThan(order.indexOf('land'));
		expect(relief).toBeGreaterThan(order.indexOf('countries-fill'));
		expect(order[relief + 1]).toBe(TERRAIN_BEFORE.relief);
		for (const id of [
			'area-highlight-provinces',
			'belt-fill',
			'provinces-line',
			'border-line',
			'province-labels'
		])
			expect(order.indexOf(id), id).toBeGreaterThan(relief);
	});

	it('draw rivers above the belt tint and below every boundary', () => {
		const order = ids(combined);
		for (const id of [TERRAIN_LAYER.riversMain, TERRAIN_LAYER.riversTributary, TERRAIN_LAYER.riversMinor]) {
			expect(order.indexOf(id), id).toBeGreaterThan(order.indexOf('belt-fill'));
			for (const boundary of ['provinces-line', 'fata-line', 'countries-line', 'border-line'])
				expect(order.indexOf(id), `${id} under ${boundary}`).toBeLessThan(order.indexOf(boundary));
		}
	});

	it('rank river names below province and country names, with every symbol layer last', () => {
		const order = ids(combined);
		for (const layer of riverLabelLayers(palette)) {
			expect(order.indexOf(layer.id)).toBeLessThan(order.indexOf('province-labels'));
			expect(order.indexOf(layer.id)).toBeLessThan(order.indexOf('country-labels'));
		}
		const firstSymbol = combined.findIndex((l) => l.type === 'symbol');
		expect(combined.slice(firstSymbol).every((l) => l.type === 'symbol')).toBe(true);
	});

	it('name only bundled fonts and place labels along lines', () => {
		for (const layer of riverLabelLayers(palette)) {
			expect(layer.type).toBe('symbol');
			for (const font of layer.layout?.['text-font'] as string[])
				expect(Object.keys(FONT_FILES)).toContain(font);
			expect(layer.layout?.['symbol-placement']).toBe('line');
		}
	});

	it('refuse a basemap that lacks a layer they are placed against', () => {
		const without = basemap.filter((l) => l.id !== TERRAIN_BEFORE.rivers);
		expect(() => withTerrain(without, palette)).toThrow(/provinces-line/);
		expect(withTerrain(basemap, palette)).not.toBe(basemap);
		expect(basemap.some((l) => l.id === TERRAIN_LAYER.relief)).toBe(false);
	});

	it('draw every river level in the data exactly once', () => {
		const lineLayers = riverLayers(palette);
		const levels = [...new Set(network.map((f) => f.properties!.level as number))];
		expect(levels.length).toBeGreaterThan(2);
		for (const level of levels) {
			const drawnBy = lineLayers.filter((l) => matches(l.filter, { kind: 'river', level }));
			expect(
				drawnBy.map((l) => l.id),
				`level ${level}`
			).toHaveLength(1);
		}
	});

	it('label from line versions that exist in the data', () => {
		for (const layer of riverLabelLayers(palette)) {
			const shown = named.filter((f) => matches(layer.filter, f.properties!));
			expect(shown.length, layer.id).toBeGreaterThanOrEqual(RIVER_NAMES.length);
			expect(network.some((f) => matches(layer.filter, f.properties!))).toBe(false);
		}
	});
});

describe('terrain colours', () => {
	// The strongest tint of the ramp, as it looks over the focus countries' land.
	const [r, g, b, a] = reliefColourAt(Math.max(...RELIEF_RAMP.map((s) => s.metres)));
	const land = [1, 3, 5].map((i) => parseInt(palette.landFocus.slice(i, i + 2), 16));
	const t = (a / 255) * RELIEF_OPACITY;
	const darkest = `#${[r, g, b]
		.map((c, i) =>
			Math.round(c * t + land[i]! * (1 - t))
				.toString(16)
				.padStart(2, '0')
		)
		.join('')}`;

	it.each([
		['riverLabel', 'the focus land', palette.riverLabel, palette.landFocus],
		['riverLabel', 'its halo', palette.riverLabel, palette.labelHalo],
		['riverLabel', 'the strongest relief tint', palette.riverLabel, darkest],
		['labelProvince', 'the strongest relief tint', palette.labelProvince, darkest]
	])('%s meets WCAG AA for text (4.5:1) on %s', (_, __, fg, bg) => {
		expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
	});

	it('keeps river lines visible on the land (3:1 for graphics)', () => {
		expect(contrastRatio(palette.river, palette.landFocus)).toBeGreaterThanOrEqual(3);
	});

	it('keeps the plains untinted: the ramp starts transparent', () => {
		expect(reliefColourAt(0)[3]).toBe(0);
		expect(reliefColourAt(RELIEF_RAMP[0]!.metres)[3]).toBe(0);
		expect(reliefColourAt(3000)[3]).toBeGreaterThan(reliefColourAt(1000)[3]);
	});
});

describe('geodata/rivers.topo.json', () => {
	it('is small', () => {
		expect(riversFile.length).toBeLessThan(200 * 1024);
		expect(gzipSync(riversFile).length).toBeLessThan(60 * 1024);
	});

	it('lies inside the region', () => {
		const [w, s, e, n] = REGION_BBOX;
		const [minX, minY, maxX, maxY] = turf.bbox(rivers);
		expect(minX).toBeGreaterThanOrEqual(w);
		expect(minY).toBeGreaterThanOrEqual(s);
		expect(maxX).toBeLessThanOrEqual(e);
		expect(maxY).toBeLessThanOrEqual(n);
	});

	it('holds only rivers with a kept level and named stretches with their provenance', () => {
		for (const f of rivers.features) {
			const p = f.properties!;
			expect(f.geometry.type).toBe('LineString');
			if (p.kind === 'river') expect([0, 1, 2, 3, 4]).toContain(p.level);
			else {
				expect(p.kind).toBe('name');
				expect(p.provenance).toMatch(/outside knowledge.*GSHHG WDBII/);
				expect(['regional', 'local']).toContain(p.detail);
			}
		}
		expect(network.length).toBeGreaterThan(50);
	});

	it('names every river of the hand-written table, and nothing else', () => {
		const expected = new Set(RIVER_NAMES.flatMap((r) => (r.nameIn ? Object.values(r.nameIn) : [r.name])));
		expect(new Set(named.map((f) => f.properties!.name))).toEqual(expected);
		expect(expected).toContain('Kabul');
		expect(expected).not.toContain('Swat');
	});

	it('puts every name on a river line that is in the data', () => {
		// Label lines are simplified and smoothed copies of the named stretch: coarse, or fine.
		const within = { regional: 12, local: 4 } as Record<string, number>;
		for (const label of named) {
			const limit = within[label.properties!.detail as string]!;
			for (const point of label.geometry.coordinates as [number, number][]) {
				const km = kmToNetwork(point, Math.ceil(limit / (CELL * 80)) + 1);
				expect(km, `${label.properties!.name} at ${point.join(',')}`).toBeLessThanOrEqual(limit);
			}
		}
	});
});

describe('static/terrain/relief.png', () => {
	const georeference = JSON.parse(relief.text.georeference ?? '{}') as { bounds?: number[]; rows?: string };
	const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
	const [w, s, e, n] = RELIEF_BOUNDS;

	/** The ramp class at a place: the pixel's palette index (0 is below the first class). */
	function classAt(lon: number, lat: number): number {
		const x = Math.floor(((lon - w) / (e - w)) * relief.width);
		const y = Math.floor(((mercatorY(n) - mercatorY(lat)) / (mercatorY(n) - mercatorY(s))) * relief.height);
		return relief.data[y * relief.width + x]!;
	}
	const metresOf = (index: number) => (index === 0 ? 0 : RELIEF_CLASSES_METRES[index - 1]!);

	it('is a small 8-bit palette image', () => {
		expect(reliefFile.length).toBeLessThan(300 * 1024);
		expect(relief.channels).toBe(1);
		expect(relief.palette!.length).toBe(RELIEF_CLASSES_METRES.length + 1);
	});

	it('is georeferenced to the map’s relief bounds, in Web Mercator rows', () => {
		expect(georeference.bounds).toEqual([...RELIEF_BOUNDS]);
		expect(georeference.rows).toMatch(/Web Mercator/);
		const aspect = (mercatorY(n) - mercatorY(s)) / (((e - w) * Math.PI) / 180);
		expect(Math.abs(relief.height - relief.width * aspect)).toBeLessThanOrEqual(1);
		expect(sources[TERRAIN_SOURCE.relief].coordinates).toEqual([
			[w, n],
			[e, n],
			[e, s],
			[w, s]
		]);
	});

	it('carries the ramp of the code (re-run `npm run terrain` after changing it)', () => {
		expect(relief.palette![0]![3]).toBe(0);
		RELIEF_CLASSES_METRES.forEach((from, i) => {
			const entry = relief.palette![i + 1]!;
			const next = RELIEF_CLASSES_METRES[i + 1];
			if (next === undefined) return; // the top class's midpoint is an extrapolation
			expect(entry, `class from ${from} m`).toEqual(reliefColourAt((from + next) / 2));
		});
	});

	it('tints hills and mountains and leaves the plains and the sea clear', () => {
		const tinted = relief.data.filter((i) => i > 0).length / relief.data.length;
		expect(tinted).toBeGreaterThan(0.2);
		expect(tinted).toBeLessThan(0.9);
	});

	// Heights known from outside the data, in wide bands: the tint is approximate by design.
	it.each([
		['Karachi, on the coast', 67.01, 24.86, 0, 300],
		['Lahore, in the Punjab plain', 74.35, 31.55, 0, 300],
		['Kabul, about 1,800 m', 69.17, 34.53, 1300, 2300],
		['Quetta, about 1,700 m', 67.0, 30.18, 1200, 2200],
		['the Tibetan plateau, over 4,500 m', 84.0, 33.0, 4000, 6000]
	])('puts %s in the right band', (_, lon, lat, low, high) => {
		const metres = metresOf(classAt(lon, lat));
		expect(metres).toBeGreaterThanOrEqual(low);
		expect(metres).toBeLessThanOrEqual(high);
	});
});

describe('terrain files in the build', () => {
	it('publishes the rivers through a prerendered endpoint and the relief from static/', () => {
		const endpoint = readFileSync(`src/routes/${RIVERS_PATH}/+server.ts`, 'utf8');
		expect(endpoint).toContain('geodata/rivers.topo.json?raw');
		expect(endpoint).toMatch(/prerender = true/);
		expect(RELIEF_PATH.startsWith('/')).toBe(false); // relative to the site root, so a base path works
	});
});
