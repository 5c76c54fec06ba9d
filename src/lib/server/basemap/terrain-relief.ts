/**
 * The relief image: an elevation tint of the region from the SRTM texture that KDE Marble ships
 * (Debian's marble-qt-data: `maps/earth/srtm`, level 3, 2 arc-minutes or about 3.7 km a pixel).
 *
 * That texture stores elevation as 8-bit grey on a curve Marble does not document, so the grey
 * levels are calibrated here against Marble's own coarse elevation model (`maps/earth/srtm2`,
 * level 0: metres, about 30 km a pixel) over the same region: the median height per grey level,
 * made monotonic. Heights are therefore approximate, good for "lowland, hills, high mountains",
 * not for spot heights. The grid is smoothed by one pixel (to soften the texture's JPEG blocks),
 * resampled to Web Mercator rows (MapLibre stretches an image linearly between its corners, so an
 * image in plain latitude rows would sit up to 1.3° off in the middle), and tinted by the ramp of
 * src/lib/map/terrain.ts into an 8-bit palette PNG that is transparent below the ramp's first
 * stop, so lowland and sea keep the basemap's own colours.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RELIEF_CLASSES_METRES, reliefColourAt } from '../../map/relief-ramp.ts';
import { decodePng, type IndexedImage } from './png.ts';

export const MARBLE_MAPS = '/usr/share/marble/data/maps/earth';
const TILE = 675;
/** Level 3 of the texture: 16 × 8 tiles of 675 px, so 30 pixels a degree. */
const LEVEL = 3;
const PER_DEGREE = 30;

type BBox = [number, number, number, number];

interface Grid {
	width: number;
	height: number;
	values: Float32Array;
}

const pad = (n: number) => String(n).padStart(6, '0');

function readTile(row: number, col: number): Uint8Array {
	const path = join(MARBLE_MAPS, 'srtm', String(LEVEL), pad(row), `${pad(row)}_${pad(col)}.jpg`);
	// djpeg (libjpeg-turbo-progs) writes a binary PGM: a short text header, then the samples.
	const pgm = execFileSync('djpeg', ['-grayscale', '-pnm', path], { maxBuffer: 1 << 24 });
	if (pgm.subarray(0, 2).toString() !== 'P5') throw new Error(`${path}: djpeg did not write a PGM`);
	return pgm.subarray(pgm.length - TILE * TILE);
}

/** The texture's grey levels over a bbox whose edges lie on its 1/30° pixel grid. */
export function readSrtmTexture(bbox: BBox): { width: number; height: number; grey: Uint8Array } {
	const [w, s, e, n] = bbox;
	const x0 = Math.round((w + 180) * PER_DEGREE);
	const x1 = Math.round((e + 180) * PER_DEGREE);
	const y0 = Math.round((90 - n) * PER_DEGREE);
	const y1 = Math.round((90 - s) * PER_DEGREE);
	const width = x1 - x0;
	const height = y1 - y0;
	const grey = new Uint8Array(width * height);
	const tiles = new Map<string, Uint8Array>();
	for (let y = y0; y < y1; y++) {
		for (let x = x0; x < x1; x++) {
			const id = `${Math.floor(y / TILE)}/${Math.floor(x / TILE)}`;
			if (!tiles.has(id)) tiles.set(id, readTile(Math.floor(y / TILE), Math.floor(x / TILE)));
			grey[(y - y0) * width + (x - x0)] = tiles.get(id)![(y % TILE) * TILE + (x % TILE)]!;
		}
	}
	return { width, height, grey };
}

/** Metres for each grey level (see the doc block), from Marble's srtm2 level-0 heights. */
export function calibrateGreyLevels(bbox: BBox, texture: ReturnType<typeof readSrtmTexture>): Float64Array {
	const [w, s, e, n] = bbox;
	// Level 0 of srtm2 is two 675 px tiles, west and east; this region is in the eastern one.
	if (w < 0) throw new Error('calibration reads only the eastern srtm2 tile');
	const tile = decodePng(readFileSync(join(MARBLE_MAPS, 'srtm2', '0', pad(0), `${pad(0)}_${pad(1)}.png`)));
	const perDegree = TILE / 180;
	const samples: number[][] = Array.from({ length: 256 }, () => []);
	const block = Math.round(PER_DEGREE / perDegree); // texture pixels per srtm2 pixel: 8
	for (let Y = Math.ceil((90 - n) * perDegree); Y < Math.floor((90 - s) * perDegree); Y++) {
		for (let X = Math.ceil(w * perDegree); X < Math.floor(e * perDegree); X++) {
			const i = (Y * TILE + X) * tile.channels;
			// Marble keeps a signed 16-bit height in the green and blue bytes.
			const raw = (tile.data[i + 1]! << 8) | tile.data[i + 2]!;
			const metres = raw > 0x7fff ? raw - 0x10000 : raw;
			if (metres === 0 || metres === -0x8000) continue; // sea, or no data
			const lon = (X + 0.5) / perDegree;
			const lat = 90 - (Y + 0.5) / perDegree;
			const cx = Math.floor((lon - w) * PER_DEGREE) - block / 2;
			const cy = Math.floor((n - lat) * PER_DEGREE) - block / 2;
			const greys: number[] = [];
			for (let dy = 0; dy < block; dy++)
				for (let dx = 0; dx < block; dx++) {
					const x = cx + dx;
					const y = cy + dy;
					if (x >= 0 && y >= 0 && x < texture.width && y < texture.height)
						greys.push(texture.grey[y * texture.width + x]!);
				}
			if (greys.length === 0) continue;
			greys.sort((a, b) => a - b);
			samples[greys[greys.length >> 1]!]!.push(metres);
		}
	}
	return monotonicMedians(samples);
}

