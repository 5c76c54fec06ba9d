/**
 * A briefer's own decks, in real headless Chromium with its real IndexedDB (the file's browser
 * context is fresh, so the workspace starts empty): add two views of the dashboard to a new deck,
 * reorder the scenes by keyboard and by drag, edit a scene's words and find them after a reload,
 * delete a scene and undo, present the deck and print its handout, export it as a file the
 * project's own validator accepts, import a broken deck file (refused, naming the problem, and
 * nothing changed), and a deck whose citations do not check out is refused by the presenter.
 * The editor and the list pass axe's WCAG 2.2 AA rules. The dashboard never loads the workspace
 * code until the user opens the menu.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { readGeodata } from '../../src/lib/server/data/read';
import { validateGeodata } from '../../src/lib/server/data/validate';
import type { Deck } from '../../src/lib/schema/briefing';

const session = browserSession();

const AIRSTRIKES = 'pakistan-airstrikes-in-afghanistan-2024-03-18';
const FIRST_VIEW = `/?event=${AIRSTRIKES}&groups=strikes,attacks&from=2024-03&to=2024-03&hide=belt&passage=fnf-2024-04:p243`;
const SECOND_VIEW = '/?place=torkham&groups=crossings&from=2023-09&to=2023-12';
const DECK_TITLE = 'Airstrikes and the border';
const DECK_ID = 'airstrikes-and-the-border';
const SCENES = ['The March 2024 airstrikes', 'Torkham in autumn 2023'];
const NEW_TEXT = 'The FNF paper reports Pakistani airstrikes inside Afghanistan in March 2024.';

async function download(page: Page, action: () => Promise<void>): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download'), action()]);
	const path = await (file as Download).path();
	return { name: (file as Download).suggestedFilename(), text: readFileSync(path!, 'utf8') };
}

/** The problems the project's geodata validator finds with this deck file added to geodata/. */
function validatorProblems(name: string, text: string): string[] {
	const files = readGeodata();
	files.set(`briefings/${name}`, text);
	return validateGeodata(files).problems.map(
		(p) => `${p.file} › ${p.id ?? ''} › ${p.field ?? ''}: ${p.message}`
	);
}

/** axe with the WCAG 2.0/2.1/2.2 A and AA rules; every violation (the map canvas excluded). */
async function wcagViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
		.exclude('canvas')
		.analyze();
	return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const editorPath = `/briefing/edit/?deck=${DECK_ID}`;
const sceneTitles = (page: Page) => page.locator('.scene-list .title').allTextContents();
const saved = (page: Page) =>
	page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === 'Saved');

async function openEditor(): Promise<Page> {
	const page = await session.open(editorPath, { map: false });
	await page.waitForSelector('.editor[data-state="saved"]', { timeout: 30_000 });
	await page.waitForSelector('main[data-status="ready"]', { timeout: 45_000 });
	return page;
}

/** Adds the dashboard at `path` to a briefing (`newTitle`: as the first scene of a new one). */
async function addView(path: string, title: string, newTitle?: string): Promise<Page> {
	const page = await session.open(path);
	await page.getByText('Add to briefing', { exact: true }).click();
	const menu = page.locator('details.header-menu[open]');
	await menu.getByLabel('Scene title').fill(title);
	if (newTitle) {
		await menu.getByLabel('Add to').selectOption({ label: 'A new briefing' });
		await menu.getByLabel('Title of the new briefing').fill(newTitle);
	} else {
		// The menu offers the workspace's decks once it has read them; the latest comes first.
		await expect.poll(() => menu.getByLabel('Add to').inputValue()).toBe(DECK_ID);
	}
	expect(await menu.locator('.citation-picker input:checked').count()).toBeGreaterThan(0);
	await menu.getByRole('button', { name: 'Add this view' }).click();
	await menu
		.getByRole('status')
		.getByText(/^Added “/)
		.waitFor();
	return page;
}

