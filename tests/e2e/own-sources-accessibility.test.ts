/**
 * The pages of a user's own sources against WCAG 2.2 AA (axe, tests/support/axe.ts), at a
 * phone's size (390 × 844, touch) and a desktop's (1280 × 800), in each state a user meets: the
 * empty "Add a source" page, its metadata form with a text in, the reader of the saved source with
 * its gazetteer proposals, the toolbar beside a selected passage, the event form in its dialog,
 * and the list of sources with the user's own. No serious or critical violation, no target too
 * small, and no page that scrolls sideways.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession, type SessionOptions } from '../support/session';
import { seriousViolations } from '../support/axe';
import { pasteNews, saveSource, selectInParagraph, SENTENCE } from '../support/own-source-steps';

/** Axe's serious violations, and whether the page scrolls sideways (it must not, at any size). */
async function problems(page: Page): Promise<string[]> {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
	return [...(await seriousViolations(page)), ...(wide ? ['the page scrolls sideways'] : [])];
}

function scans(options: SessionOptions) {
	const session = browserSession(options);
	it('adding a source, reading it, citing a passage and the list of sources', async () => {
		const page = await session.open('/sources/new/', { map: false });
		await page.getByLabel('Paste the text').waitFor();
		expect(await problems(page), 'the empty page').toEqual([]);

		await pasteNews(page);
		await page.getByText('Places it names').waitFor();
		expect(await problems(page), 'the metadata form').toEqual([]);

		await saveSource(page);
		await page.locator('.proposals li', { hasText: 'Jalalabad' }).waitFor();
		expect(await problems(page), 'the reader with proposals').toEqual([]);

		await selectInParagraph(page, 'p3', SENTENCE);
		await page.getByRole('button', { name: 'Start an event from this' }).waitFor();
		expect(await problems(page), 'the toolbar').toEqual([]);

		await page.getByRole('button', { name: 'Start an event from this' }).click();
		await page.getByRole('dialog').waitFor();
		expect(await problems(page), 'the event form').toEqual([]);
		await page
			.getByRole('dialog')
			.getByRole('button', { name: /^Close/ })
			.click();
		await page.getByRole('button', { name: 'Resume the unsaved event' }).waitFor();
		await page.close();

		const list = await session.open('/sources/', { map: false });
		await list.locator('.own .list li').first().waitFor();
		expect(await problems(list), 'the list of sources').toEqual([]);
		await list.close();
	});
}

describe('own sources, WCAG 2.2 AA on a phone (390 × 844, touch)', () => {
	scans({ viewport: { width: 390, height: 844 }, context: { hasTouch: true, isMobile: true } });
});

describe('own sources, WCAG 2.2 AA on a desktop (1280 × 800)', () => {
	scans({ viewport: { width: 1280, height: 800 } });
});
