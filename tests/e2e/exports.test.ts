/**
 * What leaves the app as files, in real headless Chromium: the data downloads, the map as a PNG
 * with its legend, and "present from here" capturing the dashboard as a valid briefing scene.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { Deck } from '../../src/lib/schema/briefing';

const session = browserSession();

async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
	const [file] = await Promise.all([page.waitForEvent('download'), action()]);
	const path = await (file as Download).path();
	return { name: (file as Download).suggestedFilename(), bytes: readFileSync(path!) };
}

describe('downloads', () => {
	it('offers the events with their citations as CSV, guarded against formulas', async () => {
		const page = await session.open('/');
		await page.getByText('Download data').click();
		const file = await download(page, () =>
			page.getByRole('link', { name: 'Events with citations (CSV)' }).click()
		);
		const text = file.bytes.toString('utf8');
		expect(file.name).toBe('events.csv');
		expect(text.split('\r\n')[0]).toMatch(/^\ufeffevent_id,title,date_text/);
		// No cell may start a formula: every line's cells after a separator never begin with = + - @.
		expect(text).not.toMatch(/(^|,)"?[=+@]/m);
		const inView = await download(page, () => page.getByRole('button', { name: /Events in view/ }).click());
		expect(inView.name).toBe('frontier-atlas-events-in-view.csv');
		expect(inView.bytes.toString('utf8').split('\r\n').length).toBeGreaterThan(10);
		await page.close();
	});

	it('saves the map as a PNG with a title and legend strip', async () => {
		const page = await session.open('/');
		const file = await download(page, () => page.getByRole('button', { name: 'Save map as PNG' }).click());
		expect(file.name).toBe('frontier-atlas-map.png');
		expect(file.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
		// Taller than the map alone: the title bar and the legend are burned in.
		const mapHeight = await page.evaluate(() => (window as any).atlas.map.getCanvas().height);
		expect(file.bytes.readUInt32BE(20)).toBeGreaterThan(mapHeight);
		await page.close();
	});

	it('captures the dashboard as a new scene of a deck, valid as it is', async () => {
		const page = await session.open('/?place=torkham&groups=crossings,strikes&from=2023-09&to=2023-12');
		await page.getByText('Present from here').click();
		await page.getByLabel('Scene title').fill('Torkham in autumn 2023');
		const file = await download(page, () => page.getByRole('button', { name: /Download the deck/ }).click());
		const deck = Deck.parse(JSON.parse(file.bytes.toString('utf8')));
		const scene = deck.scenes[deck.scenes.length - 1]!;
		expect(scene).toMatchObject({
			id: 'torkham-in-autumn-2023',
			title: 'Torkham in autumn 2023',
			groups: ['strikes', 'crossings'],
			time: { from: '2023-09', to: '2023-12' },
			highlight: { events: [], places: ['torkham'] }
		});
		expect(scene.citations.length).toBeGreaterThan(0);
		expect(await page.getByRole('status').filter({ hasText: 'added as scene' }).count()).toBe(1);
		await page.close();
	});
});
