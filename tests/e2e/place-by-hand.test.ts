/**
 * Places the matcher and the gazetteer missed, marked by hand in a user's own source, in real
 * headless Chromium with its real IndexedDB: a rejected gazetteer proposal stays rejected after a
 * reload and can be proposed again; a name selected in the text is marked as a place by typed
 * coordinates, another by a click on the map, a third (a spelling the gazetteer lacks) by
 * searching the gazetteer; each says before saving what it will be ("placed by hand", outside
 * knowledge for a point the user gave), is linked in the text once saved, still after a reload,
 * and its details on the atlas's map give its provenance and mark it as added in this browser;
 * deleted from there, Undo brings it back.
 * A description ("the crossing post") marked as a place the atlas has adds its sentence to that
 * place's passages, not to its names, and Undo takes it back. The dialog's code loads only when
 * asked for.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { seriousViolations } from '../support/axe';
import { describeSource, field, savedSources, selectInParagraph } from '../support/own-source-steps';

const TEXT = [
	'Shelling shuts two crossings',
	'',
	'Shells fell near the Ghulam Khan crossing on Tuesday, residents said.',
	'',
	'Traders at Speen Boldak said the Kharlachi crossing was also shut.',
	'',
	'Markets in Jalalabad closed early.',
	'',
	'Guards at the crossing post said the gates would stay shut.'
].join('\n');
const SOURCE_ID = 'frontier-wire-2025-03';

async function addSource(page: Page) {
	await page.getByLabel('Paste the text').fill(TEXT);
	await page.getByRole('button', { name: 'Use the pasted text' }).click();
	await describeSource(page, 'March 2025');
	expect(await page.getByRole('textbox', { name: /^Id\b/ }).inputValue()).toBe(SOURCE_ID);
	await page.getByRole('button', { name: 'Save the source' }).click();
	await page.waitForURL(`**/sources/mine/?source=${SOURCE_ID}`);
	await page.locator('#p2 .text').waitFor();
}

async function markAsPlace(page: Page, paragraph: string, words: string) {
	await selectInParagraph(page, paragraph, words);
	await page.getByRole('button', { name: 'Mark as a place…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Mark as a place' });
	await dialog.locator('blockquote').waitFor();
	return dialog;
}

/** Axe's serious violations, and whether the page scrolls sideways (it must not, at any size). */
async function problems(page: Page): Promise<string[]> {
	const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
	return [...(await seriousViolations(page)), ...(wide ? ['the page scrolls sideways'] : [])];
}

describe('marking places by hand in your own source', () => {
	const session = browserSession();
	it('remembers a rejected proposal, and places names by coordinates, the map and the gazetteer', async () => {
		const handCode: string[] = [];
		const page = await session.open('/sources/new/', { map: false });
		page.on('response', async (r) => {
			if (!r.url().endsWith('.js')) return;
			const text = await r.text().catch(() => '');
			if (/Find it by name/.test(text)) handCode.push(r.url());
		});
		await addSource(page);

		// Jalalabad is proposed from the gazetteer; rejected, it stays set aside after a reload.
		const proposal = page.locator('.proposals li', { hasText: 'Jalalabad' });
		await proposal.getByRole('button', { name: /^Reject/ }).click();
		await page
			.getByRole('status')
			.getByText(/Jalalabad .* is not proposed again in this browser/)
			.waitFor();
		await page.reload();
		await page.getByRole('heading', { name: 'Set aside' }).waitFor();
		expect(await page.locator('.proposals li', { hasText: 'Jalalabad' }).count()).toBe(0);
		await page.getByRole('button', { name: /^Propose again Jalalabad/ }).click();
		await proposal.waitFor();
		expect(await page.getByRole('heading', { name: 'Set aside' }).count()).toBe(0);

		// The reader has not loaded the dialog yet.
		expect(handCode).toEqual([]);

		// Typed coordinates: a point of the user's, in the province the basemap puts it in.
		let dialog = await markAsPlace(page, 'p2', 'Ghulam Khan crossing');
		expect(handCode.length).toBeGreaterThan(0);
		expect(await dialog.locator('blockquote p').textContent()).toBe(
			'Shells fell near the Ghulam Khan crossing on Tuesday, residents said.'
		);
		expect(await field(dialog, 'Name').inputValue()).toBe('Ghulam Khan crossing');
		// Nothing of this name is known: the search says so.
		await dialog.getByText('No place of this name in the atlas or the gazetteer').waitFor();
		expect(await problems(page), 'the dialog').toEqual([]);
		// Saving without a position says what is missing, at the field.
		await dialog.getByRole('button', { name: 'Add the place' }).click();
		await dialog.getByRole('alert').getByText('Choose one of the places found').waitFor();
		await dialog.getByLabel('Type its coordinates').check();
		const coordinates = field(dialog, 'Latitude, longitude');
		await coordinates.fill('33.13, 200');
		await dialog.getByText('200 is not a longitude').waitFor();
		await coordinates.fill('33.13, 69.99');
		await field(dialog, 'Kind of place').selectOption('crossing');
		await field(dialog, 'How precisely').selectOption('approximate');
		const preview = dialog.locator('.preview');
		await preview.getByText(/at 33\.130° N, 69\.990° E, in Khyber Pakhtunkhwa/).waitFor();
		expect(await preview.textContent()).toContain('placed by hand, from outside knowledge');
		await dialog.getByRole('button', { name: 'Add the place' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page
			.getByRole('status')
			.getByText('Ghulam Khan crossing is now one of your places, placed by hand')
			.waitFor();
		await page.locator('#p2 a.place', { hasText: 'Ghulam Khan crossing' }).waitFor();

		// A click on the map.
		dialog = await markAsPlace(page, 'p3', 'Kharlachi crossing');
		await dialog.getByLabel('Click the map').check();
		const canvas = dialog.locator('.picker canvas');
		await canvas.waitFor();
		// The map is ready (the basemap drawn, clicks heard) once its button is enabled.
		await dialog.locator('button:enabled', { hasText: 'Place it at the centre' }).waitFor();
		await canvas.click();
		await dialog.getByText(/^Picked \d+\.\d{3}° N, \d+\.\d{3}° E\./).waitFor();
		expect(await problems(page), 'the dialog with its map').toEqual([]);
		expect(await preview.textContent()).toMatch(
			/“Kharlachi crossing”, at \d+\.\d{3}° N, \d+\.\d{3}° E.*placed by hand, from outside knowledge/
		);
		await field(dialog, 'Kind of place').selectOption('crossing');
		await dialog.getByRole('button', { name: 'Add the place' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('#p3 a.place', { hasText: 'Kharlachi crossing' }).waitFor();

		// A spelling the gazetteer lacks, found by searching another.
		dialog = await markAsPlace(page, 'p3', 'Speen Boldak');
		await field(dialog, 'Search the atlas').fill('Spin Boldak');
		const match = dialog.getByRole('radio', {
			name: /\(town, AF-KAN\), at 31\.\d{3}° N, 66\.\d{3}° E: GeoNames gazetteer$/
		});
		await match.check();
		expect(await preview.textContent()).toMatch(
			/A new place of yours, “Speen Boldak”, at 31\.\d{3}° N, 66\.\d{3}° E, in Kandahar/
		);
		expect(await preview.textContent()).not.toContain('outside knowledge');
		await dialog.getByRole('button', { name: 'Add the place' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('#p3 a.place', { hasText: 'Speen Boldak' }).waitFor();

		// A name for a place the atlas has: the sentence becomes one more of its passages, undoably.
		dialog = await markAsPlace(page, 'p5', 'the crossing post');
		await field(dialog, 'Search the atlas').fill('Torkham');
		await dialog.getByRole('radio', { name: 'Torkham (crossing), in the atlas' }).check();
		await preview
			.getByText('The sentence is added to the passages of Torkham, a place the atlas has.')
			.waitFor();
		expect(await dialog.getByLabel('Kind of place').count()).toBe(0);
		await dialog.getByRole('button', { name: 'Add the place' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.getByRole('status').getByText('The sentence is now one of the passages of Torkham.').waitFor();
		// A description is not made one of the place's names: it is not linked wherever it is written.
		expect(await page.locator('#p5 a.place').count()).toBe(0);
		await page.getByRole('button', { name: 'Undo: take the passage back from Torkham' }).click();
		await page
			.getByRole('status')
			.getByText('The sentence is no longer one of the passages of Torkham.')
			.waitFor();

		// All of it survives a reload.
		await page.reload();
		for (const [p, name] of [
			['p2', 'Ghulam Khan crossing'],
			['p3', 'Kharlachi crossing'],
			['p3', 'Speen Boldak']
		])
			await page.locator(`#${p} a.place`, { hasText: name }).waitFor();
		// The source gives these places their passages: it cannot be deleted from under them.
		await page.getByRole('button', { name: 'Delete this source' }).click();
		await page
			.getByRole('alert')
			.getByText(
				'It stays while the places Ghulam Khan crossing, Kharlachi crossing, Speen Boldak cite it: take its passages out of them, or delete them, first.'
			)
			.waitFor();
		await page.close();

		// On the atlas's map, the place's details give where its point comes from.
		const map = await session.open('/?place=ghulam-khan-crossing');
		const details = map.locator('article.details');
		expect(await map.getByText('Some of this link could not be used').count()).toBe(0);
		await details
			.getByText('Placed by hand in this browser, from coordinates typed in: outside knowledge')
			.waitFor();
		expect(await details.textContent()).toContain('Added in this browser');
		expect(await details.textContent()).toContain('Shells fell near the Ghulam Khan crossing on Tuesday');
		// A place of yours can be deleted from its details, and the delete undone.
		await details.getByRole('button', { name: 'Delete this place' }).click();
		const bar = map.locator('.undo-bar[role="status"]');
		await bar.getByText('Deleted “Ghulam Khan crossing”.').waitFor();
		await details.waitFor({ state: 'hidden' });
		await bar.getByRole('button', { name: 'Undo' }).click();
		await bar.getByText('Undone.').waitFor();
		await map.getByRole('combobox', { name: /search/i }).fill('Ghulam Khan');
		await map
			.getByRole('option', { name: /Ghulam Khan crossing/ })
			.first()
			.click();
		await details.getByText('Placed by hand in this browser, from coordinates typed in').waitFor();
		await map.close();
	});
});

