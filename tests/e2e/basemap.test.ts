/**
 * The built site in real headless Chromium: the map draws the region from bundled data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { watchForeignRequests } from '../support/browser';
import { browserSession } from '../support/session';

// The last test asks for a foreign address on purpose, and the page's policy refuses it.
const session = browserSession({ allowConsoleErrors: [/Content Security Policy/] });
let page: Page;

beforeAll(async () => {
	page = await session.open('/');
});

/** Names of the features of a layer rendered on screen right now. */
function rendered(layer: string, property = 'name'): Promise<string[]> {
	return page.evaluate(
		({ layer, property }) => {
			const map = (window as any).atlas.map;
			const names = map
				.queryRenderedFeatures({ layers: [layer] })
				.map((f: any) => String(f.properties[property]));
			return [...new Set(names)].sort() as string[];
		},
		{ layer, property }
	);
}

describe('basemap', () => {
	it('has an accessible page structure', async () => {
		expect(await page.title()).toContain('Frontier Atlas');
		expect(await page.locator('h1').textContent()).toBe('Frontier Atlas');
		expect(await page.locator('main').count()).toBe(1);
		const canvasLabel = await page.locator('canvas.maplibregl-canvas').getAttribute('aria-label');
		expect(canvasLabel).toMatch(/map of the pakistan–afghanistan border/i);
	});

	it('fits the border region on load', async () => {
		const center = await page.evaluate(() => (window as any).atlas.map.getCenter().toArray());
		expect(center[0]).toBeGreaterThan(65);
		expect(center[0]).toBeLessThan(73);
		expect(center[1]).toBeGreaterThan(28);
		expect(center[1]).toBeLessThan(34);
	});

	it('draws a canvas that is not blank', async () => {
		// Sample the composited page: a blank or failed map is one flat colour.
		const png = await page.locator('main').screenshot();
		const colours = await page.evaluate(async (b64) => {
			const img = new Image();
			img.src = 'data:image/png;base64,' + b64;
			await img.decode();
			const c = document.createElement('canvas');
			c.width = img.width;
			c.height = img.height;
			const ctx = c.getContext('2d')!;
			ctx.drawImage(img, 0, 0);
			const seen = new Set<string>();
			for (let x = 5; x < img.width; x += 37) {
				for (let y = 5; y < img.height; y += 37) {
					const d = ctx.getImageData(x, y, 1, 1).data;
					seen.add(`${d[0]! >> 3},${d[1]! >> 3},${d[2]! >> 3}`);
				}
			}
			return seen.size;
		}, png.toString('base64'));
		expect(colours).toBeGreaterThan(8);
	});

	it('renders both countries, emphasised, with neighbours muted', async () => {
		const countries = await rendered('countries-fill');
		expect(countries).toEqual(expect.arrayContaining(['Afghanistan', 'Pakistan', 'Iran']));
		const focus = await page.evaluate(() =>
			(window as any).atlas.map
				.queryRenderedFeatures({ layers: ['countries-fill'] })
				.filter((f: any) => f.properties.focus)
				.map((f: any) => f.properties.name)
		);
		expect(new Set(focus)).toEqual(new Set(['Afghanistan', 'Pakistan']));
	});

	it('renders the provinces of both countries, corrected', async () => {
		const provinces = await rendered('provinces-line');
		for (const name of [
			'Khyber Pakhtunkhwa',
			'Balochistan',
			'Kunar',
			'Khost',
			'Paktia',
			'Paktika',
			'Panjshir',
			'Daykundi',
			'Nangarhar'
		]) {
			expect(provinces).toContain(name);
		}
		expect(provinces.length).toBeGreaterThanOrEqual(41);
	});

	it('renders the border line and the border belt', async () => {
		expect(await rendered('border-line', 'id')).toEqual(['af-pk-border']);
		expect(await rendered('belt-fill', 'id')).toEqual(['border-belt']);
	});

	it('labels the countries and provinces with the bundled font', async () => {
		const labels = await rendered('country-labels');
		expect(labels).toEqual(expect.arrayContaining(['Afghanistan', 'Pakistan']));
		const fonts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((e) => e.name)
				.filter((n) => n.endsWith('.woff2'))
		);
		expect(fonts.length).toBeGreaterThan(0);
		for (const f of fonts) expect(f.startsWith(session.origin)).toBe(true);
	});

	it('pans with the keyboard', async () => {
		const before = await page.evaluate(() => (window as any).atlas.map.getCenter().lng);
		await page.locator('canvas.maplibregl-canvas').focus();
		await page.keyboard.press('ArrowRight');
		await expect
			.poll(() => page.evaluate(() => (window as any).atlas.map.getCenter().lng as number))
			.toBeGreaterThan(before + 0.01);
	});

	it('would notice a request off the origin, and its policy refuses one', async () => {
		// The watch works: a page with no policy that asks another host is seen.
		const probe = await page.context().newPage();
		const seen = watchForeignRequests(probe, session.origin);
		await probe.setContent('<img src="http://tiles.example.invalid/0/0/0.png">');
		await expect.poll(() => seen).toEqual(['http://tiles.example.invalid/0/0/0.png']);
		await probe.close();
		// The atlas's own Content Security Policy refuses such a request outright.
		const refused = await page.evaluate(() =>
			fetch('http://tiles.example.invalid/0/0/0.png').then(
				() => false,
				() => true
			)
		);
		expect(refused).toBe(true);
	});
});
