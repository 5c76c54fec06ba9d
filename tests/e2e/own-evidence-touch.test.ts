/**
 * The controls a user taps to add and change their own evidence, on a phone (390 × 844, touch:
 * the browser reports a coarse pointer), measured as laid out: the toolbar beside a passage
 * selected in the reader and the gazetteer's Accept and Reject are at least 24 × 24 CSS px (WCAG
 * 2.2, 2.5.8); "Edit this event" and "Delete this event" in the map's details, the edit dialog's
 * Close, and the status bar's Undo and Dismiss, which the CSS makes 44 × 44 for a coarse pointer,
 * are at least that.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { EVENT_TITLE, makeEvent } from '../support/own-source-steps';

const session = browserSession({
	viewport: { width: 390, height: 844 },
	context: { hasTouch: true, isMobile: true }
});

/** Each of `targets` whose box is narrower or lower than `min` CSS px, with its size. */
async function smallerThan(min: number, targets: Locator): Promise<string[]> {
	const all = await targets.all();
	expect(all.length, 'controls to measure').toBeGreaterThan(0);
	const small: string[] = [];
	for (const target of all) {
		const box = await target.boundingBox();
		const name = (await target.textContent())?.trim();
		if (!box) small.push(`${name}: not laid out`);
		else if (box.width < min || box.height < min) small.push(`${name}: ${box.width} × ${box.height}`);
	}
	return small;
}

const coarse = (page: Page) => page.evaluate(() => matchMedia('(pointer: coarse)').matches);

describe('authoring on a phone (390 × 844, touch): targets big enough to tap', () => {
	it('the reader’s toolbar and proposals, the event’s Edit and Delete, and the Undo after', async () => {
		await makeEvent(session, async (reader) => {
			expect(await coarse(reader)).toBe(true);
			const toolbar = reader.getByRole('group', { name: 'Cite the selected passage' }).getByRole('button');
			// Start an event, add to one, add as a stance, mark as a place.
			expect(await toolbar.count()).toBe(4);
			expect(await smallerThan(24, toolbar)).toEqual([]);
			const proposal = reader.locator('.proposals li', { hasText: 'Jalalabad' });
			await proposal.waitFor();
			expect(await smallerThan(24, proposal.getByRole('button'))).toEqual([]);
		});

		const map = await session.open('/?groups=crossings&from=2025-02&to=2025-02');
		expect(await coarse(map)).toBe(true);
		await map.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Events' }).tap();
		await map.locator('#events-list .event-row', { hasText: EVENT_TITLE }).tap();
		const details = map.locator('article.details');
		const actions = details.getByRole('button', { name: /^(Edit|Delete) this event$/ });
		await actions.first().waitFor();
		expect(await actions.count()).toBe(2);
		expect(await smallerThan(44, actions)).toEqual([]);

		await details.getByRole('button', { name: 'Edit this event' }).tap();
		const dialog = map.getByRole('dialog', { name: 'Edit this event' });
		const close = dialog.getByRole('button', { name: /^Close/ });
		await close.waitFor();
		expect(await smallerThan(44, close)).toEqual([]);
		await close.tap();
		await dialog.waitFor({ state: 'hidden' });

		await details.getByRole('button', { name: 'Delete this event' }).tap();
		const bar = map.locator('.undo-bar[role="status"]');
		await bar.getByText(`Deleted “${EVENT_TITLE}”.`).waitFor();
		expect(await smallerThan(44, bar.getByRole('button'))).toEqual([]);
		await bar.getByRole('button', { name: 'Undo' }).tap();
		await bar.getByText('Undone.').waitFor();
		await map.close();
	});
});