/** Median per grey level, made non-decreasing by pooling adjacent violators, gaps interpolated. */
export function monotonicMedians(samples: number[][]): Float64Array {
	const blocks: { from: number; to: number; value: number; weight: number }[] = [];
	samples.forEach((values, grey) => {
		if (values.length < 3) return; // too few to trust
		const sorted = [...values].sort((a, b) => a - b);
		blocks.push({ from: grey, to: grey, value: sorted[sorted.length >> 1]!, weight: values.length });
		while (blocks.length > 1 && blocks.at(-2)!.value > blocks.at(-1)!.value) {
			const b = blocks.pop()!;
			const a = blocks.pop()!;
			const weight = a.weight + b.weight;
			blocks.push({
				from: a.from,
				to: b.to,
				value: (a.value * a.weight + b.value * b.weight) / weight,
				weight
			});
		}
	});
	if (blocks.length < 2) throw new Error('too few samples to calibrate the relief');
	// A pooled block holds its value over its whole span; interpolate between blocks, flat beyond.
	const knots = blocks.flatMap((b) =>
		b.from === b.to ? [[b.from, b.value] as const] : [[b.from, b.value] as const, [b.to, b.value] as const]
	);
	const out = new Float64Array(256);
	for (let g = 0; g < 256; g++) {
		const j = knots.findIndex(([x]) => x >= g);
		if (j <= 0) out[g] = j === 0 ? knots[0]![1] : knots.at(-1)![1];
		else {
			const [xa, ya] = knots[j - 1]!;
			const [xb, yb] = knots[j]!;
			out[g] = ya + ((yb - ya) * (g - xa)) / (xb - xa);
		}
	}
	return out;
}

/** A binomial 3 × 3 blur: removes the texture's JPEG block edges, keeps its 3.7 km detail. */
export function smooth(grid: Grid): Grid {
	const { width, height, values } = grid;
	const out = new Float32Array(values.length);
	const k = [1, 2, 1];
	for (let y = 0; y < height; y++)
		for (let x = 0; x < width; x++) {
			let sum = 0;
			let weight = 0;
			for (let dy = -1; dy <= 1; dy++)
				for (let dx = -1; dx <= 1; dx++) {
					const xx = x + dx;
					const yy = y + dy;
					if (xx < 0 || yy < 0 || xx >= width || yy >= height) continue;
					const kw = k[dx + 1]! * k[dy + 1]!;
					sum += values[yy * width + xx]! * kw;
					weight += kw;
				}
			out[y * width + x] = sum / weight;
		}
	return { width, height, values: out };
}

const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitudeOf = (y: number) => (Math.atan(Math.sinh(y)) * 180) / Math.PI;

/** The height in pixels a bbox takes in Web Mercator at the given width. */
export function mercatorHeight(bbox: BBox, width: number): number {
	const [w, s, e, n] = bbox;
	return Math.round((width * (mercatorY(n) - mercatorY(s))) / (((e - w) * Math.PI) / 180));
}

/** Resamples rows equally spaced in latitude to rows equally spaced in Web Mercator y. */
export function toMercatorRows(grid: Grid, bbox: BBox): Grid {
	const [, s, , n] = bbox;
	const { width, height: rows, values } = grid;
	const height = mercatorHeight(bbox, width);
	const [top, bottom] = [mercatorY(n), mercatorY(s)];
	const out = new Float32Array(width * height);
	for (let r = 0; r < height; r++) {
		const lat = latitudeOf(top - ((r + 0.5) * (top - bottom)) / height);
		const source = Math.min(rows - 1, Math.max(0, ((n - lat) / (n - s)) * rows - 0.5));
		const a = Math.floor(source);
		const b = Math.min(rows - 1, a + 1);
		const t = source - a;
		for (let x = 0; x < width; x++)
			out[r * width + x] = values[a * width + x]! * (1 - t) + values[b * width + x]! * t;
	}
	return { width, height, values: out };
}

/** Palette index 0 is transparent (below the first class); index i + 1 is class i. */
export function tint(grid: Grid): Pick<IndexedImage, 'width' | 'height' | 'indices' | 'palette'> {
	const classes = RELIEF_CLASSES_METRES;
	const palette: IndexedImage['palette'] = [[0, 0, 0, 0]];
	classes.forEach((from, i) => {
		const to = classes[i + 1] ?? from + (from - (classes[i - 1] ?? 0));
		palette.push(reliefColourAt((from + to) / 2));
	});
	const indices = new Uint8Array(grid.values.length);
	grid.values.forEach((metres, i) => {
		let c = 0;
		while (c < classes.length && metres >= classes[c]!) c++;
		indices[i] = c;
	});
	return { width: grid.width, height: grid.height, indices, palette };
}
