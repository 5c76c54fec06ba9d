/**
 * The atlas in a Chromium that cannot create a WebGL context (an old laptop, a locked-down office
 * machine, a VM): everything but the map canvas works, and the map area says why it is empty.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { browserSession } from '../support/session';
import { foldSpace } from '../../src/lib/corpus/paragraphs';
import type { EventsCollection } from '../../src/lib/schema/exported';

const session = browserSession({ webgl: false });
const events = (JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection).features;

async function openAtlas(path = '/'): Promise<Page> {
	const page = await session.open(path, { map: false });
	await page.waitForSelector('main[data-status="unavailable"][data-evidence="ready"]');
	return page;
}

describe('without WebGL', () => {
	it('explains the empty map area, and lists every event', async () => {
		const page = await openAtlas();
		const notice = page.getByTestId('map-unavailable');
		expect(await notice.textContent()).toMatch(/cannot draw the map, because WebGL is turned off/);
		expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(0);
		await expect.poll(() => page.locator('#events-list li').count()).toBe(events.length);
		expect(await page.locator('#events-list [role="status"]').textContent()).toContain(
			`${events.length} events of ${events.length} shown`
		);
		await page.close();
	});

	it('counts the groups in the layer panel and filters the list by them', async () => {
		const page = await openAtlas();
		const diplomacy = events.filter((e) => e.properties.group === 'diplomacy').length;
		const count = page.locator('label:has(input[data-group="diplomacy"]) .count');
		expect(await count.textContent()).toBe(String(diplomacy));
		await page.locator('input[data-group="diplomacy"]').uncheck();
		await expect.poll(() => page.locator('#events-list li').count()).toBe(events.length - diplomacy);
		await page.close();
	});

	it('finds "Sawabi" as Swabi, and a picked event shows its verbatim citations', async () => {
		const page = await openAtlas();
		await page.getByRole('combobox', { name: /Search/ }).fill('Sawabi');
		const option = page.getByRole('option').first();
		expect(await option.textContent()).toContain('Swabi');
		await option.click();
		const dialog = page.getByRole('dialog');
		expect(await dialog.locator('h2').first().textContent()).toContain('Swabi');

		// An event from the list: its details quote its sources word for word, and the link shares it.
		const row = page.locator('#events-list li').first();
		const id = await row.getAttribute('data-event');
		const event = events.find((e) => e.properties.id === id)!;
		await row.locator('button').click();
		expect(await dialog.locator('h2').first().textContent()).toBe(event.properties.title);
		await expect.poll(() => new URL(page.url()).searchParams.get('event')).toBe(id);
		const quotes = (await dialog.locator('blockquote').allTextContents()).map((q) => q.replace(/^“|”$/g, ''));
		expect(quotes.length).toBe(event.properties.citations.length);
		for (const [i, q] of quotes.entries()) {
			const source = foldSpace(
				readFileSync(`geodata/sources/${event.properties.citations[i]!.source}.txt`, 'utf8')
			);
			expect(source).toContain(foldSpace(q));
		}
		await page.close();
	});

	it('filters by the timeline and keeps a shared link', async () => {
		const page = await openAtlas('/?from=2024-03&to=2024-03');
		const inMarch = events.filter(
			(e) => e.properties.dateFirst <= '2024-03-31' && e.properties.dateLast >= '2024-03-01'
		);
		await expect.poll(() => page.locator('#events-list li').count()).toBe(inMarch.length);
		expect(await page.locator('section.timeline .window').textContent()).toContain('March 2024');
		await page.close();
	});

	it('still presents a briefing: its text and citations, without the map', async () => {
		const deck = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8'));
		const first = deck.scenes[0];
		const presenter = await session.open(`/briefing/border-story/${first.id}`, { map: false });
		await presenter.waitForSelector('.presenter[data-status="unavailable"]');
		expect(await presenter.locator('h1').textContent()).toBe(first.title);
		expect(await presenter.locator('.card').textContent()).toContain(first.text);
		expect(await presenter.getByTestId('map-unavailable').count()).toBe(1);
		await presenter.close();
	});
});
