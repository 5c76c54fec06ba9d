import { describe, expect, it } from 'vitest';
import { basemapLayers, buildStyle, fontFaces } from '$lib/map/style';
import { BASEMAP_SOURCES } from '$lib/map/layer-ids';
import { BORDER_LABEL_SOURCE } from '$lib/map/border-label';
import { lightPalette, type Palette } from '$lib/map/palette';
import { FONT_FILES } from '$lib/map/fonts';
import { contrastRatio } from '$lib/map/colour';

const style = buildStyle(lightPalette, 'http://127.0.0.1:4173/');
const layers = basemapLayers(lightPalette);

describe('basemap style', () => {
	it('has unique layer ids', () => {
		const ids = layers.map((l) => l.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('draws every layer from a declared source', () => {
		for (const layer of layers) {
			if (layer.type === 'background') continue;
			expect([...BASEMAP_SOURCES, BORDER_LABEL_SOURCE], layer.id).toContain(layer.source);
			expect(style.sources[layer.source], layer.id).toBeDefined();
		}
	});

	it('names only bundled fonts, each declared in font-faces', () => {
		for (const layer of layers) {
			if (layer.type !== 'symbol') continue;
			const fonts = layer.layout?.['text-font'] as string[];
			for (const font of fonts) {
				expect(Object.keys(FONT_FILES)).toContain(font);
				expect(style['font-faces']?.[font]).toBeDefined();
			}
		}
	});

	it('never points at another origin: no glyphs, sprite or remote data', () => {
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		for (const source of Object.values(style.sources)) {
			expect(typeof (source as { data?: unknown }).data).not.toBe('string');
		}
		for (const faces of Object.values(fontFaces('http://127.0.0.1:4173/app/'))) {
			for (const face of faces as { url: string }[])
				expect(face.url.startsWith('http://127.0.0.1:4173/')).toBe(true);
		}
	});

	it('draws the border above the belt and the provinces, and labels last', () => {
		const order = layers.map((l) => l.id);
		expect(order.indexOf('border-line')).toBeGreaterThan(order.indexOf('belt-fill'));
		expect(order.indexOf('border-line')).toBeGreaterThan(order.indexOf('provinces-line'));
		const firstSymbol = layers.findIndex((l) => l.type === 'symbol');
		expect(layers.slice(firstSymbol).every((l) => l.type === 'symbol')).toBe(true);
	});
});

describe('palette', () => {
	const textOn: [keyof Palette, keyof Palette][] = [
		['labelCountry', 'landFocus'],
		['labelCountryMuted', 'landMuted'],
		['labelProvince', 'landFocus']
	];
	it.each(textOn)('%s on %s meets WCAG AA for text (4.5:1)', (fg, bg) => {
		expect(contrastRatio(lightPalette[fg], lightPalette[bg])).toBeGreaterThanOrEqual(4.5);
	});
	it('makes the border line stand out from the land (3:1 for graphics)', () => {
		expect(contrastRatio(lightPalette.borderLine, lightPalette.landFocus)).toBeGreaterThanOrEqual(3);
	});
});
