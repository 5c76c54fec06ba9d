/**
 * The source reader in the built site, in real headless Chromium: the list of sources, a source's
 * full text with its debris labelled and its place names linked to the map, and the map's links
 * into a source (`sources/<id>?p=p12&q=<quote>`), good and garbage.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { loadGeodata } from '$lib/server/data/load';
import { foldSpace } from '$lib/corpus/paragraphs';

const session = browserSession();
let page: Page;

const geodata = loadGeodata();

beforeAll(async () => {
	page = await session.open('/sources', { map: false });
});

/** Opens a page of the site and waits until it is hydrated (the reader marks its main element ready). */
async function open(path: string): Promise<void> {
	await page.goto(session.origin + path);
	await page.waitForSelector('main[data-status="ready"]');
}

describe('source reader', () => {
	it('lists the five sources with their metadata', async () => {
		await open('/sources');
		expect(await page.title()).toBe('Sources — Frontier Atlas');
		expect(await page.locator('h1').textContent()).toBe('Sources');
		expect(await page.locator('main').count()).toBe(1);
		expect(await page.locator('header a', { hasText: '← Map' }).count()).toBe(1);
		const titles = await page.locator('main .sources h2').allTextContents();
		expect(titles).toHaveLength(5);
		expect(new Set(titles)).toEqual(new Set(geodata.sources.map((s) => s.meta.title)));
		const tft = page.locator('article', { hasText: 'The Friday Times' });
		expect(await tft.textContent()).toContain('4 December 2023');
		expect(await tft.textContent()).toContain(
			`${geodata.sources.find((s) => s.meta.id === 'tft-2023-12')!.paragraphs.length} paragraphs`
		);
		const url = tft.locator('a[rel="noreferrer"]');
		expect(await url.getAttribute('href')).toMatch(/^https:\/\/thefridaytimes\.com\//);
		// The title opens the source's text.
		await tft.locator('h2 a').click();
		await page.waitForURL(/\/sources\/tft-2023-12\/?$/);
	});

	it('shows a source paragraph by paragraph, verbatim, with its debris labelled', async () => {
		await open('/sources/tft-2023-12');
		const source = geodata.sources.find((s) => s.meta.id === 'tft-2023-12')!;
		expect(await page.title()).toContain(source.meta.title);
		expect(await page.locator('h1').textContent()).toBe(source.meta.title);
		expect(await page.locator('.paragraph').count()).toBe(source.paragraphs.length);
		// Every paragraph's text is the source's, character for character.
		const texts = await page.locator('.paragraph .text').allTextContents();
		expect(texts).toEqual(source.paragraphs.map((p) => p.text));
		expect(await page.locator('#p12 .number').textContent()).toBe('12');

		const duplicate = page.locator('#p8');
		expect(await duplicate.getAttribute('data-debris')).toBe('duplicate');
		expect(await duplicate.locator('.label .kind').textContent()).toBe('Duplicate of ¶5');
		expect(await duplicate.locator('.label a').getAttribute('href')).toBe('#p5');

		// The switch is a checkbox: keyboard operable, and it hides only the debris.
		const toggle = page.getByLabel(/Hide layout debris/);
		await toggle.focus();
		await page.keyboard.press('Space');
		expect(await toggle.isChecked()).toBe(true);
		expect(await duplicate.isVisible()).toBe(false);
		expect(await page.locator('#p5').isVisible()).toBe(true);
		await page.keyboard.press('Space');
		expect(await duplicate.isVisible()).toBe(true);
	});

	it('labels pull quotes, captions and social-media screenshots', async () => {
		await open('/sources/fnf-2024-04');
		expect(await page.locator('#p212 .label .kind').textContent()).toBe('Pull quote — repeats ¶207');
		expect(await page.locator('#p212 .label a').getAttribute('href')).toBe('#p207');
		expect(await page.locator('#p104 .label .kind').textContent()).toBe('Caption');
		expect(await page.locator('#p119 .label .kind').textContent()).toBe('Social-media screenshot');
		expect(await page.locator('#p1 .label .kind').textContent()).toBe('Front matter');
		expect(await page.locator('#p299 .label .kind').textContent()).toBe('Page artefact');
		// Body text cut by a page break is text, not debris.
		expect(await page.locator('#p149 .label .kind').textContent()).toBe('Continues ¶148 across a page break');
	});

	it('links place names to the map with the place selected', async () => {
		const link = page.locator('#p243 a.place', { hasText: 'Mir Ali' });
		expect(await link.getAttribute('title')).toBe('Show Mir Ali (town) on the map');
		const href = new URL((await link.getAttribute('href'))!, page.url());
		expect(href.origin).toBe(session.origin);
		expect(href.pathname).toBe('/');
		expect(href.searchParams.get('place')).toBe('mir-ali');
	});

	it('marks exactly the quote a link asks for, and scrolls to it', async () => {
		const quote =
			'On March 2024, Pakistan carried out airstrikes against suspected militants within Afghanistan, following an attack on Pakistani soldiers in Mir Ali, North Waziristan.';
		// Encoded as the map encodes it (URLSearchParams: spaces as '+').
		await open(`/sources/fnf-2024-04?${new URLSearchParams({ p: 'p243', q: quote })}`);
		const mark = page.locator('mark');
		await mark.waitFor();
		expect(await mark.count()).toBe(1);
		expect(foldSpace((await mark.textContent())!)).toBe(quote);
		expect(await page.locator('#p243 mark').count()).toBe(1);
		// Place names inside the quote stay links.
		expect(await mark.locator('a.place').count()).toBeGreaterThanOrEqual(4);
		await page.waitForFunction(() => document.activeElement?.id === 'p243');
		const box = (await mark.boundingBox())!;
		const viewport = page.viewportSize()!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
		expect(await page.locator('#content [role="status"]').textContent()).toBe('');
	});

	it('says politely what a garbage link asks for, without failing', async () => {
		await open('/sources/voa-2024-01?p=p99999&q=zzz');
		const status = page.locator('#content [role="status"]');
		await status.locator('p').waitFor();
		const notice = (await status.textContent())!;
		expect(notice).toContain('p99999');
		expect(notice).toContain('“zzz”');
		expect(await page.locator('mark').count()).toBe(0);
		expect(await page.locator('.paragraph').count()).toBe(
			geodata.sources.find((s) => s.meta.id === 'voa-2024-01')!.paragraphs.length
		);
		await status.getByRole('button', { name: 'Dismiss' }).click();
		expect(await status.textContent()).toBe('');
	});
});
