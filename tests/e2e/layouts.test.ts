/**
 * The atlas's three layouts in real headless Chromium, by what a user sees:
 * - no page of any kind scrolls sideways, from a 320-pixel phone to a desktop;
 * - on a phone (390 × 844, touch) the map fills the screen under a compact title bar, the four
 *   panels open one at a time in the bottom sheet by touch and by keyboard, the handle cycles and
 *   drags its heights, the title bar's actions are one menu, and an event picked from the list
 *   shows its details in the sheet while the camera keeps it above the sheet;
 * - on a tablet (768 × 1024, touch) the sidebar is a side sheet over the map that folds away, and
 *   the timeline is under the map;
 * - on a desktop (1280 × 800) the sidebar is beside the map, as it always was.
 * The map never changes size when a sheet moves. A screenshot of the atlas at each size is saved
 * under the system's temporary folder (frontier-atlas-layouts/), to be looked at, not compared.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { browserSession, type BrowserSession } from '../support/session';

const deck = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as {
	id: string;
	scenes: { id: string }[];
};
const SHOTS = join(tmpdir(), 'frontier-atlas-layouts');
mkdirSync(SHOTS, { recursive: true });

const PAGE_KINDS: [name: string, path: string, ready: string][] = [
	['the atlas', '/', 'main[data-status="ready"]'],
	['the atlas with the details open', '/?place=torkham', 'main[data-status="ready"]'],
	['the list of sources', '/sources', 'main'],
	['a source with a passage marked', '/sources/voa-2024-01?p=p5', 'main[data-status="ready"]'],
	['the list of briefings', '/briefing', 'main'],
	['a deck', `/briefing/${deck.id}`, 'main'],
	['a scene in presentation mode', `/briefing/${deck.id}/${deck.scenes[1]!.id}`, '.presenter[data-scene]'],
	['the handout', `/briefing/${deck.id}/print`, '.handout']
];

type Box = { x: number; y: number; width: number; height: number };
const boxOf = async (l: Locator): Promise<Box> => (await l.boundingBox())!;
const canvas = (page: Page) => page.locator('canvas.maplibregl-canvas');
const sheet = (page: Page) => page.locator('.sheet');
const toggle = (page: Page, label: string) =>
	page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: label });
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const focusInSheet = (page: Page) =>
	page.evaluate(() => !!document.querySelector('.sheet')?.contains(document.activeElement));
/** Waits for the map to stop moving (a flight, or a shift of its padding for a sheet). */
const settled = (page: Page) =>
	page.waitForFunction(() => {
		const map = (window as any).atlas?.map;
		return map && !map.isMoving();
	});

/** Every page kind at `size`: nothing wider than the window. The atlas is also photographed. */
function noSidewaysScroll(session: BrowserSession, size: { width: number; height: number }) {
	it.each(PAGE_KINDS)('%s does not scroll sideways', async (name, path, ready) => {
		const page = await session.open(path, { map: false });
		await page.waitForSelector(ready, { timeout: 45_000 });
		await page.waitForTimeout(300); // late layout: fonts, the timeline measuring its width
		const widths = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			inner: innerWidth
		}));
		// A phone browser widens its layout to fit what overflows: the window must stay the screen's.
		expect(widths.inner).toBe(size.width);
		expect(widths.scroll).toBeLessThanOrEqual(size.width);
		if (name === 'the atlas')
			await page.screenshot({ path: join(SHOTS, `atlas-${size.width}x${size.height}.png`) });
		await page.close();
	});
}

describe('a small phone (320 × 640, touch)', () => {
	const size = { width: 320, height: 640 };
	const session = browserSession({ viewport: size, context: { hasTouch: true, isMobile: true } });
	noSidewaysScroll(session, size);
});

