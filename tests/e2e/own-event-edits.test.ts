/**
 * A user's own event edited and deleted from the map's details panel, each undone from the status
 * bar, in real headless Chromium with its real IndexedDB: the title edited shows in the details,
 * Undo brings the old one back; deleted, the event leaves the list, Undo brings it back; a reload
 * shows the state as left. The edit dialog open passes axe at WCAG 2.2 AA.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { seriousViolations } from '../support/axe';
import { EVENT_TITLE, field, makeEvent } from '../support/own-source-steps';

const session = browserSession();
const NEW_TITLE = 'Torkham crossing reopens';
const MAP = '/?groups=crossings&from=2025-02&to=2025-02';

const row = (page: Page, title: string) => page.locator('#events-list .event-row', { hasText: title });

/** Opens the event titled `title` from the map's list and its edit dialog, read from the workspace. */
async function openEditor(map: Page, title: string) {
	await row(map, title).click();
	await map.locator('article.details').getByRole('button', { name: 'Edit this event' }).click();
	const dialog = map.getByRole('dialog', { name: 'Edit this event' });
	await field(dialog, 'Title').waitFor();
	return dialog;
}

describe('a user’s own event, edited and deleted from its details', () => {
	it('edits, deletes and undoes both, and a reload shows the state as left', async () => {
		await makeEvent(session);
		const map = await session.open(MAP);
		const dialog = await openEditor(map, EVENT_TITLE);
		const details = map.locator('article.details');
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
		await row(map, EVENT_TITLE).waitFor({ state: 'detached' });
		expect(await map.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
		await bar.getByRole('button', { name: 'Undo' }).click();
		await bar.getByText('Undone.').waitFor();
		await row(map, EVENT_TITLE).waitFor();

		await map.reload();
		await row(map, EVENT_TITLE).waitFor();
		expect(await row(map, NEW_TITLE).count()).toBe(0);
		await map.close();
	});
});
