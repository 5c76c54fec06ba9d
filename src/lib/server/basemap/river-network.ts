/**
 * Pure geometry for the river extraction: joins the bin-cut segments GSHHG hands out into whole
 * lines, and finds the path along the network between hand-picked waypoints (how a river gets
 * its name: see river-names.ts). No I/O here, so the steps can be tested on small inputs.
 */

export type LonLat = [number, number];

export interface RiverLine {
	/** The WDBII river level as GMT numbers it: 0 double-lined, 1 permanent major, 2 additional major… */
	level: number;
	coordinates: LonLat[];
}

const EARTH_KM = 6371.0088;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in km. */
export function distanceKm(a: LonLat, b: LonLat): number {
	const dLat = rad(b[1] - a[1]);
	const dLon = rad(b[0] - a[0]);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** A vertex's identity when matching ends: GSHHG repeats a cut point exactly in both bins. */
const key = ([lon, lat]: LonLat) => `${lon.toFixed(5)},${lat.toFixed(5)}`;

/**
 * Joins segments of the same level end to end wherever exactly two segment ends meet (a
 * confluence, where three or more meet, stays a junction), and drops zero-length pieces.
 */
export function mergeSegments(segments: RiverLine[]): RiverLine[] {
	const out: RiverLine[] = [];
	const levels = [...new Set(segments.map((s) => s.level))].sort((a, b) => a - b);
	for (const level of levels) {
		const pieces = segments
			.filter((s) => s.level === level)
			.map((s) => ({
				...s,
				coordinates: s.coordinates.filter((p, i, all) => i === 0 || key(p) !== key(all[i - 1]!))
			}))
			.filter((s) => s.coordinates.length >= 2);
		const ends = new Map<string, number[]>();
		pieces.forEach((piece, i) => {
			for (const end of [piece.coordinates[0]!, piece.coordinates.at(-1)!]) {
				const k = key(end);
				ends.set(k, [...(ends.get(k) ?? []), i]);
			}
		});
		const used = new Set<number>();
		const partnerAt = (point: LonLat, self: number) => {
			const here = ends.get(key(point)) ?? [];
			if (here.length !== 2) return undefined;
			const other = here[0] === self ? here[1]! : here[0]!;
			return used.has(other) || other === self ? undefined : other;
		};
		// Grow each unused piece forwards, then backwards, through two-way joints.
		for (let start = 0; start < pieces.length; start++) {
			if (used.has(start)) continue;
			used.add(start);
			let line = [...pieces[start]!.coordinates];
			for (const forward of [true, false]) {
				let current = start;
				for (;;) {
					const tip = forward ? line.at(-1)! : line[0]!;
					const next = partnerAt(tip, current);
					if (next === undefined) break;
					used.add(next);
					let coords = pieces[next]!.coordinates;
					// Orient the next piece so that it continues from the tip.
					if (forward ? key(coords[0]!) !== key(tip) : key(coords.at(-1)!) !== key(tip))
						coords = [...coords].reverse();
					line = forward ? [...line, ...coords.slice(1)] : [...coords.slice(0, -1), ...line];
					current = next;
				}
			}
			if (line.length >= 2) out.push({ level, coordinates: line });
		}
	}
	return out;
}

/** The length of a line in km. */
export function lengthKm(coordinates: LonLat[]): number {
	let total = 0;
	for (let i = 1; i < coordinates.length; i++) total += distanceKm(coordinates[i - 1]!, coordinates[i]!);
	return total;
}

interface Graph {
	points: LonLat[];
	edges: Map<number, { to: number; km: number }[]>;
}

/**
 * A vertex graph of the lines: shared vertices (confluences, joints) become one node. A line end
 * that touches no other line is bridged to the nearest vertex of another line within `bridgeKm`:
 * GSHHG does not always repeat the vertex where a river changes level or meets a tributary.
 */
export function buildGraph(lines: RiverLine[], bridgeKm = 0): Graph {
	const ids = new Map<string, number>();
	const points: LonLat[] = [];
	const edges = new Map<number, { to: number; km: number }[]>();
	const node = (p: LonLat) => {
		const k = key(p);
		let id = ids.get(k);
		if (id === undefined) {
			id = points.length;
			ids.set(k, id);
			points.push(p);
			edges.set(id, []);
		}
		return id;
	};
	const link = (a: number, b: number) => {
		if (a === b) return;
		const km = distanceKm(points[a]!, points[b]!);
		edges.get(a)!.push({ to: b, km });
		edges.get(b)!.push({ to: a, km });
	};
	const lineOf = new Map<number, number>();
	lines.forEach((line, index) => {
		for (let i = 0; i < line.coordinates.length; i++) {
			const b = node(line.coordinates[i]!);
			if (!lineOf.has(b)) lineOf.set(b, index);
			if (i > 0) link(node(line.coordinates[i - 1]!), b);
		}
	});
	if (bridgeKm > 0) {
		// A coarse grid of cells about bridgeKm wide keeps the nearest-vertex search local.
		const cell = bridgeKm / 111;
		const cellOf = ([lon, lat]: LonLat) => `${Math.floor(lon / cell)},${Math.floor(lat / cell)}`;
		const grid = new Map<string, number[]>();
		points.forEach((p, id) => grid.set(cellOf(p), [...(grid.get(cellOf(p)) ?? []), id]));
		const dangling = [...edges.entries()].filter(([, e]) => e.length === 1).map(([id]) => id);
		for (const id of dangling) {
			const [lon, lat] = points[id]!;
			let best = { to: -1, km: bridgeKm };
			for (let dx = -1; dx <= 1; dx++)
				for (let dy = -1; dy <= 1; dy++)
					for (const other of grid.get(`${Math.floor(lon / cell) + dx},${Math.floor(lat / cell) + dy}`) ??
						[]) {
						if (lineOf.get(other) === lineOf.get(id)) continue;
						const km = distanceKm(points[id]!, points[other]!);
						if (km < best.km) best = { to: other, km };
					}
			if (best.to >= 0) link(id, best.to);
		}
	}
	return { points, edges };
}

/** The graph's vertex nearest to a point, and how far it is. */
export function nearestVertex(graph: Graph, point: LonLat): { id: number; km: number } {
	let best = { id: -1, km: Infinity };
	graph.points.forEach((p, id) => {
		const km = distanceKm(p, point);
		if (km < best.km) best = { id, km };
	});
	return best;
}

/** Dijkstra's shortest path between two vertices, as coordinates; undefined if unconnected. */
export function shortestPath(graph: Graph, from: number, to: number): LonLat[] | undefined {
	const dist = new Map<number, number>([[from, 0]]);
	const prev = new Map<number, number>();
	// A binary heap of [distance, vertex].
	const heap: [number, number][] = [[0, from]];
	const push = (item: [number, number]) => {
		heap.push(item);
		for (let i = heap.length - 1; i > 0;) {
			const parent = (i - 1) >> 1;
			if (heap[parent]![0] <= heap[i]![0]) break;
			[heap[parent], heap[i]] = [heap[i]!, heap[parent]!];
			i = parent;
		}
	};
	const pop = () => {
		const top = heap[0]!;
		const last = heap.pop()!;
		if (heap.length) {
			heap[0] = last;
			for (let i = 0; ;) {
				const l = 2 * i + 1;
				const r = l + 1;
				let m = i;
				if (l < heap.length && heap[l]![0] < heap[m]![0]) m = l;
				if (r < heap.length && heap[r]![0] < heap[m]![0]) m = r;
				if (m === i) break;
				[heap[m], heap[i]] = [heap[i]!, heap[m]!];
				i = m;
			}
		}
		return top;
	};
	while (heap.length) {
		const [d, v] = pop();
		if (v === to) break;
		if (d > (dist.get(v) ?? Infinity)) continue;
		for (const { to: w, km } of graph.edges.get(v) ?? []) {
			const nd = d + km;
			if (nd < (dist.get(w) ?? Infinity)) {
				dist.set(w, nd);
				prev.set(w, v);
				push([nd, w]);
			}
		}
	}
	if (!dist.has(to)) return undefined;
	const path = [to];
	while (path[0] !== from) path.unshift(prev.get(path[0]!)!);
	return path.map((id) => graph.points[id]!);
}

/**
 * Chaikin's corner cutting: each pass replaces every inner corner by two points a quarter of the
 * way along its segments, so a simplified line's sharp bends become gentle curves (labels along
 * lines need those). The ends stay where they are; the curve stays inside the line's hull.
 */
export function chaikin(coordinates: LonLat[], passes: number): LonLat[] {
	let line = coordinates;
	for (let pass = 0; pass < passes && line.length > 2; pass++) {
		const next: LonLat[] = [line[0]!];
		for (let i = 0; i < line.length - 1; i++) {
			const [a, b] = [line[i]!, line[i + 1]!];
			const q: LonLat = [0.75 * a[0] + 0.25 * b[0], 0.75 * a[1] + 0.25 * b[1]];
			const r: LonLat = [0.25 * a[0] + 0.75 * b[0], 0.25 * a[1] + 0.75 * b[1]];
			if (i > 0) next.push(q);
			if (i < line.length - 2) next.push(r);
		}
		next.push(line.at(-1)!);
		line = next;
	}
	return line;
}
