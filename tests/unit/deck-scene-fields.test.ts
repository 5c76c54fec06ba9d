/**
 * The scene's optional fields, `hidden` overlays and the open `passage`: every existing deck
 * stays valid without them, bad values are refused with the field named, the passage must be one
 * of the scene's cited paragraphs, and applying a scene to the atlas sets both (or their defaults).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Deck, Scene, type Scene as SceneData } from '$lib/schema/briefing';
import { parseDeck } from '$lib/briefing/validate-deck';
import { applySceneState } from '$lib/briefing/scene';
import { AtlasState } from '$lib/state/atlas.svelte';
import { EvidenceStore } from '$lib/evidence/store.svelte';
import type { LayerGroup } from '$lib/schema/model';
import { OVERLAY_IDS } from '$lib/map/overlays';

const shipped = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8'));
const groups: LayerGroup[] = JSON.parse(readFileSync('geodata/groups.json', 'utf8')).groups;
const first = (): SceneData => structuredClone(shipped.scenes[0]);
const cited = (s: SceneData) => ({ source: s.citations[0]!.source, paragraph: s.citations[0]!.paragraph });

describe('optional scene fields', () => {
	it('leave every existing deck valid', () => {
		expect(Deck.safeParse(shipped).success).toBe(true);
	});

	it('accept hidden overlays and a cited passage', () => {
		const scene = { ...first(), hidden: ['belt', 'fata'], passage: cited(first()) };
		expect(Scene.safeParse(scene).success).toBe(true);
	});

	it.each<[string, (s: SceneData) => unknown, RegExp]>([
		[
			'an unknown overlay',
			(s) => ({ ...s, hidden: ['weather'] }),
			new RegExp(
				`^field scenes\\[0\\]\\.hidden\\[0\\]: must be one of the overlays ${OVERLAY_IDS.join(', ')}$`
			)
		],
		[
			'a passage no citation is from',
			(s) => ({ ...s, passage: { source: 'voa-2024-01', paragraph: 'p1' } }),
			/^field scenes\[0\]\.passage: the open passage voa-2024-01 p1 must be the paragraph of one of the scene's citations$/
		],
		[
			'a malformed paragraph',
			(s) => ({ ...s, passage: { source: 'voa-2024-01', paragraph: '12' } }),
			/passage\.paragraph: must look like p12$/
		]
	])('refuse %s, naming the field', (_, edit, expected) => {
		const deck = { ...shipped, scenes: [edit(first())] };
		const { problems } = parseDeck(deck);
		expect(problems.map((p) => `field ${p.field}: ${p.message}`)).toEqual([expect.stringMatching(expected)]);
	});
});

describe('applySceneState', () => {
	it('hides the scene’s overlays and opens its passage, after clearing the selection', () => {
		const atlas = new AtlasState(new EvidenceStore(groups));
		atlas.select({ kind: 'place', id: 'kabul' });
		const scene = { ...first(), hidden: ['places', 'belt'] as SceneData['hidden'], passage: cited(first()) };
		applySceneState(atlas, scene);
		// In the overlays' own order, whatever the scene's.
		expect(atlas.hiddenOverlays).toEqual(['belt', 'places']);
		expect(atlas.passage).toEqual(cited(first()));
		expect(atlas.selection).toBeNull();
		expect(atlas.visibleGroups).toEqual(groups.filter((g) => scene.groups.includes(g.id)).map((g) => g.id));
	});

	it('shows the default overlays and opens no passage for a scene without them', () => {
		const atlas = new AtlasState(new EvidenceStore(groups));
		atlas.hiddenOverlays = ['border'];
		atlas.passage = { source: 'voa-2024-01', paragraph: 'p2' };
		applySceneState(atlas, first());
		// The defaults: everything but the names in local scripts.
		expect(atlas.hiddenOverlays).toEqual(['native']);
		expect(atlas.passage).toBeNull();
	});
});
