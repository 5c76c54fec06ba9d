/**
 * Cycles among the places' `parent` links (a → b → a), which would send anything that walks up
 * the gazetteer round for ever. A place that is its own parent is reported on its own elsewhere.
 */
import type { Place } from '../../schema/model.ts';

/** Each cycle once, as its ids in parent order starting from its first place in file order. */
export function parentCycles(places: readonly Pick<Place, 'id' | 'parent'>[]): string[][] {
	const parentOf = new Map(places.map((p) => [p.id, p.parent]));
	const order = new Map(places.map((p, i) => [p.id, i]));
	const done = new Set<string>();
	const cycles: string[][] = [];
	for (const place of places) {
		const trail: string[] = [];
		const onTrail = new Map<string, number>();
		let id: string | undefined = place.id;
		while (id !== undefined && !done.has(id) && !onTrail.has(id)) {
			onTrail.set(id, trail.length);
			trail.push(id);
			id = parentOf.get(id);
		}
		if (id !== undefined && onTrail.has(id)) {
			const cycle = trail.slice(onTrail.get(id));
			if (cycle.length > 1) {
				const first = cycle.indexOf(cycle.reduce((a, b) => (order.get(a)! <= order.get(b)! ? a : b)));
				cycles.push([...cycle.slice(first), ...cycle.slice(0, first)]);
			}
		}
		for (const t of trail) done.add(t);
	}
	return cycles;
}
