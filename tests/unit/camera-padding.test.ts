/**
 * The camera's padding: a margin all round, room for the details panel over a wide map, the part
 * the phone's and tablet's sheets cover, and never so much that nothing is left to show.
 */
import { describe, expect, it } from 'vitest';
import { paddingFor } from '$lib/map/camera';

const none = { bottom: 0, left: 0 };

describe('paddingFor', () => {
	it('on a desktop map: a margin, and room on the right for the open details', () => {
		expect(paddingFor({ width: 944, height: 630 }, none, false)).toEqual({
			top: 40,
			bottom: 40,
			left: 40,
			right: 40
		});
		expect(paddingFor({ width: 944, height: 630 }, none, true).right).toBe(400);
	});

	it('on a phone: the sheet over the bottom is left out, the details are not at the right', () => {
		const p = paddingFor({ width: 390, height: 737 }, { bottom: 368, left: 0 }, false);
		expect(p).toEqual({ top: 40, bottom: 408, left: 40, right: 40 });
		// The padded centre, where the camera puts a selection, is above the sheet's top.
		expect((p.top + (737 - p.bottom)) / 2).toBeLessThan(737 - 368);
	});

	it('on a tablet: the side sheet is left out on the left', () => {
		const p = paddingFor({ width: 1024, height: 700 }, { bottom: 0, left: 336 }, false);
		expect(p.left).toBe(376);
		expect(p.right).toBe(40);
	});

	it.each([
		[{ width: 768, height: 900 }, { bottom: 0, left: 336 }, true],
		[{ width: 390, height: 300 }, { bottom: 280, left: 0 }, false],
		[{ width: 200, height: 200 }, { bottom: 500, left: 500 }, true]
	])('leaves at least a quarter of the map uncovered (%o, %o)', (size, cover, panelOpen) => {
		const p = paddingFor(size, cover, panelOpen);
		expect(size.width - p.left - p.right).toBeGreaterThanOrEqual(size.width / 4 - 1);
		expect(size.height - p.top - p.bottom).toBeGreaterThanOrEqual(size.height / 4 - 1);
		for (const side of [p.top, p.bottom, p.left, p.right]) expect(side).toBeGreaterThanOrEqual(0);
		// Shrunk in proportion: the covered side keeps the larger share.
		const right = panelOpen && size.width > 700 ? 400 : 40;
		const share = (a: number, b: number) => a / (a + b);
		expect(share(p.left, p.right)).toBeCloseTo(share(40 + cover.left, right), 2);
		expect(share(p.bottom, p.top)).toBeCloseTo(share(40 + cover.bottom, 40), 2);
	});
});
