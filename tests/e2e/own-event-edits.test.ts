/**
 * A user's own event edited and deleted from the map's details panel, each undone from the status
 * bar, in real headless Chromium with its real IndexedDB: the title edited shows in the details,
 * Undo brings the old one back; deleted, the event leaves the list, Undo brings it back; a reload
 * shows the state as left. The edit dialog open passes axe at WCAG 2.2 AA.
 */
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/session';
import { seriousViolations } from '../support/axe';
import {
	describeSource,
	EVENT_TITLE,
	field,
	NEWS,
	selectInParagraph,
	SOURCE_ID
} from '../support/own-source-steps';

const session = browserSession();
const REOPENED = NEWS.split('\n')[2]!;
const NEW_TITLE = 'Torkham crossing reopens';
const MAP = '/?groups=crossings&from=2025-02&to=2025-02';

async function makeEvent() {
	const page = await session.open('/sources/new/', { map: false });
	await page.getByLabel('Paste the text').fill(NEWS);
	await page.getByRole('button', { name: 'Use the pasted text' }).click();
	await describeSource(page, '2025-02-11');
	await page.getByRole('button', { name: 'Save the source' }).click();
	await page.waitForURL(`**/sources/mine/?source=${SOURCE_ID}`);
	await selectInParagraph(page, 'p2', REOPENED);
	await page.getByRole('button', { name: 'Start an event from this' }).click();
	const dialog = page.getByRole('dialog');
	await field(dialog, 'Title').fill(EVENT_TITLE);
	await dialog
		.getByRole('textbox', { name: /^Summary, in your own words/ })
		.fill('Frontier Wire reports that officials reopened the crossing after a closure.');
	const start = field(dialog, 'From (or the date)');
	await start.fill('February 2025');
	await start.blur();
	await field(dialog, 'Where the date comes from').selectOption('explicit');
	await field(dialog, 'Role').selectOption('site');
	await field(dialog, 'Type of event').fill('crossing-reopened');
	await field(dialog, 'Layer').selectOption('crossings');
	await dialog.getByRole('button', { name: 'Save event' }).click();
	await dialog.waitFor({ state: 'hidden' });
	await page.close();
}

describe('a user’s own event, edited and deleted from its details', () => {
	it('edits, deletes and undoes both, and a reload shows the state as left', async () => {
		await makeEvent();
		const map = await session.open(MAP);
		const row = (title: string) => map.locator('#events-list .event-row', { hasText: title });
		await row(EVENT_TITLE).click();
		const details = map.locator('article.details');
		await details.getByRole('button', { name: 'Edit this event' }).click();
		const dialog = map.getByRole('dialog', { name: 'Edit this event' });
		await field(dialog, 'Title').waitFor();
		expect(await field(dialog, 'Title').inputValue()).toBe(EVENT_TITLE);
		expect(await seriousViolations(map)).toEqual([]);

		await field(dialog, 'Title').fill(NEW_TITLE);
		await dialog.getByRole('button', { name: 'Save changes' }).click();
		await dialog.waitFor({ state: 'hidden' });
		const bar = map.locator('.undo-bar[role="status"]');
		await bar.getByText(`Edited “${NEW_TITLE}”.`).waitFor();
		await details.getByRole('heading', { name: NEW_TITLE }).waitFor();
		await bar.getByRole('button', { name: 'Undo' }).click();
		await bar.getByText('Undone.').waitFor();
		await details.getByRole('heading', { name: EVENT_TITLE }).waitFor();

		await details.getByRole('button', { name: 'Delete this event' }).click();
		await bar.getByText(`Deleted “${EVENT_TITLE}”.`).waitFor();
		await row(EVENT_TITLE).waitFor({ state: 'detached' });
		expect(await map.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
		await bar.getByRole('button', { name: 'Undo' }).click();
		await bar.getByText('Undone.').waitFor();
		await row(EVENT_TITLE).waitFor();

		await map.reload();
		await row(EVENT_TITLE).waitFor();
		expect(await row(NEW_TITLE).count()).toBe(0);
		await map.close();
	});
});
