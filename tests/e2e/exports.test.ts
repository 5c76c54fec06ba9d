/**
 * What leaves the app as files, in real headless Chromium: the data downloads and the map as a
 * PNG with its legend. (Decks made from the dashboard are tested in own-briefings.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { browserSession } from '../support/session';

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
});
