/**
 * A user's own source, in real headless Chromium with its real IndexedDB (the file's browser
 * context is fresh, so the workspace starts empty). Bad input first, each refused with its
 * message and nothing saved: an empty paste, a binary file named .txt, a 30 MB text, a PDF with
 * no text layer, a garbage date. A PDF the test writes has its text extracted. Then the whole
 * way: a news text pasted as a new source, its atlas place (Torkham) linked and a gazetteer place
 * (Jalalabad) proposed and accepted; a sentence selected and made an event with a month-only date
 * and a place, another added to the same event through "Add to an existing event…" and a third
 * as a customs official's stance through "Add as a stance…"; the
 * event listed on the map, marked as added here, its details quoting the
 * sentence, still there after a reload, and its "Read in source" opening the user's source at
 * the quote. The same text pasted again, or a bundled one, is
 * recognised; an address naming no source says so; "Export my evidence" gives files the
 * project's validator accepts, and a broken bundle is refused whole.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { buildPdf, DRAWING_PAGE, textPage } from '../support/minimal-pdf';
import {
	alert,
	describeEvent,
	EVENT_TITLE,
	field,
	NEWS,
	openFile,
	pasteNews,
	REOPENED,
	savedSources,
	saveSource,
	selectInParagraph,
	SENTENCE,
	SOURCE_ID,
	TITLE
} from '../support/own-source-steps';
import { readGeodata } from '../../src/lib/server/data/read';
import { validateGeodata } from '../../src/lib/server/data/validate';

const session = browserSession();

/** The customs official's sentence, after SENTENCE in the same paragraph. */
const BACKLOG = 'A customs official said the backlog would take several days to clear.';

async function openNewSource(): Promise<Page> {
	const page = await session.open('/sources/new/', { map: false });
	await page.getByLabel('Paste the text').waitFor();
	return page;
}

describe('the dashboard does not pay for authoring', () => {
	it('loads no authoring code, no PDF.js and none of the authoring data on the atlas', async () => {
		const scripts: string[] = [];
		const data: string[] = [];
		const page = await session.context.newPage();
		page.on('response', async (r) => {
			const url = r.url();
			if (url.includes('/data/')) data.push(new URL(url).pathname);
			if (!url.endsWith('.js') && !url.endsWith('.mjs')) return;
			const text = await r.text().catch(() => '');
			// Words of the source form and of PDF.js, which only the authoring pages need.
			if (/Use the pasted text|GlobalWorkerOptions|Start an event from this/.test(text)) scripts.push(url);
		});
		await page.goto(session.origin + '/');
		await page.waitForSelector('main[data-status="ready"]', { timeout: 45_000 });
		await page.waitForLoadState('networkidle');
		expect(data.length).toBeGreaterThan(0);
		expect(data.filter((path) => /atlas-records|gazetteer/.test(path))).toEqual([]);
		expect(scripts).toEqual([]);
		await page.close();

		// The same words do arrive on the page that adds a source, so the check above can fail.
		const found: string[] = [];
		const adding = await session.context.newPage();
		adding.on('response', async (r) => {
			if (!r.url().endsWith('.js')) return;
			if ((await r.text().catch(() => '')).includes('Use the pasted text')) found.push(r.url());
		});
		await adding.goto(session.origin + '/sources/new/');
		await adding.getByLabel('Paste the text').waitFor();
		expect(found.length).toBeGreaterThan(0);
		await adding.close();
	});
});

