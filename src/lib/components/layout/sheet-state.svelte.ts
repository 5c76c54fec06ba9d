/**
 * The phone layout's bottom sheet as state: which panel it shows (or none), the height it rests
 * at, its live height while its handle is dragged, and the room the map leaves it. The page owns
 * one and hands it to the sheet and to the bar of toggles; on wider screens it is simply unused.
 */
import { sheetHeights, type SheetHeight, type SheetPane } from './sheet';

export class SheetState {
	/** The panel shown, or null when the sheet is closed. */
	pane = $state<SheetPane | null>(null);
	/** The height it rests at when open. */
	height = $state<SheetHeight>('half');
	/** Its height while the handle is being dragged (CSS pixels), else null. */
	dragging = $state<number | null>(null);
	/** The map's height above the bar, in CSS pixels (measured by the page). */
	available = $state(0);
	/** Set by `open`: the sheet moves focus into the panel once it is drawn, then clears it. */
	focusPending = $state(false);
	/** The panel the details replaced when a selection opened them, to go back to afterwards. */
	#beforeDetails: SheetPane | null = null;

	get heights(): Record<SheetHeight, number> {
		return sheetHeights(this.available);
	}

	/** How much of the map the sheet covers now, following a drag: 0 when closed. */
	get px(): number {
		if (!this.pane) return 0;
		return this.dragging ?? this.heights[this.height];
	}

	/** How much it covers once it has settled (a drag does not count until it is let go). */
	get settledPx(): number {
		return this.pane ? this.heights[this.height] : 0;
	}

	/** Shows a panel; `focus` moves focus into it (a toggle pressed), else it is left alone. */
	open(pane: SheetPane, focus = true): void {
		this.pane = pane;
		this.#beforeDetails = null;
		this.focusPending = focus;
	}

	close(): void {
		this.pane = null;
		this.dragging = null;
		this.#beforeDetails = null;
		this.focusPending = false;
	}

	/** A toggle of the bar: opens its panel, or closes the sheet when that panel is showing. */
	toggle(pane: SheetPane): void {
		if (this.pane === pane) this.close();
		else this.open(pane);
	}

	/** Something was selected: the details open by themselves (the details panel takes focus). */
	showDetails(): void {
		if (this.pane === 'details') return;
		const before = this.pane;
		this.open('details', false);
		this.#beforeDetails = before;
	}

	/** The selection was cleared: back to the panel the details replaced, or closed. */
	hideDetails(): void {
		if (this.pane !== 'details') return;
		const before = this.#beforeDetails;
		this.#beforeDetails = null;
		this.pane = before;
		this.focusPending = false;
	}
}
