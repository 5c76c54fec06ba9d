/**
 * What every page with a map starts with: the evidence store, filled with the bundled evidence
 * (fetched at once, whether or not a map can be drawn), and the view state over it, shared by
 * context with the page's components.
 */
import { fetchBundledEvidence } from '$lib/data/client';
import { EvidenceStore, type SourceInfo } from '$lib/evidence/store.svelte';
import type { LayerGroup } from '$lib/schema/model';
import { AtlasState, setAtlasState } from './atlas.svelte.ts';

export function createAtlasState(
	groups: readonly LayerGroup[],
	sources: readonly SourceInfo[] = []
): AtlasState {
	const evidence = new EvidenceStore(groups, sources);
	void evidence.load(fetchBundledEvidence());
	return setAtlasState(new AtlasState(evidence));
}