describe('adding a source: bad input is refused, and nothing is saved', () => {
	it('refuses an empty paste, a binary .txt, a 30 MB text and a PDF with no text layer', async () => {
		const page = await openNewSource();

		await page.getByRole('button', { name: 'Use the pasted text' }).click();
		await alert(page)
			.getByText('The text is empty: paste the text of the source, or open its file.')
			.waitFor();

		const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
		await openFile(page, 'notes.txt', binary);
		await alert(page)
			.getByText(/notes\.txt is not a text file: it holds binary data/)
			.waitFor();

		await openFile(page, 'huge.txt', Buffer.alloc(30_000_000, 'a'));
		await alert(page)
			.getByText(/huge\.txt is too large: it is 30 MB, and the limit for a text file is 10 MB/)
			.waitFor();

		await openFile(page, 'scan.pdf', Buffer.from(buildPdf([DRAWING_PAGE])), 'application/pdf');
		await alert(page)
			.getByText(/scan\.pdf has no text layer: its page is a picture/)
			.waitFor({ timeout: 30_000 });

		// None of them got as far as the metadata form.
		expect(await page.getByLabel('Title', { exact: true }).count()).toBe(0);
		expect(await savedSources(page)).toBe(0);
		await page.close();
	});

	it('says at the date field that a garbage date is not a date, and saves nothing', async () => {
		const page = await openNewSource();
		await pasteNews(page, 'the day after the storm');
		await page.getByRole('button', { name: 'Save the source' }).click();
		const start = page.getByLabel('From (or the date)');
		expect(await start.getAttribute('aria-invalid')).toBe('true');
		// The message is tied to the field, as its description.
		const described = (await start.getAttribute('aria-describedby'))!.split(' ');
		const words = await Promise.all(described.map((id) => page.locator(`[id="${id}"]`).textContent()));
		expect(words.join(' ')).toContain('“the day after the storm” is not a date');
		expect(page.url()).toContain('/sources/new/');
		expect(await savedSources(page)).toBe(0);
		await page.close();
	});

	it('extracts the text of a PDF', async () => {
		const page = await openNewSource();
		const pdf = buildPdf([textPage('Talks on the Torkham crossing resumed in Islamabad on Monday.')]);
		await openFile(page, 'talks.pdf', Buffer.from(pdf), 'application/pdf');
		await page.getByText('1 paragraph from talks.pdf (1 pages).').waitFor({ timeout: 30_000 });
		expect(await page.locator('.source-form .preview').textContent()).toContain(
			'Talks on the Torkham crossing resumed in Islamabad on Monday.'
		);
		await page.close();
	});
});

