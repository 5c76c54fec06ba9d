/**
 * A user's own event edited and deleted from the map's details panel, each undone from the status
 * bar, in real headless Chromium with its real IndexedDB: the title edited shows in the details,
 * Undo brings the old one back; deleted, the event leaves the list, Undo brings it back; a reload
 * shows the state as left. The edit dialog open passes axe at WCAG 2.2 AA.
 * Then an edit that meets another tab's (a second page of the same browser, sharing its
 * IndexedDB): the event changed there, then deleted there, while the first tab's dialog is open
 * with a title typed; each save in the first tab is refused with the message naming the other
 * tab, the typed title stays in the form, and a reload shows the other tab's change as stored.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { seriousViolations } from '../support/axe';
import { EVENT_TITLE, field, makeEvent, storedRecords } from '../support/own-source-steps';
import { importOwnEvidence, ownEvent } from '../support/own-evidence';

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

describe('an edit saved over another tab’s change', () => {
	const EVENT = ownEvent();
	const THEIRS = 'Torkham crossing open to Jalalabad trucks';
	const MINE = 'Trucks queue at Torkham as it reopens';
	const CHANGED =
		'This event was changed in another tab since this dialog opened, so your edit was not saved and nothing was overwritten.';
	const DELETED =
		'This event was deleted in another tab since this dialog opened, so your edit was not saved. What you typed is still in the form, to copy.';

	const stored = async (page: Page) => (await storedRecords(page)).find((r) => r.id === EVENT.id);

	it(
		'is refused and said, keeps the typed title in the form, and the other tab’s change is what is stored',
		{ timeout: 120_000 },
		async () => {
			await importOwnEvidence(session, EVENT);
			const first = await session.open(MAP);
			const mine = await openEditor(first, EVENT.title);
			await field(mine, 'Title').fill(MINE);

			// Meanwhile, in another tab of the same browser, the title is changed and saved.
			const other = await session.open(MAP);
			const theirs = await openEditor(other, EVENT.title);
			await field(theirs, 'Title').fill(THEIRS);
			await theirs.getByRole('button', { name: 'Save changes' }).click();
			await theirs.waitFor({ state: 'hidden' });
			await other.locator('.undo-bar').getByText(`Edited “${THEIRS}”.`).waitFor();

			await mine.getByRole('button', { name: 'Save changes' }).click();
			await mine.getByRole('alert').getByText(CHANGED, { exact: false }).waitFor();
			expect(await field(mine, 'Title').inputValue()).toBe(MINE);
			await mine.getByRole('button', { name: /^Close/ }).click();
			await mine.waitFor({ state: 'hidden' });
			await first.reload();
			await row(first, THEIRS).waitFor();
			expect(await row(first, MINE).count()).toBe(0);
			expect(await stored(first)).toMatchObject({ title: THEIRS, deleted: false });

			// Edited again here, and meanwhile deleted in the other tab.
			const again = await openEditor(first, THEIRS);
			expect(await field(again, 'Title').inputValue()).toBe(THEIRS);
			await field(again, 'Title').fill(MINE);
			await other.locator('article.details').getByRole('button', { name: 'Delete this event' }).click();
			await other.locator('.undo-bar').getByText(`Deleted “${THEIRS}”.`).waitFor();

			await again.getByRole('button', { name: 'Save changes' }).click();
			await again.getByRole('alert').getByText(DELETED).waitFor();
			expect(await field(again, 'Title').inputValue()).toBe(MINE);
			await again.getByRole('button', { name: /^Close/ }).click();
			await first.reload();
			// The user's source and place are still shown; the event is not, and is in the trash, as left.
			await first.getByLabel('Added in this browser').waitFor();
			expect(await row(first, THEIRS).count()).toBe(0);
			expect(await row(first, MINE).count()).toBe(0);
			expect(await stored(first)).toMatchObject({ title: THEIRS, deleted: true });
			await other.close();
			await first.close();
		}
	);
});
