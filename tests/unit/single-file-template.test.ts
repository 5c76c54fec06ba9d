/**
 * The single file's HTML (src/lib/briefing/single-file/template.ts) and its presenter's pure
 * parts: untrusted text can never close a JSON block or become markup, the CSP allows no network
 * scheme, the map style names no URL outside the file, and the keys do what the atlas's do.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deckFileHtml, embedJson, escapeHtml, FILE_CSP } from '$lib/briefing/single-file/template';
import { BLOCK, FILE_FORMAT, type BriefingFileData, type MapAssets } from '$lib/briefing/single-file/types';
import { fileMapStyle } from '$lib/briefing/single-file/runtime/map-style';
import { keyAction } from '$lib/briefing/single-file/runtime/keys';
import { FONT_FILES } from '$lib/map/fonts';
import { BASEMAP_SOURCES } from '$lib/map/layer-ids';

const HOSTILE = '</script><script>alert(1)</script><!-- <script> & "quotes" \u2028';

function data(title: string): BriefingFileData {
	return {
		format: FILE_FORMAT,
		formatVersion: 1,
		deck: { id: 'a-deck', title, summary: title },
		scenes: [],
		groups: [],
		sources: {},
		events: { type: 'FeatureCollection', features: [] },
		places: { type: 'FeatureCollection', features: [] }
	};
}

const topology = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const assets: MapAssets = {
	worker: 'self.onmessage = () => {};',
	fonts: Object.fromEntries(
		Object.entries(FONT_FILES).map(([name, files]) => [
			name,
			Object.fromEntries(
				Object.keys(files).map((subset) => [subset, `data:font/woff2;base64,${name}-${subset}`])
			)
		])
	),
	relief: 'data:image/png;base64,AAAA',
	boundaries: topology('geodata/basemap.topo.json'),
	rivers: topology('geodata/rivers.topo.json'),
	labels: { type: 'FeatureCollection', features: [] },
	borderLabels: { type: 'FeatureCollection', features: [] },
	rtlTextPlugin: 'self.registerRTLTextPlugin?.({});'
};

/** The text of the <script> element with this id, as an HTML parser would cut it out. */
function block(html: string, id: string): string {
	const open = `<script type="application/json" id="${id}">`;
	const start = html.indexOf(open) + open.length;
	return html.slice(start, html.indexOf('</script>', start));
}

describe('embedding untrusted text', () => {
	it('leaves no "<" in a JSON block, and reads back exactly', () => {
		const json = embedJson({ title: HOSTILE });
		expect(json).not.toContain('<');
		expect(JSON.parse(json)).toEqual({ title: HOSTILE });
	});

	it('escapes text for HTML', () => {
		expect(escapeHtml(HOSTILE)).not.toMatch(/[<>"]/);
		expect(escapeHtml('a & b')).toBe('a &amp; b');
	});

	it('keeps hostile titles and quotes inside their block, whole', () => {
		const html = deckFileHtml({
			data: data(HOSTILE),
			assets,
			runtime: `console.log(${JSON.stringify(HOSTILE)})`
		});
		expect(JSON.parse(block(html, BLOCK.data)).deck.title).toBe(HOSTILE);
		expect(JSON.parse(block(html, BLOCK.runtime))).toBe(`console.log(${JSON.stringify(HOSTILE)})`);
		expect(JSON.parse(block(html, BLOCK.assets))).toEqual(assets);
		// Exactly the page's own elements: four <script> tags, no more.
		expect(html.match(/<script/g)).toHaveLength(4);
		expect(html).toContain(`<title>${escapeHtml(HOSTILE)} — Frontier Atlas briefing</title>`);
	});
});

describe('the file’s Content Security Policy', () => {
	it('allows nothing from a network: no host, no http:, https: or file:, and no eval', () => {
		expect(FILE_CSP).toContain("default-src 'none'");
		expect(FILE_CSP).not.toContain("'unsafe-eval'");
		expect(FILE_CSP).not.toMatch(/https?:|file:|\*|'self'/);
		const html = deckFileHtml({ data: data('x'), assets, runtime: '' });
		expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(FILE_CSP)}">`);
	});
});

describe('the file’s map style', () => {
	const style = fileMapStyle(assets);

	it('names every font file, and the relief, by the file’s data URLs', () => {
		const urls = Object.values(style['font-faces'] ?? {}).flatMap((v) =>
			typeof v === 'string' ? [v] : v.map((f) => f.url)
		);
		const expected = Object.values(assets.fonts).flatMap((files) => Object.values(files));
		expect(new Set(urls)).toEqual(new Set(expected));
		expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
	});

	it('carries the decoded boundaries and rivers in its sources', () => {
		for (const id of BASEMAP_SOURCES.filter((s) => s !== 'labels')) {
			const source = style.sources[id];
			expect(source?.type, id).toBe('geojson');
			const features = (source as { data: { features: unknown[] } }).data.features;
			expect(features.length, id).toBeGreaterThan(0);
		}
		// The labels and the border's name points as the file carries them (basemap-extras.ts).
		expect((style.sources.labels as { data: unknown }).data).toBe(assets.labels);
		expect(Object.values(style.sources).some((s) => 'data' in s && s.data === assets.borderLabels)).toBe(
			true
		);
		const urls = Object.values(style.sources).flatMap((s) => ('url' in s && s.url ? [s.url] : []));
		for (const url of urls) expect(url).toMatch(/^data:/);
	});
});

describe('the presenter’s keys', () => {
	const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
		key: k,
		altKey: false,
		ctrlKey: false,
		metaKey: false,
		...mods
	});
	it.each([
		['ArrowRight', 'next'],
		['PageDown', 'next'],
		[' ', 'next'],
		['ArrowLeft', 'previous'],
		['PageUp', 'previous'],
		['Home', 'first'],
		['End', 'last'],
		['n', 'notes'],
		['N', 'notes'],
		['f', 'fullscreen'],
		['x', null]
	])('%j → %s', (k, action) => {
		expect(keyAction(key(k), false)).toBe(action);
	});

	it('leaves Space to a focused button, and modified keys to the browser', () => {
		expect(keyAction(key(' '), true)).toBe(null);
		expect(keyAction(key('ArrowRight'), true)).toBe('next');
		expect(keyAction(key('ArrowRight', { altKey: true }), false)).toBe(null);
		expect(keyAction(key('f', { ctrlKey: true }), false)).toBe(null);
	});
});
