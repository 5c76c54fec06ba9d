/**
 * Exploring the evidence in real headless Chromium, by what a user sees: cited popups, layer
 * toggles, search, links between the reader and the map, shareable links, and accessibility.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { waitForMap } from '../support/browser';
import { seriousViolations } from '../support/axe';
import { foldSpace } from '../../src/lib/corpus/paragraphs';

const session = browserSession();
const open = (path: string) => session.open(path);

/** Evaluates an expression over the page's MapLibre map (public API only); promises are awaited. */
const mapCall = <T>(page: Page, fn: string): Promise<T> =>
	page.evaluate(`(async () => { const map = window.atlas.map; return ${fn}; })()`) as Promise<T>;

/** The verbatim text of a source, whitespace folded, for checking quotes shown on screen. */
function sourceText(id: string): string {
	return foldSpace(readFileSync(`geodata/sources/${id}.txt`, 'utf8'));
}

const panel = (page: Page) => page.getByRole('dialog');

describe('cited popups', () => {
	it("clicking Torkham's symbol opens a popup quoting its source verbatim", async () => {
		const page = await open('/?map=9/34.11/71.1');
		const box = (await page.locator('main').boundingBox())!;
		const point = await mapCall<{ x: number; y: number }>(page, 'map.project([71.1, 34.11])');
		await page.mouse.click(box.x + point.x, box.y + point.y);
		await expect.poll(() => panel(page).locator('h2').textContent()).toMatch(/Torkham/);
		const text = sourceText('fnf-2024-04');
		const quotes = async () =>
			(await panel(page).locator('blockquote').allTextContents()).map((q) => q.replace(/^“|”$/g, ''));
		expect((await quotes()).length).toBeGreaterThan(0);
		for (const q of await quotes()) expect(text).toContain(foldSpace(q));
		expect(await panel(page).textContent()).toMatch(/September 2023|2023/);
		expect(
			await panel(page).getByRole('link', { name: 'Read in source' }).first().getAttribute('href')
		).toMatch(/sources\/fnf-2024-04\/?\?p=p\d+&q=/);
		// The place itself: every passage that names it, verbatim.
		await panel(page).getByRole('button', { name: 'Torkham', exact: true }).click();
		await expect.poll(() => panel(page).locator('h2').textContent()).toBe('Torkham');
		expect(await panel(page).textContent()).toMatch(/Named in \d+ passages?/);
		for (const q of await quotes()) expect(text).toContain(foldSpace(q));
		// Escape closes it.
		await page.keyboard.press('Escape');
		await expect.poll(() => panel(page).count()).toBe(0);
		await page.close();
	});

	it('lists the events of a cluster, none hidden', async () => {
		const page = await open('/?map=7/34.53/69.17');
		const clusters = await mapCall<{ count: number; x: number; y: number }[]>(
			page,
			`map.queryRenderedFeatures({ layers: ['events-cluster'] }).map((f) => ({ count: f.properties.point_count, ...map.project(f.geometry.coordinates) }))`
		);
		expect(clusters.length).toBeGreaterThan(0);
		const biggest = clusters.sort((a, b) => b.count - a.count)[0]!;
		const box = (await page.locator('main').boundingBox())!;
		await page.mouse.click(box.x + biggest.x, box.y + biggest.y);
		await expect.poll(() => panel(page).locator('h2').textContent()).toMatch(/\d+ events here/);
		const listed = await panel(page).locator('li').count();
		expect(listed).toBeGreaterThan(1);
		await page.close();
	});
});

describe('layers', () => {
	it('turning a group off removes its symbols, and "only" isolates one', async () => {
		const page = await open('/');
		const groupsDrawn = () =>
			mapCall<string[]>(
				page,
				`[...new Set(map.querySourceFeatures('events').flatMap((f) => f.properties.group ? [f.properties.group] : []))]`
			);
		const total = () => mapCall<number>(page, `(await map.getSource('events').getData()).features.length`);
		const before = await total();
		await page.getByRole('checkbox', { name: /Diplomacy and talks/ }).uncheck();
		await expect.poll(total).toBeLessThan(before);
		await page.waitForFunction(() => (window as any).atlas.map.loaded());
		expect(await groupsDrawn()).not.toContain('diplomacy');
		expect(
			await page
				.getByRole('status')
				.filter({ hasText: /events? of \d+ shown/ })
				.textContent()
		).toMatch(/1 groups? hidden/);
		await page.getByRole('button', { name: 'Show only Attacks' }).click();
		await page.waitForFunction(() => (window as any).atlas.map.loaded());
		await expect.poll(groupsDrawn).toEqual(['attacks']);
		await expect.poll(() => page.url()).toContain('groups=attacks');
		await page.close();
	});
});

