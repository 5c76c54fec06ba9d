/**
 * An axe scan of every kind of page against WCAG 2.2 AA (tests/support/axe.ts), in real headless
 * Chromium, at a phone's size (390 × 844, touch) and a desktop's (1280 × 800): the atlas, with its
 * details open (and on the phone with each panel of its bottom sheet open), the list of sources, a
 * source with a passage marked, the list of briefings, a deck, a scene in presentation mode and
 * the handout, and the dataset import (mapping a file's columns, and its summary). No serious or
 * critical violation, and no target too small, at either size.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSession, type SessionOptions } from '../support/session';
import { seriousViolations } from '../support/axe';
import { acledCsv } from '../support/acled-csv';

const deck = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as {
	id: string;
	scenes: { id: string }[];
};

interface PageKind {
	name: string;
	path: string;
	/** What shows that the page is ready to be scanned. */
	ready: string;
	/** What to do before the scan (open a panel). */
	then?: (page: Page) => Promise<void>;
}

const details = (page: Page) => page.getByRole('dialog').waitFor({ timeout: 45_000 });

const PAGES: PageKind[] = [
	{
		name: 'the atlas with a time window',
		path: '/?from=2023-01&to=2023-12',
		ready: 'main[data-status="ready"]'
	},
	{
		name: 'the atlas with the details open',
		path: '/?place=torkham',
		ready: 'main[data-status="ready"]',
		then: details
	},
	{ name: 'the list of sources', path: '/sources', ready: 'main' },
	{
		name: 'a source in the reader, with a passage marked',
		path: '/sources/voa-2024-01?p=p5',
		ready: 'main[data-status="ready"]'
	},
	{ name: 'the list of briefings', path: '/briefing', ready: 'main' },
	{ name: 'a deck', path: `/briefing/${deck.id}`, ready: 'main' },
	{
		name: 'a scene in presentation mode',
		path: `/briefing/${deck.id}/${deck.scenes[1]!.id}`,
		ready: '.presenter[data-scene]'
	},
	{ name: 'the handout', path: `/briefing/${deck.id}/print`, ready: '.handout' }
];

/** The dataset import dialog, from the title bar's Datasets menu (in the compact menu on a phone). */
async function importDialog(page: Page) {
	const datasets = page.locator('details.header-menu', {
		has: page.locator('summary', { hasText: 'Datasets' })
	});
	if (!(await datasets.isVisible())) await page.getByRole('button', { name: 'Menu' }).click();
	await datasets.locator('summary').click();
	await datasets.getByRole('button', { name: 'Import a file…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import a dataset' });
	await dialog.locator('input[type="file"]').setInputFiles({
		name: 'scan.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(acledCsv([{ event_id_cnty: 'A1' }, { event_id_cnty: 'A2', latitude: '33,5' }]))
	});
	await dialog.getByRole('button', { name: 'Import scan.csv' }).waitFor();
	return dialog;
}

const IMPORT: PageKind[] = [
	{
		name: 'the dataset import, mapping a file’s columns',
		path: '/',
		ready: 'main[data-status="ready"]',
		then: async (page) => void (await importDialog(page))
	},
	{
		name: 'the dataset import’s summary, with a rejected row',
		path: '/',
		ready: 'main[data-status="ready"]',
		then: async (page) => {
			const dialog = await importDialog(page);
			await dialog.getByRole('button', { name: 'Import scan.csv' }).click();
			await dialog.locator('section.summary > h3').waitFor();
		}
	}
];

/** On a phone the atlas's panels are in its bottom sheet: each is scanned open. */
const SHEETS: PageKind[] = ['Layers', 'Events', 'Timeline'].map((panel) => ({
	name: `the atlas with its ${panel} sheet open`,
	path: '/',
	ready: 'main[data-status="ready"]',
	then: async (page) => {
		await page.getByRole('button', { name: panel, exact: true }).click();
		await page.locator('.sheet.open').waitFor();
	}
}));

function scans(options: SessionOptions, kinds: PageKind[]) {
	const session = browserSession(options);
	it.each(kinds.map((k) => [k.name, k] as const))('%s', async (_, kind) => {
		const page = await session.open(kind.path, { map: false });
		await page.waitForSelector(kind.ready, { timeout: 45_000 });
		await kind.then?.(page);
		expect(await seriousViolations(page)).toEqual([]);
		await page.close();
	});
}

describe('WCAG 2.2 AA on a phone (390 × 844, touch)', () => {
	scans({ viewport: { width: 390, height: 844 }, context: { hasTouch: true, isMobile: true } }, [
		...PAGES,
		...SHEETS,
		...IMPORT
	]);
});

describe('WCAG 2.2 AA on a desktop (1280 × 800)', () => {
	scans({ viewport: { width: 1280, height: 800 } }, [...PAGES, ...IMPORT]);
});
