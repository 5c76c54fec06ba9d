import { describe, expect, it } from 'vitest';
import { contrastRatio, hexToRgb, relativeLuminance } from '$lib/map/colour';

describe('colour', () => {
	it.each([
		['#000000', [0, 0, 0]],
		['#ffffff', [255, 255, 255]],
		['#D55E00', [213, 94, 0]]
	])('parses %s', (hex, rgb) => expect(hexToRgb(hex)).toEqual(rgb));

	it('rejects what is not #rrggbb', () => {
		expect(() => hexToRgb('red')).toThrow(/not a #rrggbb colour: red/);
		expect(() => hexToRgb('#fff')).toThrow();
	});

	it('computes the WCAG extremes', () => {
		expect(relativeLuminance('#000000')).toBe(0);
		expect(relativeLuminance('#ffffff')).toBeCloseTo(1);
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21);
		expect(contrastRatio('#777777', '#777777')).toBe(1);
		// The WCAG reference value: #767676 on white is just above 4.5:1.
		expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
	});
});
