/**
 * How many imported events this atlas stays smooth with, as measured by `npm run bench` (the
 * README's scale figures) on a 2-core machine with software WebGL: at 100,000 events the map pans
 * and filters by time about as fast as a bare MapLibre page with the same points; at 250,000 the
 * tab holds about 740 MB (each event keeps its citation, its fields and its words, where the bare
 * page keeps a point), an import takes over a minute, and a change of the time window seconds.
 * MapLibre's own clustering is not the limit; the memory the evidence takes is.
 */
export const SMOOTH_IMPORTED_EVENTS = 250_000;

/** What to tell the user once the imported events are past that, or nothing. */
export function scaleNotice(importedEvents: number): string {
	if (importedEvents <= SMOOTH_IMPORTED_EVENTS) return '';
	const n = importedEvents.toLocaleString('en-GB');
	return (
		`${n} imported events are on the map. Past ${SMOOTH_IMPORTED_EVENTS.toLocaleString('en-GB')}, ` +
		'this browser tab needs close to a gigabyte of memory and the map, the list and the time filter ' +
		'slow down; it may run out of memory. Remove a dataset, or import a smaller extract of it ' +
		'(a year, or a province).'
	);
}
