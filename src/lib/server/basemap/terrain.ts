/**
 * Writes the atlas's terrain from two Debian data packages: the rivers (geodata/rivers.topo.json,
 * from GSHHG's WDBII in gmt-gshhg-high, read with GMT) and the relief tint (static/terrain/
 * relief.png, from the SRTM texture in marble-qt-data, decoded with libjpeg-turbo's djpeg).
 *
 * Run with `npm run terrain` (`node src/lib/server/basemap/terrain.ts`) after
 * `apt-get install gmt gmt-gshhg-high marble-qt-data libjpeg-turbo-progs`. Only this script needs
 * those packages; the outputs are committed, and the build and the tests read only them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { FOCUS_COUNTRIES, REGION_BBOX } from '../../geo/region.ts';
import { RIVER_NAMES } from './river-names.ts';
import {
	LEVELS_EVERYWHERE,
	LEVELS_IN_FOCUS,
	nameRivers,
	readWdbiiRivers,
	riverTopology,
	selectRivers
} from './terrain-rivers.ts';
import {
	MARBLE_MAPS,
	calibrateGreyLevels,
	readSrtmTexture,
	smooth,
	tint,
	toMercatorRows
} from './terrain-relief.ts';
import { encodeIndexedPng } from './png.ts';

const RIVERS_OUT = join('geodata', 'rivers.topo.json');
const RELIEF_OUT = join('static', 'terrain', 'relief.png');
/** The share of river vertices kept by simplification: the rest is invisible at zoom ≤ 12. */
const RIVER_VERTICES_KEPT = 0.45;

const PACKAGES = {
	gmt: 'gmt',
	'gmt-gshhg-high': 'gmt-gshhg-high',
	'marble-qt-data': 'marble-qt-data',
	djpeg: 'libjpeg-turbo-progs'
};

function requireTools(): Record<string, string> {
	const missing: string[] = [];
	for (const [tool, pkg] of [
		['gmt', PACKAGES.gmt],
		['djpeg', PACKAGES.djpeg]
	] as const) {
		try {
			execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
		} catch {
			missing.push(pkg);
		}
	}
	if (!existsSync('/usr/share/gmt-gshhg/binned_river_h.nc')) missing.push(PACKAGES['gmt-gshhg-high']);
	if (!existsSync(join(MARBLE_MAPS, 'srtm', '3'))) missing.push(PACKAGES['marble-qt-data']);
	if (missing.length)
		throw new Error(`missing Debian packages: apt-get install -y ${[...new Set(missing)].join(' ')}`);
	const version = (pkg: string) =>
		execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg]).toString().trim() || 'unknown';
	return Object.fromEntries(Object.values(PACKAGES).map((pkg) => [pkg, version(pkg)]));
}

type Country = Feature<Polygon | MultiPolygon, { id: string }>;

function focusCountries(): Country[] {
	const basemap = JSON.parse(readFileSync(join('geodata', 'basemap.topo.json'), 'utf8')) as Topology;
	const countries = feature(basemap, basemap.objects.countries as GeometryCollection) as FeatureCollection<
		Polygon | MultiPolygon,
		{ id: string }
	>;
	const ids: string[] = Object.values(FOCUS_COUNTRIES);
	return countries.features.filter((f) => ids.includes(f.properties.id));
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const sizes = (file: Buffer | string) => `${kb(file.length)} (${kb(gzipSync(file).length)} gzip)`;

function rivers(upstream: Record<string, string>): void {
	const focus = focusCountries();
	const segments = readWdbiiRivers(REGION_BBOX, [...LEVELS_EVERYWHERE, ...LEVELS_IN_FOCUS]);
	const lines = selectRivers(segments, focus);
	const named = nameRivers(lines, RIVER_NAMES, focus);
	const topo = riverTopology(lines, named, RIVER_VERTICES_KEPT);
	const out =
		JSON.stringify({
			...topo,
			metadata: {
				generator: 'npm run terrain (src/lib/server/basemap/terrain.ts)',
				source: 'GSHHG 2.3.7 WDBII rivers, high resolution, via GMT coast -M',
				upstream: { 'gmt-gshhg-high': upstream['gmt-gshhg-high'], gmt: upstream.gmt },
				levelsEverywhere: LEVELS_EVERYWHERE,
				levelsInFocus: LEVELS_IN_FOCUS,
				bbox: REGION_BBOX
			}
		}) + '\n';
	writeFileSync(RIVERS_OUT, out);
	console.log(`wrote ${RIVERS_OUT}: ${sizes(out)}, ${lines.length} lines, ${named.length} named stretches`);
}

function relief(upstream: Record<string, string>): void {
	const texture = readSrtmTexture(REGION_BBOX);
	const metresPerGrey = calibrateGreyLevels(REGION_BBOX, texture);
	const metres = Float32Array.from(texture.grey, (g) => metresPerGrey[g]!);
	const grid = toMercatorRows(
		smooth({ width: texture.width, height: texture.height, values: metres }),
		REGION_BBOX
	);
	const image = tint(grid);
	const georeference = {
		bounds: REGION_BBOX,
		rows: 'Web Mercator (EPSG:3857): equal steps in Mercator y from north to south',
		source: `SRTM texture of KDE Marble, level 3 (marble-qt-data ${upstream['marble-qt-data']})`,
		calibration: 'heights approximate: grey levels calibrated against Marble srtm2 level 0'
	};
	const png = encodeIndexedPng({ ...image, text: { georeference: JSON.stringify(georeference) } });
	mkdirSync(dirname(RELIEF_OUT), { recursive: true });
	writeFileSync(RELIEF_OUT, png);
	console.log(`wrote ${RELIEF_OUT}: ${image.width} × ${image.height}, ${sizes(png)}`);
}

function main(): void {
	const upstream = requireTools();
	rivers(upstream);
	relief(upstream);
}

main();