describe('making a deck from the dashboard', () => {
	it('loads the workspace code only once the map has been drawn, so the first load does not wait for it', async () => {
		const scripts: { at: number; workspace: boolean }[] = [];
		const page = await session.context.newPage();
		page.on('response', async (r) => {
			if (!r.url().endsWith('.js')) return;
			const text = await r.text().catch(() => '');
			scripts.push({ at: Date.now(), workspace: text.includes('frontier-atlas-workspace') });
		});
		await page.goto(session.origin + '/');
		await page.waitForSelector('main[data-status="ready"]', { timeout: 45_000 });
		// The user's own records and datasets are read from the workspace after that.
		await expect.poll(() => scripts.some((s) => s.workspace)).toBe(true);
		const drawnAt = await page.evaluate(
			() => performance.timeOrigin + performance.getEntriesByName('atlas:map-idle')[0]!.startTime
		);
		expect(scripts.filter((s) => !s.workspace && s.at < drawnAt).length).toBeGreaterThan(3);
		expect(scripts.filter((s) => s.workspace && s.at < drawnAt)).toEqual([]);
		await page.close();
	});

	it('adds two views to a new deck, with the selection’s passages as citations', async () => {
		const first = await addView(FIRST_VIEW, SCENES[0]!, DECK_TITLE);
		expect(
			await first
				.getByRole('status')
				.getByText(/scene 1 of 1/)
				.count()
		).toBe(1);
		await first.close();
		const second = await addView(SECOND_VIEW, SCENES[1]!);
		expect(
			await second
				.getByRole('status')
				.getByText(/scene 2 of 2/)
				.count()
		).toBe(1);
		await second.getByRole('link', { name: 'Edit the briefing' }).click();
		await second.waitForSelector('.editor[data-state="saved"]');
		expect(await sceneTitles(second)).toEqual(SCENES);
		await second.close();
	});

	it('lists the deck with the shipped one, each marked by where it lives', async () => {
		const page = await session.open('/briefing/', { map: false });
		const own = page.locator(`li[data-deck="${DECK_ID}"]`);
		await own.waitFor();
		expect(await own.getByText('In this browser').count()).toBe(1);
		expect(await own.textContent()).toMatch(/2 scenes · last changed .*\d{4}.* · made in this browser/);
		expect(await page.locator('li[data-where="shipped"]').getByText('Shipped with the atlas').count()).toBe(
			1
		);
		expect(await page.getByTestId('storage-status').textContent()).toMatch(/used\.$/);
		expect(await wcagViolations(page)).toEqual([]);
		await page.close();
	});
});

describe('the deck editor', () => {
	it('reorders scenes by keyboard and by drag, announcing the move', async () => {
		const page = await openEditor();
		await page.locator('.scene-list [data-part="select"]').first().focus();
		await page.keyboard.press('Alt+ArrowDown');
		expect(await sceneTitles(page)).toEqual([SCENES[1], SCENES[0]]);
		expect(await page.getByTestId('announcement').textContent()).toBe(
			`Moved “${SCENES[0]}” to position 2 of 2.`
		);
		// Focus stays with the scene that moved.
		expect(await page.evaluate(() => document.activeElement?.closest('li')?.dataset.sceneId)).toBe(
			'the-march-2024-airstrikes'
		);
		await saved(page);

		// Drag the second scene's handle above the first.
		const handle = page.locator('.scene-list li').nth(1).locator('.handle');
		const firstRow = await page.locator('.scene-list li').first().boundingBox();
		const box = await handle.boundingBox();
		await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
		await page.mouse.down();
		for (let step = 1; step <= 5; step++)
			await page.mouse.move(box!.x + box!.width / 2, box!.y - ((box!.y - firstRow!.y) * step) / 5);
		await page.mouse.up();
		expect(await sceneTitles(page)).toEqual(SCENES);
		expect(await page.getByTestId('announcement').textContent()).toBe(
			`Moved “${SCENES[0]}” to position 1 of 2.`
		);
		await saved(page);
		await page.close();
	});

	it('saves an edit of a scene’s text as it is typed, and keeps it after a reload', async () => {
		const page = await openEditor();
		await page.getByLabel('Text, in your own words').fill(NEW_TEXT);
		await saved(page);
		await page.reload();
		await page.waitForSelector('.editor[data-state="saved"]');
		expect(await page.getByLabel('Text, in your own words').inputValue()).toBe(NEW_TEXT);
		expect(await sceneTitles(page)).toEqual(SCENES);
		await page.close();
	});

	it('deletes a scene and brings it back with Undo', async () => {
		const page = await openEditor();
		await page.getByRole('button', { name: `Delete “${SCENES[1]}”` }).click();
		expect(await sceneTitles(page)).toEqual([SCENES[0]]);
		expect(await page.getByTestId('announcement').textContent()).toBe(`Deleted scene 2, “${SCENES[1]}”.`);
		await saved(page);
		await page.getByRole('button', { name: 'Undo' }).click();
		expect(await sceneTitles(page)).toEqual(SCENES);
		expect(await page.getByTestId('announcement').textContent()).toBe(`Restored scene 2, “${SCENES[1]}”.`);
		await saved(page);
		expect(await page.locator('.ok').textContent()).toContain('ready to present');
		expect(await wcagViolations(page)).toEqual([]);
		await page.close();
	});

	it('keeps in step with a change made in another tab', async () => {
		const here = await openEditor();
		const there = await openEditor();
		await there.getByText('Deck: title, subtitle, summary').click();
		await there.getByLabel('Subtitle (optional)').fill('Seen from two tabs');
		await saved(there);
		await here.getByText('Deck: title, subtitle, summary').click();
		await expect.poll(() => here.getByLabel('Subtitle (optional)').inputValue()).toBe('Seen from two tabs');
		expect(await here.getByTestId('save-state').textContent()).toBe('Saved');
		await there.getByLabel('Subtitle (optional)').fill('');
		await saved(there);
		await expect.poll(() => here.getByLabel('Subtitle (optional)').inputValue()).toBe('');
		await here.close();
		await there.close();
	});

	it('exports the deck as a file the project’s deck validator accepts as it is', async () => {
		const page = await openEditor();
		const file = await download(page, () => page.getByRole('button', { name: 'Download deck file' }).click());
		expect(file.name).toBe(`${DECK_ID}.json`);
		const deck = JSON.parse(file.text) as Deck;
		expect(deck.scenes.map((s) => s.title)).toEqual(SCENES);
		expect(deck.scenes[0]).toMatchObject({
			text: NEW_TEXT,
			groups: ['attacks', 'strikes'],
			hidden: ['belt'],
			time: { from: '2024-03', to: '2024-03' },
			highlight: { events: [AIRSTRIKES], places: [] },
			passage: { source: 'fnf-2024-04', paragraph: 'p243' }
		});
		expect(deck.scenes[1]!.highlight.places).toEqual(['torkham']);
		expect(validatorProblems(file.name, file.text)).toEqual([]);
		await page.close();
	});
});

