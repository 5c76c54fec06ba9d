/**
 * The rivers of the region, from GSHHG's WDBII river lines (Debian's gmt-gshhg-high, read with
 * GMT's `coast -M` dump), selected, named by hand (river-names.ts) and packed as TopoJSON.
 *
 * Kept: everywhere in the region, the double-lined and major rivers (GMT levels 0–2); in
 * Afghanistan and Pakistan also the additional and minor permanent rivers (levels 3–4), whole,
 * wherever a line touches either country. Dropped: intermittent rivers and canals (levels 5–10),
 * which would bury the valleys that matter under the Punjab's irrigation network.
 */
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { quantize } from 'topojson-client';
import type { Topology } from 'topojson-specification';
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
} from './river-network.ts';
import { PROVENANCE, WAYPOINT_TOLERANCE_KM, type RiverName } from './river-names.ts';

/** The GMT river levels kept everywhere, and those kept only where they touch the two countries. */
export const LEVELS_EVERYWHERE = [0, 1, 2];
export const LEVELS_IN_FOCUS = [3, 4];

/** How far apart two line ends may be and still be one river (GSHHG leaves small gaps). */
const BRIDGE_KM = 1.5;

/**
 * The named stretches are simplified for their labels, in degrees: MapLibre puts a label along a
 * line only where the line bends less than `text-max-angle` over the label's length, which a
 * river's meanders defeat. Two versions: a coarse one for the regional view (~9 km, under 2 px at
 * zoom 5) and a finer one for closer views.
 */
export const LABEL_LINE_TOLERANCE = { regional: 0.08, local: 0.015 } as const;
/** Then smoothed (chaikin in river-network.ts), so the simplified corners do not stop a label. */
const LABEL_SMOOTHING_PASSES = 3;

/** Reads the WDBII river segments of a bbox, as GMT dumps them: cut at its 1° bins. */
export function readWdbiiRivers(bbox: [number, number, number, number], levels: number[]): RiverLine[] {
	const [w, s, e, n] = bbox;
	const args = ['coast', `-R${w}/${e}/${s}/${n}`, '-Dh', '-M', ...levels.map((l) => `-I${l}`)];
	// Run in the temporary folder: GMT leaves a gmt.history file wherever it runs.
	const dump = execFileSync('gmt', args, { maxBuffer: 1 << 28, cwd: tmpdir() }).toString();
	const segments: RiverLine[] = [];
	let current: RiverLine | undefined;
	for (const row of dump.split('\n')) {
		if (row.startsWith('>')) {
			const level = /Level (\d+)/.exec(row);
			if (!level) throw new Error(`unexpected GMT segment header: ${row}`);
			current = { level: Number(level[1]), coordinates: [] };
			segments.push(current);
			continue;
		}
		const [lon, lat] = row.trim().split(/\s+/).map(Number);
		if (current && row.trim() && Number.isFinite(lon) && Number.isFinite(lat))
			current.coordinates.push([lon!, lat!]);
	}
	return segments;
}

type CountryPolygons = Feature<Polygon | MultiPolygon, { id: string }>[];

const touches = (line: RiverLine, countries: CountryPolygons) =>
	line.coordinates.some((p) => countries.some((c) => turf.booleanPointInPolygon(p, c)));

/** The lines the atlas draws, merged into whole rivers (see the file's doc block). */
export function selectRivers(segments: RiverLine[], focus: CountryPolygons): RiverLine[] {
	return mergeSegments(segments).filter(
		(line) =>
			LEVELS_EVERYWHERE.includes(line.level) || (LEVELS_IN_FOCUS.includes(line.level) && touches(line, focus))
	);
}

export type NamedRiver = Feature<
	LineString,
	{ kind: 'name'; detail: 'regional' | 'local'; id: string; name: string; provenance: string }
>;

