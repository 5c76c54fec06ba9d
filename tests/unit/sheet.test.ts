/**
 * The phone layout's bottom sheet: its three heights for any room, the handle's cycle and steps,
 * where a drag settles, and the state that opens one panel at a time and lets the details give
 * the sheet back to the panel they replaced.
 */
import { describe, expect, it } from 'vitest';
import {
	dragHeight,
	nextHeight,
	SHEET_HEIGHTS,
	SHEET_PANES,
	sheetHeights,
	snapHeight,
	stepHeight,
	toggleId,
	type SheetHeight
} from '$lib/components/layout/sheet';
import { SheetState } from '$lib/components/layout/sheet-state.svelte';

describe('sheetHeights', () => {
	it.each([0, 120, 288, 480, 737, 1200])('peek ≤ half ≤ full ≤ the room, for %i px', (available) => {
		const h = sheetHeights(available);
		expect(h.peek).toBeLessThanOrEqual(h.half);
		expect(h.half).toBeLessThanOrEqual(h.full);
		expect(h.full).toBeLessThanOrEqual(Math.max(available, h.half));
		expect(h.peek).toBeGreaterThanOrEqual(0);
	});

	it('on a phone, leaves map above a full sheet and gives the peek room for the timeline', () => {
		const h = sheetHeights(737);
		expect(737 - h.full).toBeGreaterThanOrEqual(48);
		expect(h.peek).toBeGreaterThanOrEqual(160);
		expect(h.half).toBe(Math.round(737 / 2));
	});

	it('keeps the peek well under the whole room on a phone held sideways', () => {
		const h = sheetHeights(283);
		expect(h.peek).toBeLessThan(283 / 2);
		expect(h.full).toBeLessThan(283);
	});
});

describe('the handle', () => {
	it('cycles low → half → full → low', () => {
		const seen: SheetHeight[] = [];
		let h: SheetHeight = 'peek';
		for (let i = 0; i < 4; i++) seen.push((h = nextHeight(h)));
		expect(seen).toEqual(['half', 'full', 'peek', 'half']);
	});

	it.each<[SheetHeight, 1 | -1, SheetHeight]>([
		['peek', 1, 'half'],
		['half', 1, 'full'],
		['full', 1, 'full'],
		['full', -1, 'half'],
		['peek', -1, 'peek']
	])('steps from %s by %i to %s', (from, direction, to) => {
		expect(stepHeight(from, direction)).toBe(to);
	});
});

describe('dragging', () => {
	const available = 737;
	const h = sheetHeights(available);

	it('follows the pointer, between nothing and the full height', () => {
		expect(dragHeight(h.half, -50, available)).toBe(h.half + 50);
		expect(dragHeight(h.half, 80, available)).toBe(h.half - 80);
		expect(dragHeight(h.half, -5000, available)).toBe(h.full);
		expect(dragHeight(h.half, 5000, available)).toBe(0);
	});

	it.each<[string, number, SheetHeight | 'closed']>([
		['at the peek', h.peek, 'peek'],
		['just above the peek', h.peek + 20, 'peek'],
		['nearer half than the peek', h.half - 30, 'half'],
		['nearer full than half', h.full - 40, 'full'],
		['above full', h.full + 100, 'full'],
		['a little under the peek', h.peek * 0.8, 'peek'],
		['well under the peek', h.peek * 0.4, 'closed'],
		['at nothing', 0, 'closed']
	])('let go %s settles %s', (_, px, settled) => {
		expect(snapHeight(px, available)).toBe(settled);
	});
});

describe('SheetState', () => {
	it('shows one panel at a time; its toggle closes it again', () => {
		const sheet = new SheetState();
		sheet.available = 737;
		expect(sheet.px).toBe(0);
		sheet.toggle('layers');
		expect(sheet.pane).toBe('layers');
		expect(sheet.focusPending).toBe(true);
		expect(sheet.px).toBe(sheet.heights.half);
		sheet.toggle('events');
		expect(sheet.pane).toBe('events');
		sheet.toggle('events');
		expect(sheet.pane).toBeNull();
		expect(sheet.px).toBe(0);
	});

	it('follows a drag live, but counts only the settled height as settled', () => {
		const sheet = new SheetState();
		sheet.available = 737;
		sheet.open('timeline');
		sheet.dragging = 500;
		expect(sheet.px).toBe(500);
		expect(sheet.settledPx).toBe(sheet.heights.half);
		sheet.close();
		expect(sheet.dragging).toBeNull();
		expect(sheet.settledPx).toBe(0);
	});

	it('opens the details for a selection without taking focus, and gives the sheet back after', () => {
		const sheet = new SheetState();
		sheet.open('events');
		sheet.focusPending = false;
		sheet.showDetails();
		expect(sheet.pane).toBe('details');
		expect(sheet.focusPending).toBe(false);
		sheet.showDetails(); // a second selection while they are open changes nothing
		sheet.hideDetails();
		expect(sheet.pane).toBe('events');

		sheet.close();
		sheet.showDetails();
		sheet.hideDetails();
		expect(sheet.pane).toBeNull();
	});

	it('does not go back to an older panel once another was opened by hand', () => {
		const sheet = new SheetState();
		sheet.open('layers');
		sheet.showDetails();
		sheet.open('timeline');
		sheet.hideDetails(); // not showing details: nothing to give back
		expect(sheet.pane).toBe('timeline');
	});
});

describe('panes', () => {
	it('have distinct element and toggle ids, in the order of the bar', () => {
		expect(SHEET_PANES.map((p) => p.id)).toEqual(['layers', 'events', 'details', 'timeline']);
		const ids = SHEET_PANES.flatMap((p) => [p.element, toggleId(p.id)]);
		expect(new Set(ids).size).toBe(ids.length);
		expect(SHEET_HEIGHTS).toHaveLength(3);
	});
});
