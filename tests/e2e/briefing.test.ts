/**
 * Briefings in real headless Chromium: the shipped deck opens, keys move between scenes, each
 * scene applies its groups, time window and camera, and the handout holds every scene.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { isAreaOnly } from '../../src/lib/map/event-points';
import type { Deck } from '../../src/lib/schema/briefing';
import type { EventsCollection } from '../../src/lib/schema/exported';
import { firstDay, lastDay } from '../../src/lib/time/dates';

const events = (JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection).features;
const deck = JSON.parse(
	readFileSync(`geodata/briefings/${readdirSync('geodata/briefings')[0]}`, 'utf8')
) as Deck;

const session = browserSession();
const open = (path: string) => session.open(path, { map: false });

const sceneUrl = (i: number) => `/briefing/${deck.id}/${deck.scenes[i]!.id}`;
const waitForScene = (page: Page, i: number) =>
	page.waitForSelector(`.presenter[data-scene="${deck.scenes[i]!.id}"]`, { timeout: 45_000 });

/** What the presenter's map shows: state and camera. */
function shown(page: Page) {
	return page.evaluate(() => {
		const { map, state } = (window as any).atlas;
		const b = map.getBounds();
		return {
			groups: [...state.visibleGroups] as string[],
			timeWindow: state.timeWindow as { from: string; to: string } | null,
			bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as number[],
			zoom: map.getZoom() as number,
			drawnGroups: [
				...new Set(
					map
						.querySourceFeatures('events')
						.map((f: any) => f.properties.group)
						.filter(Boolean)
				)
			] as string[],
			drawnEvents: [
				...new Set(
					map
						.getSource('events')
						.serialize()
						.data.features.map((f: any) => f.properties.event)
				)
			] as string[],
			areaOnlyEvents: state.areaOnlyEvents.map((e: any) => e.properties.id) as string[]
		};
	});
}

async function expectSceneApplied(page: Page, i: number) {
	const scene = deck.scenes[i]!;
	const s = await shown(page);
	expect(new Set(s.groups)).toEqual(new Set(scene.groups));
	for (const g of s.drawnGroups) expect(scene.groups).toContain(g);
	expect(s.timeWindow).toEqual(
		scene.time ? { from: firstDay(scene.time.from), to: lastDay(scene.time.to) } : null
	);
	// The map draws exactly the events of the scene's groups within its window that have a point;
	// those known only to a whole area are listed apart, never drawn. Highlights are among them.
	const tw = s.timeWindow;
	const inScene = events
		.filter((e) => scene.groups.includes(e.properties.group))
		.filter((e) => !tw || (e.properties.dateFirst <= tw.to && e.properties.dateLast >= tw.from));
	expect(new Set(s.drawnEvents)).toEqual(
		new Set(inScene.filter((e) => !isAreaOnly(e)).map((e) => e.properties.id))
	);
	expect(new Set(s.areaOnlyEvents)).toEqual(new Set(inScene.filter(isAreaOnly).map((e) => e.properties.id)));
	for (const id of scene.highlight.events) expect([...s.drawnEvents, ...s.areaOnlyEvents]).toContain(id);
	const [w, south, e, n] = s.bounds as [number, number, number, number];
	if (scene.camera) {
		const [lng, lat] = scene.camera.center;
		expect(lng).toBeGreaterThan(w);
		expect(lng).toBeLessThan(e);
		expect(lat).toBeGreaterThan(south);
		expect(lat).toBeLessThan(n);
		expect(s.zoom).toBeCloseTo(scene.camera.zoom, 0);
	}
	expect(await page.locator('#scene-title').textContent()).toBe(scene.title);
	expect(await page.locator('.scene-citations li').count()).toBe(scene.citations.length);
}

describe('presentation mode', () => {
	it('opens the deck, moves between scenes by keys and applies each scene', async () => {
		const overview = await open(`/briefing/${deck.id}`);
		expect(await overview.locator('ol li').count()).toBe(deck.scenes.length);
		await overview.getByRole('link', { name: 'Present', exact: true }).click();
		await waitForScene(overview, 0);
		const page = overview;
		expect(page.url()).toContain(sceneUrl(0));
		expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
			`Scene 1 of ${deck.scenes.length}`
		);
		await expectSceneApplied(page, 0);

		await page.keyboard.press('ArrowRight');
		await waitForScene(page, 1);
		expect(page.url()).toContain(sceneUrl(1));
		await expectSceneApplied(page, 1);

		await page.keyboard.press('Space');
		await waitForScene(page, 2);
		await expectSceneApplied(page, 2);

		await page.keyboard.press('ArrowLeft');
		await waitForScene(page, 1);
		expect(page.url()).toContain(sceneUrl(1));

		await page.keyboard.press('End');
		await waitForScene(page, deck.scenes.length - 1);
		await expectSceneApplied(page, deck.scenes.length - 1);

		// Speaker notes on a toggle.
		const last = deck.scenes[deck.scenes.length - 1]!;
		if (last.notes) {
			await page.keyboard.press('n');
			expect(await page.getByRole('complementary', { name: 'Speaker notes' }).textContent()).toContain(
				last.notes
			);
		}
		// Escape leaves for the deck's overview.
		await page.keyboard.press('Escape');
		await page.waitForURL(new RegExp(`/briefing/${deck.id}/?$`));
		await page.close();
	});

	it('opens any scene from its own URL', async () => {
		const i = Math.min(4, deck.scenes.length - 1);
		const page = await open(sceneUrl(i));
		await waitForScene(page, i);
		await expectSceneApplied(page, i);
		await page.close();
	});
});

describe('handout', () => {
	// Drawing twelve maps on software WebGL takes a while.
	it('contains every scene with its citations and a map image', { timeout: 240_000 }, async () => {
		const page = await open(`/briefing/${deck.id}/print`);
		const scenes = page.locator('.handout .scene');
		expect(await scenes.count()).toBe(deck.scenes.length);
		for (const [i, scene] of deck.scenes.entries()) {
			const article = scenes.nth(i);
			expect(await article.locator('h2').textContent()).toBe(scene.title);
			const quotes = await article.locator('.scene-citations q').allTextContents();
			expect(quotes).toEqual(scene.citations.map((c) => c.quote));
			expect(await article.locator('.scene-citations').textContent()).toMatch(/\d{4}/);
		}
		await page.waitForSelector('.handout[data-ready="true"]', { timeout: 220_000 });
		const images = await page
			.locator('.handout img')
			.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 22)));
		expect(images).toEqual(deck.scenes.map(() => 'data:image/png;base64,'));
		await page.close();
	});
});
