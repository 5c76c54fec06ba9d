import { describe, expect, it } from 'vitest';
import { AtlasState } from '$lib/state/atlas.svelte';
import { EvidenceStore } from '$lib/evidence/store.svelte';
import type { LayerGroup } from '$lib/schema/model';

const group = (id: string, order: number, visible = true): LayerGroup => ({
	id,
	label: id,
	description: id,
	colour: '#000000',
	shape: 'circle',
	visible,
	order
});

describe('AtlasState', () => {
	const groups = [group('strikes', 2), group('attacks', 1), group('surveillance', 3, false)];

	it('orders groups and starts with the default-visible ones', () => {
		const s = new AtlasState(new EvidenceStore(groups));
		expect(s.groups.map((g) => g.id)).toEqual(['attacks', 'strikes', 'surveillance']);
		expect(s.visibleGroups).toEqual(['attacks', 'strikes']);
	});

	it('toggles, isolates and sets all groups, keeping the panel order', () => {
		const s = new AtlasState(new EvidenceStore(groups));
		s.setGroupVisible('surveillance', true);
		expect(s.visibleGroups).toEqual(['attacks', 'strikes', 'surveillance']);
		s.setGroupVisible('attacks', false);
		expect(s.visibleGroups).toEqual(['strikes', 'surveillance']);
		s.showOnly('attacks');
		expect(s.visibleGroups).toEqual(['attacks']);
		s.showAll(false);
		expect(s.visibleGroups).toEqual([]);
		s.showAll(true);
		expect(s.visibleGroups).toEqual(['attacks', 'strikes', 'surveillance']);
	});

	it('hides and shows overlays in a stable order', () => {
		const s = new AtlasState(new EvidenceStore(groups));
		// The names in local scripts start hidden; everything else shows.
		expect(s.hiddenOverlays).toEqual(['native']);
		s.setOverlayVisible('fata', false);
		s.setOverlayVisible('belt', false);
		expect(s.hiddenOverlays).toEqual(['belt', 'fata', 'native']);
		s.setOverlayVisible('belt', true);
		s.setOverlayVisible('native', true);
		expect(s.hiddenOverlays).toEqual(['fata']);
	});

	it('closes the open passage with the selection', () => {
		const s = new AtlasState(new EvidenceStore(groups));
		s.select({ kind: 'event', id: 'x' });
		s.passage = { source: 'voa-2024-01', paragraph: 'p3' };
		s.select(null);
		expect(s.passage).toBeNull();
	});

	it('shows a new collection with its own groups and sources, and takes them away with it', () => {
		const s = new AtlasState(
			new EvidenceStore(groups, [{ id: 'voa', title: 'VOA', publisher: 'VOA', kind: 'news' }])
		);
		s.setGroupVisible('strikes', false);
		const dataset = {
			id: 'acled-2024',
			label: 'ACLED 2024',
			origin: { kind: 'imported' as const, file: 'acled.csv' },
			places: [],
			events: [],
			groups: [group('acled-2024', 1000)],
			sources: [{ id: 'acled-2024', title: 'ACLED 2024', publisher: 'ACLED', kind: 'news' as const }]
		};
		s.putCollection(dataset);
		expect(s.groups.map((g) => g.id)).toEqual(['attacks', 'strikes', 'surveillance', 'acled-2024']);
		expect(s.visibleGroups).toEqual(['attacks', 'acled-2024']);
		expect(s.evidence.sources.map((x) => x.id)).toEqual(['voa', 'acled-2024']);
		expect(s.evidence.collectionOfGroup('acled-2024')?.id).toBe('acled-2024');

		// Put again (reloaded from the workspace, say): a group the user hid stays hidden.
		s.setGroupVisible('acled-2024', false);
		s.putCollection({ ...dataset });
		expect(s.visibleGroups).toEqual(['attacks']);

		s.setGroupVisible('acled-2024', true);
		s.removeCollection('acled-2024');
		expect(s.groups.map((g) => g.id)).toEqual(['attacks', 'strikes', 'surveillance']);
		expect(s.visibleGroups).toEqual(['attacks']);
		expect(s.evidence.sources.map((x) => x.id)).toEqual(['voa']);
	});
});
