/**
 * An axe scan of every kind of page in real headless Chromium: no serious or critical violation.
 * (The map view with its details panel open is scanned in explore.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { browserSession } from '../support/session';
import { seriousViolations } from '../support/axe';

const session = browserSession();
const deck = JSON.parse(readFileSync('geodata/briefings/border-story.json', 'utf8')) as {
	scenes: { id: string }[];
};

describe('accessibility', () => {
	it.each([
		['the atlas with a time window', '/?from=2023-01&to=2023-12', 'main[data-status="ready"]'],
		['the list of sources', '/sources', 'main'],
		[
			'a source in the reader, with a passage marked',
			'/sources/voa-2024-01?p=p5',
			'main[data-status="ready"]'
		],
		['the list of briefings', '/briefing', 'main'],
		['a deck', '/briefing/border-story', 'main'],
		['a scene in presentation mode', `/briefing/border-story/${deck.scenes[1]!.id}`, '.presenter[data-scene]']
	])('%s has no serious or critical violation', async (_, path, ready) => {
		const page = await session.open(path, { map: false });
		await page.waitForSelector(ready, { timeout: 45_000 });
		expect(await seriousViolations(page)).toEqual([]);
		await page.close();
	});
});