describe('reader to map', () => {
	it('a place mention in the reader opens the map on that place, selected', async () => {
		const reader = await session.open('/sources/fnf-2024-04', { map: false });
		await reader.waitForSelector('main[data-status="ready"]');
		await reader.locator('a[title="Show Torkham (crossing) on the map"]').first().click();
		await reader.waitForURL(/place=torkham/);
		await waitForMap(reader);
		await expect.poll(() => panel(reader).locator('h2').textContent()).toBe('Torkham');
		await reader.waitForFunction(() => {
			const map = (window as any).atlas?.map;
			if (!map) return false;
			const c = map.getCenter();
			return !map.isMoving() && Math.abs(c.lng - 71.1) < 1.5 && Math.abs(c.lat - 34.11) < 1.5;
		});
		await reader.close();
	});
});

describe('search', () => {
	it('"Sawabi" finds Swabi; picking it flies there and selects it', async () => {
		const page = await open('/');
		const box = page.getByRole('combobox', { name: /search/i });
		await box.fill('Sawabi');
		await expect.poll(() => page.getByRole('option').first().textContent()).toMatch(/Swabi/);
		await box.press('Enter');
		await expect.poll(() => panel(page).locator('h2').textContent()).toBe('Swabi');
		await expect.poll(() => page.url()).toContain('place=swabi-district');
		await page.waitForFunction(() => !(window as any).atlas.map.isMoving());
		const center = await mapCall<{ lng: number; lat: number }>(page, 'map.getCenter()');
		expect(Math.abs(center.lat - 34.12)).toBeLessThan(1);
		await page.close();
	});
});

describe('shareable links', () => {
	it('a copied link restores view, groups and selection', async () => {
		const page = await open('/');
		await page.getByRole('checkbox', { name: /Opposition groups/ }).uncheck();
		await page.getByRole('combobox', { name: /search/i }).fill('Torkham');
		await page.getByRole('combobox', { name: /search/i }).press('Enter');
		// The camera has flown to Torkham and stopped; the URL has caught up with it.
		await page.waitForFunction(() => {
			const map = (window as any).atlas.map;
			return !map.isMoving() && Math.abs(map.getCenter().lat - 34.11) < 1 && map.getZoom() > 6;
		});
		const view = await mapCall<{ zoom: number; center: { lng: number; lat: number } }>(
			page,
			'({ zoom: map.getZoom(), center: map.getCenter() })'
		);
		await expect.poll(() => page.url()).toContain(`map=${Number(view.zoom.toFixed(2))}/`);
		expect(page.url()).toMatch(/groups=.*place=torkham/);
		const link = page.url();
		await page.close();

		const copy = await open(link.replace(session.origin, ''));
		expect(await panel(copy).locator('h2').textContent()).toBe('Torkham');
		expect(await copy.getByRole('checkbox', { name: /Opposition groups/ }).isChecked()).toBe(false);
		expect(await copy.getByRole('checkbox', { name: /Attacks/ }).isChecked()).toBe(true);
		const restored = await mapCall<{ zoom: number; center: { lng: number; lat: number } }>(
			copy,
			'({ zoom: map.getZoom(), center: map.getCenter() })'
		);
		expect(restored.zoom).toBeCloseTo(view.zoom, 1);
		expect(restored.center.lng).toBeCloseTo(view.center.lng, 2);
		expect(restored.center.lat).toBeCloseTo(view.center.lat, 2);
		await copy.close();
	});

	it('garbage parameters load the default view with a notice naming them', async () => {
		const page = await open(
			'/?map=abc/1/2&groups=zzz,%3Cscript%3E&event=nope&passage=../../etc&hide=everything'
		);
		const notice = page.getByRole('status').filter({ hasText: 'could not be used' });
		await expect.poll(() => notice.count()).toBe(1);
		const text = await notice.textContent();
		for (const name of ['map', 'groups', 'event', 'passage', 'hide']) expect(text).toContain(name);
		expect(await panel(page).count()).toBe(0);
		for (const label of ['Attacks', 'Diplomacy and talks', 'Opposition groups']) {
			expect(await page.getByRole('checkbox', { name: new RegExp(label) }).isChecked()).toBe(true);
		}
		const center = await mapCall<{ lng: number; lat: number }>(page, 'map.getCenter()');
		expect(center.lng).toBeGreaterThan(65);
		expect(center.lng).toBeLessThan(73);
		await page.close();
	});
});

describe('list view', () => {
	it('lists the events in view and selects on the map from the list', async () => {
		const page = await open('/');
		const items = page.locator('#events-list li');
		expect(await items.count()).toBeGreaterThan(20);
		await items.first().getByRole('button').click();
		const title = await panel(page).locator('h2').textContent();
		expect(await items.first().textContent()).toContain(title!);
		// The map marks the same event as selected (feature-state, even inside a cluster).
		const id = await items.first().getAttribute('data-event');
		expect(
			await mapCall<boolean>(
				page,
				`map.getFeatureState({ source: 'events', id: '${id}@0' }).selected === true`
			)
		).toBe(true);
		await page.close();
	});
});

describe('accessibility', () => {
	it('has no serious or critical axe violations on the map view, with details open', async () => {
		const page = await open('/?place=torkham');
		await expect.poll(() => panel(page).count()).toBe(1);
		expect(await seriousViolations(page)).toEqual([]);
		await page.close();
	});
});