describe('a pasted news text becomes a source, its places and a cited event', () => {
	it('saves the source, links Torkham, proposes and accepts Jalalabad, and cites a selected sentence', async () => {
		const page = await openNewSource();
		await pasteNews(page);
		expect(await page.getByRole('textbox', { name: /^Id\b/ }).inputValue()).toBe(SOURCE_ID);
		await saveSource(page);
		await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();

		// Torkham, a place of the atlas, is linked in the text.
		const torkham = page.locator('#p2 a.place', { hasText: 'Torkham' });
		await torkham.waitFor();
		expect(await torkham.getAttribute('href')).toContain('place=torkham');
		// Jalalabad, only the gazetteer's, is proposed with its position and provenance, and accepted.
		const proposal = page.locator('.proposals li', { hasText: 'Jalalabad' });
		await proposal.waitFor();
		expect(await proposal.textContent()).toMatch(/34\.4\d\d° N, 70\.4\d\d° E/);
		expect(await proposal.textContent()).toContain('GeoNames');
		await proposal.getByRole('button', { name: /^Accept/ }).click();
		await page
			.getByRole('status')
			.getByText(/Jalalabad is now one of your places/)
			.waitFor();
		await page.locator('#p3 a.place', { hasText: 'Jalalabad' }).waitFor();
		expect(await page.locator('.proposals li', { hasText: 'Jalalabad' }).count()).toBe(0);
		// Taken back, it is proposed again; accepted again, it stays.
		await page.getByRole('button', { name: 'Undo: remove Jalalabad' }).click();
		await page
			.getByRole('status')
			.getByText(/Jalalabad is no longer one of your places/)
			.waitFor();
		await proposal.getByRole('button', { name: /^Accept/ }).click();
		await page.locator('#p3 a.place', { hasText: 'Jalalabad' }).waitFor();

		// A sentence selected brings the toolbar; an event started from it quotes it exactly.
		// Words dragged over with the mouse bring the toolbar, which follows the paragraph for Tab.
		await page.locator('#p3 .text').scrollIntoViewIfNeeded();
		const line = (await page.locator('#p3 .text').boundingBox())!;
		await page.mouse.move(line.x + 2, line.y + 8);
		await page.mouse.down();
		await page.mouse.move(line.x + 160, line.y + 8, { steps: 5 });
		await page.mouse.up();
		await page.getByRole('button', { name: 'Start an event from this' }).waitFor();
		// Tab goes through the paragraph's own links (its number, the places it names), then the toolbar.
		const stops: string[] = [];
		for (let i = 0; i < 5 && stops.at(-1) !== 'Start an event from this'; i++) {
			await page.keyboard.press('Tab');
			stops.push(await page.evaluate(() => document.activeElement?.textContent ?? ''));
		}
		expect(stops).toEqual(['3', 'Jalalabad', 'Start an event from this']);

		await selectInParagraph(page, 'p3', SENTENCE);
		await page.getByRole('button', { name: 'Start an event from this' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.locator('blockquote').getByText(SENTENCE, { exact: true }).waitFor();
		await describeEvent(
			dialog,
			'Frontier Wire reports that the crossing reopened after more than a week and that trucks had queued.'
		);
		expect(await field(dialog, 'From (or the date)').inputValue()).toBe('2025-02');
		// Jalalabad, named in the passage, is listed as a place; it is where the trucks came from.
		expect(await field(dialog, 'Place 1').inputValue()).toMatch(/^Jalalabad/);
		await field(dialog, 'Role').selectOption('origin');
		await dialog.getByRole('button', { name: 'Add a place' }).click();
		await field(dialog, 'Place 2').fill('Torkham (crossing, PK)');
		await dialog.getByLabel(/^Role/).nth(1).selectOption('site');
		await dialog.getByRole('button', { name: 'Save event' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.getByRole('status').getByText(`Saved the event “${EVENT_TITLE}”`, { exact: false }).waitFor();

		// Another sentence, added to the event just saved as its second citation.
		await selectInParagraph(page, 'p2', REOPENED);
		await page.getByRole('button', { name: 'Add to an existing event…' }).click();
		await field(dialog, 'Event').selectOption({ label: `February 2025 · ${EVENT_TITLE}` });
		await dialog.getByRole('button', { name: 'Continue' }).click();
		const cited = dialog.locator('fieldset', { has: page.getByText('Citations', { exact: true }) });
		await cited.getByText(REOPENED).waitFor();
		expect(await cited.textContent()).toContain(SENTENCE);
		await dialog.getByRole('button', { name: 'Save event' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.getByRole('status').getByText(`Saved the event “${EVENT_TITLE}”`, { exact: false }).waitFor();

		// A third sentence, as one side's stance: the event becomes contested, cited by it.
		await selectInParagraph(page, 'p3', BACKLOG);
		await page.getByRole('button', { name: 'Add as a stance…' }).click();
		await dialog.getByRole('heading', { name: 'A stance on an event, cited by the passage' }).waitFor();
		await field(dialog, 'Event').selectOption({ label: `February 2025 · ${EVENT_TITLE}` });
		await dialog.getByRole('button', { name: 'Continue' }).click();
		expect(await dialog.getByRole('alert').textContent()).toMatch(/Name the party/);
		await field(dialog, 'Whose stance').fill('Customs official');
		await field(dialog, 'Their stance').selectOption('claims');
		await dialog.getByRole('button', { name: 'Continue' }).click();
		expect(await dialog.getByRole('checkbox', { name: /^Disputed/ }).isChecked()).toBe(true);
		const stance = dialog.locator('li.stance');
		expect(await stance.getByRole('textbox', { name: /^Who/ }).inputValue()).toBe('Customs official');
		expect(await stance.textContent()).toContain(BACKLOG);
		// The stance alone is not enough: what is disputed must be said.
		await dialog.getByRole('button', { name: 'Save event' }).click();
		await dialog.locator('.problems').waitFor();
		await field(dialog, 'What is disputed').fill(
			'How long the backlog will take to clear rests on one official.'
		);
		await dialog.getByRole('button', { name: 'Save event' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.getByRole('status').getByText(`Saved the event “${EVENT_TITLE}”`, { exact: false }).waitFor();
		await page.close();

		const map = await session.open('/?groups=crossings&from=2025-02&to=2025-02');
		const row = map.locator('#events-list .event-row', { hasText: EVENT_TITLE });
		await row.waitFor();
		expect(await row.textContent()).toContain('Added in this browser');
		await row.click();
		const details = map.locator('article.details');
		await details.getByText(SENTENCE).waitFor();
		await details.getByText(REOPENED).waitFor();
		// The stance is shown as the other claims and denials are, with its passage.
		await details.getByText(BACKLOG).waitFor();
		expect(await details.textContent()).toContain('Customs official');
		expect(await details.textContent()).toContain('Added in this browser');

		// Torkham, which gained this source's passage, is still drawn once (the user's copy stands in
		// the shipped one's place), and Jalalabad is drawn as a new place.
		const drawn = await map.evaluate(async () => {
			const source = (window as any).atlas.map.getSource('places');
			const features = (await source.getData()).features as { properties: { id: string } }[];
			return features.map((f) => f.properties.id).filter((id) => id === 'torkham' || id === 'jalalabad');
		});
		expect(drawn.sort()).toEqual(['jalalabad', 'torkham']);

		// A place of yours that your event names stays while the event does, and says so.
		await map.goto(`${session.origin}/?place=jalalabad`);
		await details.getByRole('button', { name: 'Delete this place' }).click();
		await details
			.getByRole('alert')
			.getByText(`This place stays while events name it: “${EVENT_TITLE}”. Edit or delete them first.`)
			.waitFor();

		await map.reload();
		await map.locator('#events-list .event-row', { hasText: EVENT_TITLE }).click();

		// "Read in source" opens the user's source (which has no page of its own) at the quote.
		await map
			.locator('article.details figure.citation', { hasText: SENTENCE })
			.getByRole('link', { name: 'Read in source' })
			.click();
		await map.waitForURL(`**/sources/mine/?source=${SOURCE_ID}&p=p3&q=**`);
		await map.locator('#p3 mark').waitFor();
		expect(await map.locator('#p3 mark').textContent()).toBe(SENTENCE);
		await map.close();
	});

	it('recognises a text already in the workspace or bundled, and names its source', async () => {
		const page = await openNewSource();
		await page.getByLabel('Paste the text').fill(NEWS.replaceAll('\n\n', '\n'));
		await page.getByRole('button', { name: 'Use the pasted text' }).click();
		await alert(page)
			.getByText(`This text is already in the atlas: it is your source “${TITLE}” (${SOURCE_ID}).`)
			.waitFor();
		await page.getByLabel('Paste the text').fill(readFileSync('geodata/sources/voa-2024-01.txt', 'utf8'));
		await page.getByRole('button', { name: 'Use the pasted text' }).click();
		await alert(page)
			.getByText(/it is the bundled source “.+” \(voa-2024-01\)/)
			.waitFor();
		expect(await savedSources(page)).toBe(1);
		await page.close();
	});

	it('says what is wrong with an address that names no source of this browser', async () => {
		const page = await session.open('/sources/mine/?source=..%2Fsecret%3Cb%3E', { map: false });
		await page.getByRole('alert').getByText('“../secret<b>” is not the id of a source').waitFor();
		expect(await page.locator('main b').count()).toBe(0);
		await page.goto(`${session.origin}/sources/mine/?source=no-such-source`);
		await page.getByRole('alert').getByText('No source “no-such-source” in this browser.').waitFor();
		await page.goto(`${session.origin}/sources/mine/`);
		await page
			.getByRole('alert')
			.getByText(/This address names no source/)
			.waitFor();
		await page.close();
	});

	it('exports my evidence as geodata/ files the validator accepts, and imports nothing from a broken bundle', async () => {
		const page = await session.open('/sources/', { map: false });
		await page.locator('.own .list li', { hasText: TITLE }).waitFor();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export my evidence' }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/^frontier-atlas-evidence-\d{4}-\d\d-\d\d\.zip$/);
		const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
		expect(strFromU8(files[`geodata/sources/${SOURCE_ID}.txt`]!)).toBe(NEWS);
		expect(strFromU8(files['geodata/events.json']!)).toContain(EVENT_TITLE);
		await page
			.getByRole('status')
			.getByText(/^Exported \d+ records as frontier-atlas-evidence/)
			.waitFor();

		// Copied over the project's geodata/, the validator finds nothing wrong.
		const geodata = readGeodata();
		for (const [path, bytes] of Object.entries(files))
			if (path.startsWith('geodata/')) geodata.set(path.slice('geodata/'.length), strFromU8(bytes));
		const problems = validateGeodata(geodata).problems.map((p) => `${p.file} › ${p.id ?? ''}: ${p.message}`);
		expect(problems).toEqual([]);

		// The same bundle imported again: everything is already here.
		const zip = Buffer.from(zipSync(files));
		const input = page.getByLabel('Import evidence…');
		await input.setInputFiles({ name: 'mine.zip', mimeType: 'application/zip', buffer: zip });
		await page
			.getByRole('status')
			.getByText(/^Imported from mine\.zip: 0 added, \d+ already here\.$/)
			.waitFor();

		// A bundle with a broken file: the problem is named, and nothing is written.
		const broken = zipSync({ ...files, 'geodata/events.json': strToU8('{ "schemaVersion": 1, "events": [') });
		await input.setInputFiles({
			name: 'broken.zip',
			mimeType: 'application/zip',
			buffer: Buffer.from(broken)
		});
		const refusal = page.getByRole('alert');
		await refusal.getByText(/^Nothing was imported from broken\.zip/).waitFor();
		expect(await refusal.textContent()).toMatch(/events\.json: not valid JSON/);
		expect(await savedSources(page)).toBe(1);
		expect(await page.locator('.own .list li').allTextContents()).toEqual([`${TITLE} (Frontier Wire)`]);
		await page.close();
	});
});