describe('a phone (390 × 844, touch)', () => {
	const size = { width: 390, height: 844 };
	const session = browserSession({ viewport: size, context: { hasTouch: true, isMobile: true } });
	noSidewaysScroll(session, size);

	it('the map fills the screen under a compact title bar, its actions in one menu', async () => {
		const page = await session.open('/');
		const map = await boxOf(canvas(page));
		expect(map.width).toBeGreaterThanOrEqual(0.95 * size.width);
		expect(map.height).toBeGreaterThanOrEqual(0.8 * size.height);
		const header = await boxOf(page.locator('header'));
		expect(header.height).toBeLessThanOrEqual(64);
		expect(await page.locator('h1').textContent()).toBe('Frontier Atlas');
		// No panel is open: the map is all there is between the title bar and the bar of toggles.
		expect(await sheet(page).isVisible()).toBe(false);
		expect(await page.getByRole('complementary', { name: 'Layers and events' }).isVisible()).toBe(false);

		const sources = page.getByRole('link', { name: 'Sources', exact: true });
		expect(await sources.isVisible()).toBe(false);
		const menu = page.getByRole('button', { name: 'Menu' });
		await menu.tap();
		expect(await sources.isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Save map as PNG' }).isVisible()).toBe(true);
		expect(await page.locator('summary', { hasText: 'Download data' }).isVisible()).toBe(true);
		await page.keyboard.press('Escape');
		expect(await sources.isVisible()).toBe(false);
		expect(await menu.evaluate((b) => b === document.activeElement)).toBe(true);
		await page.close();
	});

	it('each panel opens and closes by touch, one at a time, and the map keeps its size', async () => {
		const page = await session.open('/');
		const before = await boxOf(canvas(page));
		for (const [label, pane] of [
			['Layers', '#pane-layers'],
			['Events', '#events-list'],
			['Details', '#pane-details'],
			['Timeline', '#pane-timeline']
		] as const) {
			await toggle(page, label).tap();
			await expect.poll(() => page.locator(pane).isVisible()).toBe(true);
			expect(await toggle(page, label).getAttribute('aria-expanded')).toBe('true');
			// One at a time: every other panel is hidden.
			expect(await page.locator('.pane:visible').count()).toBe(1);
			// Over the map's lower part, leaving the map above it usable.
			const s = await boxOf(sheet(page));
			expect(s.y).toBeGreaterThan(before.y + 100);
			expect(s.y + s.height).toBeLessThanOrEqual(before.y + before.height + 1);
			expect(await focusInSheet(page)).toBe(true);
			await toggle(page, label).tap();
			await expect.poll(() => sheet(page).isVisible()).toBe(false);
			expect(await toggle(page, label).getAttribute('aria-expanded')).toBe('false');
			expect(await boxOf(canvas(page))).toEqual(before);
		}
		await page.close();
	});

	it('by keyboard: a toggle opens its panel with focus in it, Escape closes it and focus goes back', async () => {
		const page = await session.open('/');
		await toggle(page, 'Layers').focus();
		await page.keyboard.press('Enter');
		await expect.poll(() => activeId(page)).toBe('pane-layers');
		// The handle is a button that cycles the heights; the arrow keys step them.
		const handle = page.getByTestId('sheet-handle');
		expect(await sheet(page).getAttribute('data-height')).toBe('half');
		await handle.focus();
		await page.keyboard.press('Enter');
		expect(await sheet(page).getAttribute('data-height')).toBe('full');
		await page.keyboard.press('Enter');
		expect(await sheet(page).getAttribute('data-height')).toBe('peek');
		await page.keyboard.press('ArrowUp');
		expect(await sheet(page).getAttribute('data-height')).toBe('half');
		// Escape from inside the panel closes the sheet and gives focus back to the toggle.
		await page.locator('#pane-layers input[type="checkbox"]').first().focus();
		await page.keyboard.press('Escape');
		await expect.poll(() => sheet(page).isVisible()).toBe(false);
		expect(await activeId(page)).toBe('sheet-toggle-layers');
		// Space works as well as Enter, and the toggle closes what it opened.
		await toggle(page, 'Timeline').focus();
		await page.keyboard.press('Space');
		await expect.poll(() => activeId(page)).toBe('pane-timeline');
		await page.keyboard.press('Escape');
		expect(await activeId(page)).toBe('sheet-toggle-timeline');
		await page.close();
	});

	it('dragging the handle resizes the sheet, settles on a height, and closes it when pulled down', async () => {
		const page = await session.open('/');
		const map = await boxOf(canvas(page));
		await toggle(page, 'Events').tap();
		await page.locator('#events-list').waitFor();
		const half = await boxOf(sheet(page));
		const handle = await boxOf(page.getByTestId('sheet-handle'));
		const x = handle.x + handle.width / 2;
		const y = handle.y + handle.height / 2;
		// Pointer events: up by 150 pixels, the sheet follows the pointer…
		await page.mouse.move(x, y);
		await page.mouse.down();
		await page.mouse.move(x, y - 150, { steps: 5 });
		const during = await boxOf(sheet(page));
		expect(during.height).toBeGreaterThan(half.height + 100);
		// …and let go nearer the full height than half, it settles full.
		await page.mouse.move(x, y - 260, { steps: 3 });
		await page.mouse.up();
		await expect.poll(() => sheet(page).getAttribute('data-height')).toBe('full');
		expect(await boxOf(canvas(page))).toEqual(map);
		// Pulled right down, it closes.
		const top = await boxOf(page.getByTestId('sheet-handle'));
		await page.mouse.move(x, top.y + top.height / 2);
		await page.mouse.down();
		await page.mouse.move(x, size.height - 5, { steps: 6 });
		await page.mouse.up();
		await expect.poll(() => sheet(page).isVisible()).toBe(false);
		expect(await boxOf(canvas(page))).toEqual(map);
		await page.close();
	});

	it('an event picked from the list shows its details in the sheet, and the camera keeps it above the sheet', async () => {
		const page = await session.open('/');
		await toggle(page, 'Events').tap();
		await page.locator('#events-list').waitFor();
		// An event the map draws as a point (events known only to an area have none).
		const drawn = await page.evaluate(async () => {
			const map = (window as any).atlas.map;
			const features = (await map.getSource('events').getData()).features as {
				properties: { event: string };
				geometry: { coordinates: [number, number] };
			}[];
			const points = new Map(features.map((f) => [f.properties.event, f.geometry.coordinates]));
			const rows = [...document.querySelectorAll<HTMLElement>('#events-list li[data-event]')];
			const row = rows.filter((li) => points.has(li.dataset.event!))[3]!;
			return { id: row.dataset.event!, point: points.get(row.dataset.event!)! };
		});
		const row = page.locator(`#events-list li[data-event="${drawn.id}"] button`);
		const title = (await row.locator('.title').textContent())!;
		await row.tap();

		const dialog = page.getByRole('dialog');
		await expect.poll(() => dialog.locator('h2').first().textContent()).toBe(title);
		expect(await page.locator('#pane-details').isVisible()).toBe(true);
		expect(await toggle(page, 'Details').getAttribute('aria-expanded')).toBe('true');
		expect(await page.locator('#events-list').isVisible()).toBe(false);
		expect(await activeId(page)).toBe('details-title');

		await settled(page);
		const mapBox = await boxOf(page.locator('main'));
		const sheetBox = await boxOf(sheet(page));
		const at = await page.evaluate((p) => (window as any).atlas.map.project(p), drawn.point);
		expect(at.x).toBeGreaterThan(0);
		expect(at.x).toBeLessThan(mapBox.width);
		expect(at.y).toBeGreaterThan(0);
		expect(mapBox.y + at.y).toBeLessThan(sheetBox.y);

		// Closing the details gives the sheet back to the list it came from.
		await dialog.getByRole('button', { name: 'Close details' }).tap();
		await expect.poll(() => page.locator('#events-list').isVisible()).toBe(true);
		expect(await toggle(page, 'Events').getAttribute('aria-expanded')).toBe('true');
		await page.close();
	});

	it('a symbol tapped on the map opens the details by themselves', async () => {
		const page = await session.open('/?map=9/34.11/71.1');
		const box = await boxOf(page.locator('main'));
		const point = await page.evaluate(() => (window as any).atlas.map.project([71.1, 34.11]));
		await page.touchscreen.tap(box.x + point.x, box.y + point.y);
		await expect.poll(() => page.locator('#pane-details').isVisible()).toBe(true);
		expect(await page.getByRole('dialog').locator('h2').first().textContent()).toMatch(/Torkham/);
		await page.close();
	});
});

describe('a tablet (768 × 1024, touch)', () => {
	const size = { width: 768, height: 1024 };
	const session = browserSession({ viewport: size, context: { hasTouch: true, isMobile: true } });
	noSidewaysScroll(session, size);

	it('the sidebar is a side sheet over the map that folds away; the timeline is under the map', async () => {
		const page = await session.open('/');
		const map = await boxOf(canvas(page));
		expect(map.width).toBeGreaterThanOrEqual(0.95 * size.width);
		const sidebar = page.getByRole('complementary', { name: 'Layers and events' });
		const side = await boxOf(sidebar);
		expect(side.x).toBeLessThanOrEqual(1);
		expect(side.width).toBeLessThan(size.width / 2);
		// Over the map, not beside it.
		expect(side.x + side.width).toBeGreaterThan(map.x + 100);
		const timeline = await boxOf(page.getByRole('region', { name: 'Timeline' }));
		expect(timeline.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
		expect(timeline.width).toBeGreaterThanOrEqual(0.95 * size.width);
		// Only the menu shows the title bar's actions.
		expect(await page.getByRole('link', { name: 'Sources', exact: true }).isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);

		await page.getByRole('button', { name: 'Hide layers and events' }).tap();
		await expect.poll(() => sidebar.isVisible()).toBe(false);
		expect(await boxOf(canvas(page))).toEqual(map);
		await page.getByRole('button', { name: 'Show layers and events' }).tap();
		await expect.poll(() => sidebar.isVisible()).toBe(true);
		expect(await boxOf(canvas(page))).toEqual(map);
		await page.close();
	});
});

describe('a desktop (1280 × 800)', () => {
	const size = { width: 1280, height: 800 };
	const session = browserSession({ viewport: size });
	noSidewaysScroll(session, size);

	it('keeps the sidebar beside the map, the timeline under it, and the actions in the title bar', async () => {
		const page = await session.open('/');
		const map = await boxOf(canvas(page));
		const side = await boxOf(page.getByRole('complementary', { name: 'Layers and events' }));
		expect(Math.abs(side.x + side.width - map.x)).toBeLessThanOrEqual(1);
		const timeline = await boxOf(page.getByRole('region', { name: 'Timeline' }));
		expect(timeline.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
		expect(Math.abs(timeline.x - map.x)).toBeLessThanOrEqual(1);
		expect(await page.getByRole('group', { name: 'Panels' }).isVisible()).toBe(false);
		expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(false);
		for (const name of ['Sources', 'Briefings'])
			expect(await page.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
		expect(await page.getByRole('button', { name: 'Save map as PNG' }).isVisible()).toBe(true);
		await page.close();
	});
});
