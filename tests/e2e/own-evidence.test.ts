/**
 * A user's own evidence on the atlas: a source, a place and an event in the workspace (brought in
 * as a workspace file) are listed, drawn and marked "Added in this browser", counted by their
 * layer toggle, which hides them.
 */
import { describe, expect, it } from 'vitest';
import { browserSession } from '../support/session';
import { importOwnEvidence, OWN_QUOTE, ownEvent } from '../support/own-evidence';

const session = browserSession();

const EVENT = ownEvent();

describe('own evidence on the atlas', () => {
	it('lists, marks and hides what was added in this browser', async () => {
		await importOwnEvidence(session, EVENT);

		const page = await session.open('/?groups=crossings&from=2025-02&to=2025-02');
		const toggle = page.getByLabel('Added in this browser');
		await toggle.waitFor();
		expect(await page.locator('label:has([data-collection="browser"]) .count').textContent()).toBe('1');
		const row = page.locator('#events-list .event-row', { hasText: EVENT.title });
		await row.waitFor();
		expect(await row.textContent()).toContain('Added in this browser');
		await row.click();
		const details = page.locator('article.details');
		await details.getByText(OWN_QUOTE).waitFor();
		expect(await details.textContent()).toContain('Added in this browser');
		expect(await details.textContent()).toContain('February 2025');

		// Drawn on the map as a shipped event is: the map's event source holds its two points.
		const points = await page.evaluate(async (id) => {
			const map = (window as any).atlas.map;
			const features = (await map.getSource('events').getData()).features as {
				properties: { event: string };
			}[];
			return features.filter((f) => f.properties.event === id).length;
		}, EVENT.id);
		expect(points).toBe(2);

		await toggle.uncheck();
		await row.waitFor({ state: 'detached' });
		expect(await page.locator('#events-list .event-row', { hasText: EVENT.title }).count()).toBe(0);
		await page.close();
	});
});
