/**
 * The phone layout's bottom sheet as pure logic: which panels it shows (one at a time), its three
 * heights (peek, half, full) for the room the map leaves it, what a drag of its handle settles on,
 * and the order the handle's button cycles through. The breakpoints of the three layouts live
 * here too, so the components' media queries and the code that reacts to them agree.
 */

/** The panels the sheet shows, one at a time, in the order of the bar's toggles. */
export const SHEET_PANES = [
	{ id: 'layers', label: 'Layers', element: 'pane-layers' },
	{ id: 'events', label: 'Events', element: 'events-list' },
	{ id: 'details', label: 'Details', element: 'pane-details' },
	{ id: 'timeline', label: 'Timeline', element: 'pane-timeline' }
] as const;

export type SheetPane = (typeof SHEET_PANES)[number]['id'];
export type SheetHeight = 'peek' | 'half' | 'full';

export const SHEET_HEIGHTS: readonly SheetHeight[] = ['peek', 'half', 'full'];

/**
 * The phone layout: narrow screens, and phones held sideways (short and not wide). The CSS of the
 * atlas page repeats these queries: media queries cannot read a variable.
 */
export const PHONE_QUERY = '(max-width: 640px), (max-width: 1024px) and (max-height: 480px)';
/** The tablet layout: a side sheet over the map, the timeline under it. */
export const TABLET_QUERY = '(min-width: 641px) and (max-width: 1024px) and (min-height: 481px)';

/** The id of a pane's toggle in the bar, where focus returns when the sheet closes. */
export const toggleId = (pane: SheetPane): string => `sheet-toggle-${pane}`;

/** How much map stays visible above a full sheet, so the map is never lost under it. */
const FULL_GAP_MIN = 48;

/**
 * The sheet's heights in CSS pixels for `available` pixels of map above the bar: a peek that
 * shows a panel's first lines (the timeline's chart fits), half the map, and nearly all of it.
 * Always peek ≤ half ≤ full, however short the screen.
 */
export function sheetHeights(available: number): Record<SheetHeight, number> {
	const a = Math.max(0, available);
	const peek = Math.round(Math.min(Math.max(160, a * 0.3), 260, a * 0.45));
	const half = Math.max(Math.round(a * 0.5), peek);
	const full = Math.max(Math.round(a - Math.max(FULL_GAP_MIN, a * 0.1)), half);
	return { peek, half, full };
}

/** The next height the handle's button gives: peek → half → full → peek. */
export function nextHeight(height: SheetHeight): SheetHeight {
	return SHEET_HEIGHTS[(SHEET_HEIGHTS.indexOf(height) + 1) % SHEET_HEIGHTS.length]!;
}

/** One step taller or shorter (the arrow keys on the handle), stopping at the ends. */
export function stepHeight(height: SheetHeight, direction: 1 | -1): SheetHeight {
	const i = Math.min(SHEET_HEIGHTS.length - 1, Math.max(0, SHEET_HEIGHTS.indexOf(height) + direction));
	return SHEET_HEIGHTS[i]!;
}

/** A drag's live height: never below nothing, never above the full height. */
export function dragHeight(start: number, deltaY: number, available: number): number {
	return Math.min(sheetHeights(available).full, Math.max(0, start - deltaY));
}

/**
 * Where a drag of the handle settles when it is let go at `px`: the nearest of the three heights,
 * or closed when pulled down well below the peek.
 */
export function snapHeight(px: number, available: number): SheetHeight | 'closed' {
	const heights = sheetHeights(available);
	if (px < heights.peek * 0.6) return 'closed';
	let best: SheetHeight = 'peek';
	for (const h of SHEET_HEIGHTS) if (Math.abs(heights[h] - px) < Math.abs(heights[best] - px)) best = h;
	return best;
}

/** Words for the handle's label. */
export const HEIGHT_WORDS: Record<SheetHeight, string> = {
	peek: 'low',
	half: 'half height',
	full: 'full height'
};
