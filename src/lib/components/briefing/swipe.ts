/**
 * Swipes between scenes, for presenting from a tablet: a Svelte attachment that calls `next` on a
 * horizontal swipe to the left and `previous` on one to the right. Vertical moves are left to the
 * browser (the card scrolls: `touch-action: pan-y`), and short or mostly vertical moves, extra
 * fingers and moves that start on a form control are not swipes. Touch and pen only by default: a
 * mouse drag selects text.
 *
 *   <div class="card" {@attach swipe({ next, previous })}>
 */
import type { Attachment } from 'svelte/attachments';

export interface SwipeOptions {
	next: () => void;
	previous: () => void;
	/** The shortest horizontal move that counts, in CSS pixels. */
	minDistance?: number;
	/** Mouse drags count too (off by default). */
	mouse?: boolean;
}

export type SwipeDirection = 'next' | 'previous';

/** Horizontal at least this many times more than vertical, or it is a scroll. */
const HORIZONTAL_RATIO = 1.5;
const MIN_DISTANCE = 60;

/** What a move of `dx`, `dy` pixels is: a swipe to the next or the previous scene, or nothing. */
export function classifySwipe(dx: number, dy: number, minDistance = MIN_DISTANCE): SwipeDirection | null {
	if (Math.abs(dx) < minDistance) return null;
	if (Math.abs(dx) < HORIZONTAL_RATIO * Math.abs(dy)) return null;
	return dx < 0 ? 'next' : 'previous';
}

/** A swipe that starts on a control (a slider, a text field) is that control's. */
function onControl(target: EventTarget | null): boolean {
	const el = target as { closest?: (selector: string) => unknown } | null;
	return typeof el?.closest === 'function' && !!el.closest('input, select, textarea, [contenteditable]');
}

export function swipe(options: SwipeOptions): Attachment<HTMLElement> {
	return (node) => {
		const { next, previous, minDistance = MIN_DISTANCE, mouse = false } = options;
		let start: { pointer: number; x: number; y: number } | null = null;
		const previousTouchAction = node.style.touchAction;
		node.style.touchAction = 'pan-y';

		function down(e: PointerEvent) {
			if (!e.isPrimary || (e.pointerType === 'mouse' && !mouse) || onControl(e.target)) {
				start = null;
				return;
			}
			start = { pointer: e.pointerId, x: e.clientX, y: e.clientY };
		}

		function up(e: PointerEvent) {
			if (!start || e.pointerId !== start.pointer) return;
			const direction = classifySwipe(e.clientX - start.x, e.clientY - start.y, minDistance);
			start = null;
			if (direction === 'next') next();
			else if (direction === 'previous') previous();
		}

		/** The browser took the gesture (a scroll, a zoom): it was not a swipe. */
		function cancel() {
			start = null;
		}

		node.addEventListener('pointerdown', down);
		node.addEventListener('pointerup', up);
		node.addEventListener('pointercancel', cancel);
		return () => {
			node.removeEventListener('pointerdown', down);
			node.removeEventListener('pointerup', up);
			node.removeEventListener('pointercancel', cancel);
			node.style.touchAction = previousTouchAction;
		};
	};
}