describe('presenting and printing an own deck', () => {
	it('presents it by keys, each scene at its own address with its title', async () => {
		const page = await session.open(`/briefing/mine/?deck=${DECK_ID}`, { map: false });
		await page.waitForSelector('.presenter[data-scene="the-march-2024-airstrikes"]', { timeout: 45_000 });
		expect(await page.locator('#scene-title').textContent()).toBe(SCENES[0]);
		// Both citations from the open paragraph (p243) are marked; the one from p128 is not.
		expect(await page.locator('.scene-citations li.open').count()).toBe(2);
		expect(await page.locator('.scene-citations li:not(.open)').count()).toBe(1);
		const state = await page.evaluate(() => {
			const { state } = (window as any).atlas;
			return { hidden: [...state.hiddenOverlays], passage: state.passage };
		});
		expect(state).toEqual({ hidden: ['belt'], passage: { source: 'fnf-2024-04', paragraph: 'p243' } });

		await page.keyboard.press('ArrowRight');
		await page.waitForSelector('.presenter[data-scene="torkham-in-autumn-2023"]', { timeout: 45_000 });
		expect(page.url()).toContain(`/briefing/mine/?deck=${DECK_ID}&scene=torkham-in-autumn-2023`);
		expect(await page.locator('#scene-title').textContent()).toBe(SCENES[1]);
		await page.keyboard.press('ArrowLeft');
		await page.waitForURL(/scene=the-march-2024-airstrikes/);
		expect(await page.locator('#scene-title').textContent()).toBe(SCENES[0]);
		await page.waitForSelector('.presenter[data-scene="the-march-2024-airstrikes"]', { timeout: 45_000 });
		await page.keyboard.press('Escape');
		await page.waitForURL(`**/briefing/edit/?deck=${DECK_ID}`);
		await page.close();
	});

	it('prints its handout: both scenes, each with its map image', { timeout: 120_000 }, async () => {
		const page = await session.open(`/briefing/mine/print/?deck=${DECK_ID}`, { map: false });
		await page.waitForSelector('.handout[data-ready="true"]', { timeout: 100_000 });
		expect(await page.locator('.handout .scene h2').allTextContents()).toEqual(SCENES);
		const images = await page
			.locator('.handout img')
			.evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).src.slice(0, 22)));
		expect(images).toEqual(['data:image/png;base64,', 'data:image/png;base64,']);
		await page.close();
	});
});

