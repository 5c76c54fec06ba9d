/**
 * The timeline in real headless Chromium: narrowing the window removes events outside it from
 * the map and the list, the window goes into the URL, and playback advances it.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import type { EventsCollection } from '../../src/lib/schema/exported';

const events = (JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection).features;
const session = browserSession();
const open = (path: string) => session.open(path);

/**
 * Ids of the events the map shows (those in its source, drawn as points, and those known only to a
 * whole area, which its note lists) and of those in the list.
 */
function shownEvents(page: Page) {
	return page.evaluate(() => {
		const { map, state } = (window as any).atlas;
		const data = map.getSource('events').serialize().data;
		const drawn = data.features.map((f: any) => f.properties.event);
		const areaOnly = state.areaOnlyEvents.map((e: any) => e.properties.id);
		return {
			map: [...new Set([...drawn, ...areaOnly])].sort() as string[],
			list: [...document.querySelectorAll('#events-list li')]
				.map((li) => li.getAttribute('data-event')!)
				.sort()
		};
	});
}

const inWindow = (from: string, to: string) =>
	events
		.filter((e) => e.properties.dateFirst <= to && e.properties.dateLast >= from)
		.map((e) => e.properties.id)
		.sort();

describe('timeline', () => {
	it('narrowing the window removes events outside it from the map and the list', async () => {
		const page = await open('/?map=4.2/31/68');
		const before = await shownEvents(page);
		expect(before.map).toHaveLength(events.length);

		// Drag across March and April 2024 on the histogram.
		const march = page.locator('[data-testid="timeline-bar"][data-month="2024-03"]');
		const april = page.locator('[data-testid="timeline-bar"][data-month="2024-04"]');
		const a = (await march.boundingBox())!;
		const b = (await april.boundingBox())!;
		await page.mouse.move(a.x + a.width / 2, a.y + a.height - 2);
		await page.mouse.down();
		await page.mouse.move(b.x + b.width / 2, b.y + b.height - 2, { steps: 4 });
		await page.mouse.up();

		const expected = inWindow('2024-03-01', '2024-04-30');
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(events.length);
		await expect.poll(async () => (await shownEvents(page)).map).toEqual(expected);
		expect((await shownEvents(page)).list.every((id) => expected.includes(id))).toBe(true);
		expect(await page.locator('section.timeline').textContent()).toMatch(/March\s*–\s*April 2024/);
		await expect.poll(() => page.url()).toMatch(/from=2024-03&to=2024-04/);

		// All time brings everything back.
		await page.getByTestId('timeline-reset').click();
		await expect.poll(async () => (await shownEvents(page)).map.length).toBe(events.length);
		await page.close();
	});

	it('a month-only event overlaps a window that reaches into its month', async () => {
		const page = await open('/?from=2024-03-18&to=2024-03-18');
		const shown = (await shownEvents(page)).map;
		expect(shown).toEqual(inWindow('2024-03-18', '2024-03-18'));
		const monthOnly = events.find(
			(e) => e.properties.date.precision === 'month' && e.properties.dateFirst === '2024-03-01'
		);
		if (monthOnly) expect(shown).toContain(monthOnly.properties.id);
		await page.close();
	});

	it('playback advances the window', async () => {
		const page = await open('/');
		const windowText = () => page.evaluate(() => JSON.stringify((window as any).atlas.state.timeWindow));
		await page.getByLabel(/speed/i).selectOption({ label: '4×' });
		await page.getByTestId('timeline-play').click();
		await expect.poll(windowText).not.toBe('null');
		const first = await windowText();
		await expect.poll(windowText, { timeout: 10_000 }).not.toBe(first);
		const second = JSON.parse(await windowText()) as { from: string; to: string };
		expect(second.to > (JSON.parse(first) as { to: string }).to).toBe(true);
		await page.keyboard.press('Escape');
		expect(await page.getByTestId('timeline-play').getAttribute('aria-pressed')).toBe('false');
		await page.close();
	});
});
