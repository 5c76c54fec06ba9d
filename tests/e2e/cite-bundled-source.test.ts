/**
 * Citing by selecting in a bundled source's reader, in real headless Chromium with its real
 * IndexedDB: the reader does not load the event dialog until a passage is used; a selection
 * grown from the keyboard brings the toolbar; a sentence
 * selected in the VOA report becomes an event of the user's, with a month-only date and the
 * place the sentence names, kept across a reload while unsaved (another passage used meanwhile
 * asks before letting it go), then saved in this browser and listed on the map with its quote.
 */
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/session';
import { field, selectInParagraph } from '../support/own-source-steps';

const session = browserSession();

const SENTENCE =
	'Khyber Pakhtunkhwa and Baluchistan provinces, both lining Pakistan’s 2,600-kilometer (1,600-mile) border with Afghanistan, have experienced almost daily attacks since the Taliban returned to power in Kabul in August 2021, killing hundreds of Pakistani security forces and civilians.';
const TITLE = 'Near-daily attacks in the border provinces, VOA reports';

describe('citing a bundled source by selecting', () => {
	it('starts an event from a sentence of the VOA report and shows it on the map', async () => {
		const scripts: string[] = [];
		const page = await session.context.newPage();
		page.on('response', async (r) => {
			if (!r.url().endsWith('.js')) return;
			const text = await r.text().catch(() => '');
			if (/Summary, in your own words/.test(text)) scripts.push(r.url());
		});
		await page.goto(session.origin + '/sources/voa-2024-01/');
		await page.locator('#p5 .text').waitFor();
		await page.waitForLoadState('networkidle');
		// Reading does not pay for the event form.
		expect(scripts).toEqual([]);

		// A selection made or grown from the keyboard (Shift and the arrow keys) brings the toolbar.
		await selectInParagraph(page, 'p5', 'Khyber');
		for (let i = 0; i < ' Pakhtunkhwa'.length; i++) await page.keyboard.press('Shift+ArrowRight');
		expect(await page.evaluate(() => document.getSelection()?.toString())).toBe('Khyber Pakhtunkhwa');
		await page.getByRole('button', { name: 'Start an event from this' }).waitFor();

		await selectInParagraph(page, 'p5', SENTENCE);
		await page.getByRole('button', { name: 'Start an event from this' }).click();
		const dialog = page.getByRole('dialog');
		await dialog.locator('blockquote').getByText(SENTENCE, { exact: true }).waitFor();
		expect(scripts.length).toBeGreaterThan(0);
		expect(await dialog.locator('blockquote footer').textContent()).toContain('paragraph 5');
		// The province the sentence names is proposed as a place.
		expect(await field(dialog, 'Place 1').inputValue()).toMatch(/^Khyber Pakhtunkhwa/);
		await field(dialog, 'Role').selectOption('site');
		await field(dialog, 'Title').fill(TITLE);
		await dialog
			.getByRole('textbox', { name: /^Summary, in your own words/ })
			.fill('VOA reports almost daily attacks in Khyber Pakhtunkhwa and Baluchistan since August 2021.');
		// Typed and not saved, the event survives a reload, to resume.
		await page.reload();
		await page.getByRole('button', { name: 'Resume the unsaved event' }).click();
		await dialog.locator('blockquote').getByText(SENTENCE, { exact: true }).waitFor();
		expect(await field(dialog, 'Title').inputValue()).toBe(TITLE);
		expect(await field(dialog, 'Role').inputValue()).toBe('site');
		// Another passage used while it is unsaved asks first; keeping it changes nothing.
		await dialog.getByRole('button', { name: /^Close/ }).click();
		await selectInParagraph(page, 'p5', 'Khyber Pakhtunkhwa');
		await page.getByRole('button', { name: 'Start an event from this' }).click();
		await dialog.getByText(`“${TITLE}” is not saved.`, { exact: false }).waitFor();
		await dialog.getByRole('button', { name: 'Keep writing the unsaved event' }).click();
		expect(await field(dialog, 'Title').inputValue()).toBe(TITLE);
		await dialog.locator('blockquote').getByText(SENTENCE, { exact: true }).waitFor();
		const start = field(dialog, 'From (or the date)');
		await start.fill('January 2024');
		await start.blur();
		await field(dialog, 'Where the date comes from').selectOption('publication');
		await field(dialog, 'Type of event').fill('militant-attacks');
		await field(dialog, 'Layer').selectOption({ index: 1 });
		await dialog.getByRole('button', { name: 'Save event' }).click();
		await dialog.waitFor({ state: 'hidden' });
		await page.getByText(`Saved the event “${TITLE}” in this browser`, { exact: false }).waitFor();

		// Letting an unsaved event go for a new passage starts afresh from that passage.
		await selectInParagraph(page, 'p5', 'Khyber Pakhtunkhwa');
		await page.getByRole('button', { name: 'Start an event from this' }).click();
		await field(dialog, 'Title').fill('A draft to let go');
		await dialog.getByRole('button', { name: /^Close/ }).click();
		await selectInParagraph(page, 'p5', SENTENCE);
		await page.getByRole('button', { name: 'Start an event from this' }).click();
		await dialog.getByText('“A draft to let go” is not saved.', { exact: false }).waitFor();
		await dialog.getByRole('button', { name: 'Let it go and use the new passage' }).click();
		await dialog.locator('blockquote').getByText(SENTENCE, { exact: true }).waitFor();
		expect(await field(dialog, 'Title').inputValue()).toBe('');
		await page.close();

		const map = await session.open('/?from=2024-01&to=2024-01');
		const row = map.locator('#events-list .event-row', { hasText: TITLE });
		await row.waitFor();
		expect(await row.textContent()).toContain('Added in this browser');
		await row.click();
		await map.locator('article.details').getByText(SENTENCE).waitFor();
		await map.close();
	});
});