describe('deleting a source of yours that nothing cites', () => {
	const session = browserSession();
	it('deletes it, undoes the delete, and deletes it again', async () => {
		const page = await session.open('/sources/new/', { map: false });
		await page.getByLabel('Paste the text').fill('A note with no places in it.\n\nNothing else was said.');
		await page.getByRole('button', { name: 'Use the pasted text' }).click();
		await describeSource(page, 'April 2025');
		await page.getByRole('button', { name: 'Save the source' }).click();
		await page.waitForURL('**/sources/mine/?source=frontier-wire-2025-04');
		const remove = page.getByRole('button', { name: 'Delete this source' });
		await remove.click();
		const deleted = page.getByRole('heading', { level: 1, name: /^Deleted: / });
		await deleted.waitFor();
		expect(await savedSources(page)).toBe(0);
		await page.getByRole('button', { name: 'Undo' }).click();
		await page
			.getByRole('status')
			.getByText(/is back\.$/)
			.waitFor();
		expect(await savedSources(page)).toBe(1);
		await remove.click();
		await deleted.waitFor();
		await page.locator('#content').getByRole('link', { name: 'All sources' }).click();
		await page.getByRole('heading', { level: 1, name: 'Sources' }).waitFor();
		await page.getByText('No sources of your own in this browser yet.').waitFor();
		await page.close();
	});
});

describe('marking a place by hand on a phone without WebGL', () => {
	const session = browserSession({
		viewport: { width: 390, height: 844 },
		context: { hasTouch: true, isMobile: true },
		webgl: false
	});
	it('says the map cannot be drawn, and places the name by typed coordinates', async () => {
		const page = await session.open('/sources/new/', { map: false });
		await addSource(page);
		const dialog = await markAsPlace(page, 'p2', 'Ghulam Khan crossing');
		expect(await problems(page), 'the dialog on a phone').toEqual([]);
		await dialog.getByLabel('Click the map').check();
		await dialog
			.getByRole('alert')
			.getByText(/This browser cannot draw the map/)
			.waitFor();
		expect(await problems(page), 'the dialog without a map').toEqual([]);
		await dialog.getByLabel('Type its coordinates').check();
		await field(dialog, 'Latitude, longitude').fill('33.13° N, 69.99° E');
		await dialog
			.locator('.preview')
			.getByText(/at 33\.130° N, 69\.990° E, in Khyber Pakhtunkhwa/)
			.waitFor();
		await dialog.getByRole('button', { name: 'Add the place' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.locator('#p2 a.place', { hasText: 'Ghulam Khan crossing' }).waitFor();
		await page.close();
	});
});
