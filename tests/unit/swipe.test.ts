/**
 * Swipes between scenes: which moves are swipes (long, mostly horizontal) and which way they go,
 * and the attachment on an element: touch swipes call next or previous once, while vertical
 * scrolls, short moves, cancelled gestures, mouse drags and moves starting on a control do not.
 */
import { describe, expect, it } from 'vitest';
import { classifySwipe, swipe, type SwipeOptions } from '$lib/components/briefing/swipe';

describe('classifySwipe', () => {
	it.each<[number, number, 'next' | 'previous' | null]>([
		[-120, 0, 'next'],
		[120, 10, 'previous'],
		[-80, -30, 'next'],
		[-30, 0, null], // too short
		[59, 0, null],
		[-100, 90, null], // mostly vertical: a scroll
		[0, -300, null],
		[100, -66, 'previous']
	])('dx %i, dy %i is %s', (dx, dy, expected) => {
		expect(classifySwipe(dx, dy)).toBe(expected);
	});

	it('takes a shorter distance when asked', () => {
		expect(classifySwipe(-40, 0, 30)).toBe('next');
	});
});

/** A stand-in element: an event target with a style and, optionally, an element to start on. */
function fakeNode() {
	const node = new EventTarget() as EventTarget & { style: { touchAction: string } };
	node.style = { touchAction: 'auto' };
	return node;
}

function pointer(
	node: EventTarget,
	type: string,
	x: number,
	y: number,
	extra: Partial<{ pointerType: string; pointerId: number; isPrimary: boolean; target: unknown }> = {}
) {
	const e = new Event(type);
	Object.assign(e, { clientX: x, clientY: y, pointerType: 'touch', pointerId: 1, isPrimary: true });
	const { target, ...rest } = extra;
	Object.assign(e, rest);
	if (target) Object.defineProperty(e, 'target', { value: target });
	node.dispatchEvent(e);
}

function attach(options: Partial<SwipeOptions> = {}) {
	const calls: string[] = [];
	const node = fakeNode();
	const detach = swipe({
		next: () => calls.push('next'),
		previous: () => calls.push('previous'),
		...options
	})(node as unknown as HTMLElement) as () => void;
	return { node, calls, detach };
}

describe('swipe attachment', () => {
	it('calls next on a swipe left and previous on a swipe right', () => {
		const { node, calls } = attach();
		pointer(node, 'pointerdown', 300, 200);
		pointer(node, 'pointerup', 150, 210);
		pointer(node, 'pointerdown', 100, 200);
		pointer(node, 'pointerup', 260, 190);
		expect(calls).toEqual(['next', 'previous']);
	});

	it('leaves vertical scrolling to the browser and restores the element on detach', () => {
		const { node, calls, detach } = attach();
		expect(node.style.touchAction).toBe('pan-y');
		detach();
		expect(node.style.touchAction).toBe('auto');
		// Detached: no more swipes.
		pointer(node, 'pointerdown', 300, 200);
		pointer(node, 'pointerup', 100, 200);
		expect(calls).toEqual([]);
	});

	it('ignores scrolls, short moves, cancelled gestures and other fingers', () => {
		const { node, calls } = attach();
		pointer(node, 'pointerdown', 200, 400);
		pointer(node, 'pointerup', 150, 100); // a scroll
		pointer(node, 'pointerdown', 200, 200);
		pointer(node, 'pointerup', 180, 200); // a tap with a wobble
		pointer(node, 'pointerdown', 300, 200);
		pointer(node, 'pointercancel', 300, 200);
		pointer(node, 'pointerup', 100, 200); // the browser took it
		pointer(node, 'pointerdown', 300, 200);
		pointer(node, 'pointerup', 100, 200, { pointerId: 2 }); // another finger lifted
		pointer(node, 'pointerdown', 300, 200, { isPrimary: false, pointerId: 3 });
		pointer(node, 'pointerup', 100, 200, { pointerId: 3 });
		expect(calls).toEqual([]);
	});

	it('ignores mouse drags unless asked, and moves that start on a form control', () => {
		const { node, calls } = attach();
		pointer(node, 'pointerdown', 300, 200, { pointerType: 'mouse' });
		pointer(node, 'pointerup', 100, 200, { pointerType: 'mouse' });
		const slider = { closest: (s: string) => (s.includes('input') ? slider : null) };
		pointer(node, 'pointerdown', 300, 200, { target: slider });
		pointer(node, 'pointerup', 100, 200);
		expect(calls).toEqual([]);

		const withMouse = attach({ mouse: true });
		pointer(withMouse.node, 'pointerdown', 300, 200, { pointerType: 'mouse' });
		pointer(withMouse.node, 'pointerup', 100, 200, { pointerType: 'mouse' });
		expect(withMouse.calls).toEqual(['next']);
	});
});
