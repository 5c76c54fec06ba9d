/**
 * Filtering events by their evidence, beside the layer groups: by source, by kind of source, to
 * events reported by two or more sources, to contested events, and to events whose places are all
 * known exactly. Pure functions over the published event shape, so the rules are unit-tested and
 * the same for the map, the list, the timeline and the exports.
 */
import { placesDrawn, type EventFeature } from '../schema/exported.ts';
import type { Source } from '../schema/model.ts';

export type SourceKind = Source['kind'];

export const SOURCE_KINDS: readonly SourceKind[] = ['news', 'opinion', 'policy-paper'];

/** The on/off filters, in the order the panel shows them and the URL writes them (`only=`). */
export const EVIDENCE_TOGGLES = [
	{ id: 'corroborated', label: 'Reported by two or more sources' },
	{ id: 'contested', label: 'Contested only' },
	{ id: 'exact', label: 'Exact locations only' }
] as const;

export type EvidenceToggle = (typeof EVIDENCE_TOGGLES)[number]['id'];
export const EVIDENCE_TOGGLE_IDS: readonly EvidenceToggle[] = EVIDENCE_TOGGLES.map((t) => t.id);

export interface EvidenceFilter {
	/** Events citing at least one of these sources; none listed = any source. */
	sources: readonly string[];
	/** Events citing at least one source of these kinds; none listed = any kind. */
	kinds: readonly SourceKind[];
	only: readonly EvidenceToggle[];
}

export const NO_EVIDENCE_FILTER: EvidenceFilter = { sources: [], kinds: [], only: [] };

export function isFiltering(f: EvidenceFilter): boolean {
	return f.sources.length > 0 || f.kinds.length > 0 || f.only.length > 0;
}

/** The distinct sources an event cites (its citations and its contested stances). */
export function sourcesOf(e: EventFeature): string[] {
	const ids = [
		...e.properties.citations.map((c) => c.source),
		...(e.properties.contested?.stances.map((s) => s.citation.source) ?? [])
	];
	return [...new Set(ids)];
}

/**
 * Whether an event passes the filter. `kindOf` names each source's kind; an event citing a source
 * it does not know (a user's own, later) passes a kind filter only if the kind is known.
 */
export function passesEvidenceFilter(
	e: EventFeature,
	f: EvidenceFilter,
	kindOf: (source: string) => SourceKind | 'dataset' | undefined
): boolean {
	const sources = sourcesOf(e);
	if (f.sources.length && !sources.some((s) => f.sources.includes(s))) return false;
	if (f.kinds.length && !sources.some((s) => f.kinds.includes(kindOf(s) as SourceKind))) return false;
	if (f.only.includes('corroborated') && sources.length < 2) return false;
	if (f.only.includes('contested') && !e.properties.contested) return false;
	if (f.only.includes('exact') && !placesDrawn(e.properties.places).every((p) => p.precision === 'exact'))
		return false;
	return true;
}