describe('the shipped decks', () => {
	it('can be duplicated into the workspace to adapt', async () => {
		const shipped = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as Deck;
		const page = await session.open('/briefing/border-story/', { map: false });
		await page.getByRole('button', { name: /^Duplicate into my workspace/ }).click();
		await page.waitForURL('**/briefing/edit/?deck=border-story-copy');
		await page.waitForSelector('.editor[data-state="saved"]');
		expect(await sceneTitles(page)).toEqual(shipped.scenes.map((s) => s.title));
		await page.getByText('Deck: title, subtitle, summary').click();
		expect(await page.locator('.deck-fields').textContent()).toContain(
			'copied from the shipped deck border-story'
		);
		await page.close();
	});
});

describe('files in', () => {
	const listed = async (page: Page) =>
		page
			.locator('li[data-where="workspace"]')
			.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.deck));

	it.each<[string, (deck: Deck) => string, RegExp]>([
		['bad JSON', () => '{ "schemaVersion": 1, "id": ', /not valid JSON.*\(the file ends early/],
		[
			'a quote that is not verbatim',
			(d) => {
				d.scenes[0]!.citations[0]!.quote = 'Words the source never printed.';
				return JSON.stringify(d);
			},
			/record "[a-z-]+#the-march-2024-airstrikes" › field scenes\[0\]\.citations\[0\]: quote is not verbatim/
		],
		[
			'another schema version',
			(d) => JSON.stringify({ ...d, schemaVersion: 2 }),
			/field schemaVersion: Invalid input: expected 1/
		]
	])('refuses a deck file with %s, naming the problem, and changes nothing', async (_, broken, expected) => {
		const exported = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as Deck;
		const page = await session.open('/briefing/', { map: false });
		await page.locator(`li[data-deck="${DECK_ID}"]`).waitFor();
		const before = await listed(page);
		const mine = structuredClone(exported);
		mine.scenes[0]!.id = 'the-march-2024-airstrikes';
		await page.getByLabel('Import a deck file…').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from(broken(mine))
		});
		const alert = page.getByRole('alert').filter({ hasText: 'broken.json' });
		await alert.waitFor();
		expect(await alert.textContent()).toMatch(expected);
		expect(await alert.textContent()).toContain('Nothing was changed.');
		expect(await listed(page)).toEqual(before);
		await page.reload();
		await page.locator(`li[data-deck="${DECK_ID}"]`).waitFor();
		expect(await listed(page)).toEqual(before);
		await page.close();
	});

	it('refuses to present a deck whose citations do not check out, naming the scene and citation', async () => {
		// A workspace file is checked against the schema only: its quotes are checked when presented.
		const deck = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as Deck;
		deck.id = 'tampered';
		deck.scenes[1]!.citations[0]!.quote = 'A quote no source has.';
		const file = {
			format: 'frontier-atlas-workspace',
			schemaVersion: 1,
			appVersion: '0.1.0',
			exported: '2024-05-01T12:00:00.000Z',
			records: [
				{
					kind: 'deck',
					id: 'tampered',
					rev: '1-0123456789abcdef',
					changed: '2024-05-01T12:00:00.000Z',
					origin: { how: 'made-here' },
					deleted: false,
					data: deck
				}
			]
		};
		const list = await session.open('/briefing/', { map: false });
		// The list is hydrated and reads the workspace once a deck of the workspace is listed.
		await list.locator(`li[data-deck="${DECK_ID}"]`).waitFor();
		await list.getByLabel('Import a workspace file…').setInputFiles({
			name: 'colleague.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(file))
		});
		await list.getByText(/colleague\.json: Imported 1 record/).waitFor();
		await list.locator('li[data-deck="tampered"]').waitFor();
		await list.close();

		const page = await session.open('/briefing/mine/?deck=tampered', { map: false });
		const alert = page.getByRole('alert');
		await alert.getByText('cannot be presented as it is').waitFor({ timeout: 45_000 });
		expect(await alert.textContent()).toContain(
			`Scene 2 “${deck.scenes[1]!.title}”, citation 1: quote is not verbatim`
		);
		expect(await page.locator('.presenter').count()).toBe(0);
		await page.close();
	});
});