/** The stretch of each named river, split where its name changes with the country. */
export function nameRivers(lines: RiverLine[], names: RiverName[], countries: CountryPolygons): NamedRiver[] {
	const out: NamedRiver[] = [];
	for (const river of names) {
		const graph = buildGraph(
			lines.filter((l) => river.levels.includes(l.level)),
			BRIDGE_KM
		);
		const snapped = river.waypoints.map(({ at, what }) => {
			const nearest = nearestVertex(graph, at);
			if (nearest.km > WAYPOINT_TOLERANCE_KM)
				throw new Error(
					`${river.id}: ${what} is ${nearest.km.toFixed(1)} km from any level ${river.levels.join('/')} line`
				);
			return nearest.id;
		});
		let path: LonLat[] = [];
		for (let i = 1; i < snapped.length; i++) {
			const leg = shortestPath(graph, snapped[i - 1]!, snapped[i]!);
			const [from, to] = [river.waypoints[i - 1]!, river.waypoints[i]!];
			if (!leg) throw new Error(`${river.id}: no line connects ${from.what} and ${to.what}`);
			// A path far longer than the crow flies has wandered up another river.
			const crow = distanceKm(from.at, to.at);
			if (lengthKm(leg) > 3 * crow + 2 * WAYPOINT_TOLERANCE_KM)
				throw new Error(
					`${river.id}: the path from ${from.what} to ${to.what} wanders (${lengthKm(leg)} km)`
				);
			path = path.length ? [...path, ...leg.slice(1)] : leg;
		}
		for (const run of splitByCountry(path, river, countries)) {
			for (const [detail, tolerance] of Object.entries(LABEL_LINE_TOLERANCE)) {
				const simple = turf.simplify(turf.lineString(run.coordinates), { tolerance, highQuality: true });
				out.push(
					turf.lineString(chaikin(simple.geometry.coordinates as LonLat[], LABEL_SMOOTHING_PASSES), {
						kind: 'name' as const,
						detail: detail as keyof typeof LABEL_LINE_TOLERANCE,
						id: run.id,
						name: run.name,
						provenance: PROVENANCE
					}) as NamedRiver
				);
			}
		}
	}
	return out;
}

function splitByCountry(path: LonLat[], river: RiverName, countries: CountryPolygons) {
	if (!river.nameIn) return [{ id: river.id, name: river.name, coordinates: path }];
	const nameAt = (p: LonLat, previous: string) => {
		const country = countries.find((c) => turf.booleanPointInPolygon(p, c));
		return (country && river.nameIn![country.properties.id]) ?? previous;
	};
	const runs: { id: string; name: string; coordinates: LonLat[] }[] = [];
	let name = river.name;
	for (const p of path) {
		const here = nameAt(p, name);
		const last = runs.at(-1);
		if (last && here === name) last.coordinates.push(p);
		else {
			// Start the next run on the previous vertex, so that the two stretches join.
			const start = last ? [last.coordinates.at(-1)!] : [];
			runs.push({ id: '', name: here, coordinates: [...start, p] });
		}
		name = here;
	}
	const kept = runs.filter((r) => r.coordinates.length >= 2);
	for (const r of kept) r.id = `${river.id}-${r.name.toLowerCase().replace(/\W+/g, '-')}`;
	if (kept.length === 1) kept[0]!.id = river.id;
	return kept;
}

/**
 * One topology: object `rivers` holds the network (kind "river", with its level) and the named
 * stretches (kind "name"), simplified lines for the labels to run along.
 */
export function riverTopology(lines: RiverLine[], named: NamedRiver[], keep: number): Topology {
	const network = lines.map((l) => turf.lineString(l.coordinates, { kind: 'river', level: l.level }));
	const collection: FeatureCollection = turf.featureCollection([...network, ...named] as Feature[]);
	const topo = topology({ rivers: collection });
	const pre = presimplify(topo as unknown as Parameters<typeof presimplify>[0]);
	// Keep the most significant `keep` share of the vertices, then quantize (~40 m at 1e5).
	return quantize(simplify(pre, quantile(pre, 1 - keep)), 1e5) as unknown as Topology;
}
