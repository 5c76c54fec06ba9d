/**
 * How a long deck of the workspace opens, next to the shipped 12-scene deck: a 50-scene deck
 * (made here from the shipped deck's scenes, under new scene ids) and a 12-scene copy of the
 * shipped deck are imported into the workspace through the page's own "Import a deck file", then
 * each is opened alternately, in fresh pages of one browser context (so one IndexedDB):
 *
 * - in the editor, until the deck is read and the map beside it is drawn (50 scenes vs 12);
 * - in presentation mode, until the first scene is drawn and the deck's citations have been
 *   checked (the 50-scene own deck vs the shipped deck's own presenter page).
 *
 * Prints the medians and the ratios (aim: within 1.2×). Nothing is written to disk. Called at
 * the end of tests/bench/bench.ts, or on its own: `node tests/bench/decks.ts` (needs a build).
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import type { Deck } from '../../src/lib/schema/briefing.ts';

const SHIPPED = 'border-story';
const LONG = 'bench-fifty-scenes';
const SHORT = 'bench-twelve-scenes';
const SCENE_COUNT = 50;

/** A deck of `count` scenes, the shipped deck's scenes over and over under new ids. */
export function longDeck(shipped: Deck, id: string, count: number): Deck {
	const scenes = Array.from({ length: count }, (_, i) => {
		const scene = shipped.scenes[i % shipped.scenes.length]!;
		const round = Math.floor(i / shipped.scenes.length);
		return { ...structuredClone(scene), id: round ? `${scene.id}-${round + 1}` : scene.id };
	});
	return { ...structuredClone(shipped), id, title: `${shipped.title} (${count} scenes)`, scenes };
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Imports a deck file through the list page's own import, as a user would. */
async function importDeck(context: BrowserContext, origin: string, deck: Deck): Promise<void> {
	const page = await context.newPage();
	await page.goto(`${origin}/briefing/`);
	// The list of the workspace's decks is there once the page has hydrated and opened it: a file
	// chosen before then would be chosen before the input listens.
	await page
		.locator('li[data-where="workspace"]')
		.or(page.getByText('No decks in this browser yet.'))
		.first()
		.waitFor({ timeout: 60_000 });
	await page.getByLabel('Import a deck file…').setInputFiles({
		name: `${deck.id}.json`,
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(deck))
	});
	// Its row in the list says where it came from.
	try {
		await page.getByText(`imported from file ${deck.id}.json`).waitFor({ timeout: 60_000 });
	} catch (e) {
		// Say what the page showed instead: the import's message, or how far the list got.
		const shown = await page
			.locator('main')
			.innerText()
			.catch(() => '(the page has no main)');
		throw new Error(
			`${deck.id}.json was not listed after its import; the page showed:\n${shown.slice(-1500)}`,
			{
				cause: e
			}
		);
	}
	await page.close();
}

/** What "open" means: an element is there, and another (a notice) is not. */
interface Ready {
	present: string;
	absent?: string;
}

/** Milliseconds from navigation start until the page is ready (the site's CSP allows no eval). */
async function timeTo(context: BrowserContext, url: string, ready: Ready): Promise<number> {
	const page: Page = await context.newPage();
	await page.goto(url);
	await page.waitForFunction(
		({ present, absent }) => !!document.querySelector(present) && !(absent && document.querySelector(absent)),
		ready,
		{ timeout: 120_000, polling: 'raf' }
	);
	const ms = await page.evaluate(() => performance.now());
	await page.close();
	return ms;
}

const editorReady: Ready = { present: '.editor[data-state="saved"] main[data-status="ready"]' };
const presenterReady = (scene: string): Ready => ({
	present: `.presenter[data-scene="${scene}"]`,
	absent: '.checking'
});

export async function benchDecks({
	origin,
	runs = Number(process.env.BENCH_DECK_RUNS ?? 7),
	browser
}: {
	origin: string;
	runs?: number;
	browser?: Browser;
}): Promise<void> {
	const shipped = JSON.parse(readFileSync(`geodata/briefings/${SHIPPED}.json`, 'utf8')) as Deck;
	const own = browser ?? (await launchBrowser());
	const context = await own.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		await importDeck(context, origin, longDeck(shipped, LONG, SCENE_COUNT));
		await importDeck(context, origin, longDeck(shipped, SHORT, shipped.scenes.length));
		const first = shipped.scenes[0]!.id;
		const cases = {
			editLong: () => timeTo(context, `${origin}/briefing/edit/?deck=${LONG}`, editorReady),
			editShort: () => timeTo(context, `${origin}/briefing/edit/?deck=${SHORT}`, editorReady),
			presentLong: () => timeTo(context, `${origin}/briefing/mine/?deck=${LONG}`, presenterReady(first)),
			presentShipped: () => timeTo(context, `${origin}/briefing/${SHIPPED}/${first}/`, presenterReady(first))
		};
		const times = Object.fromEntries(Object.keys(cases).map((k) => [k, [] as number[]])) as Record<
			keyof typeof cases,
			number[]
		>;
		// One warm-up of each, then alternate.
		for (const run of Object.values(cases)) await run();
		for (let i = 0; i < runs; i++)
			for (const [name, run] of Object.entries(cases)) times[name as keyof typeof cases].push(await run());

		const line = (label: string, xs: number[]) =>
			`  ${label.padEnd(44)} ${median(xs).toFixed(0).padStart(5)} ms   [${xs.map((t) => t.toFixed(0)).join(', ')}]`;
		const ratio = (a: number[], b: number[]) => `${(median(a) / median(b)).toFixed(2)}×`;
		console.log(`\nOpening a ${SCENE_COUNT}-scene deck of the workspace, median of ${runs} runs each`);
		console.log(line(`editor, ${SCENE_COUNT} scenes (deck read, map drawn)`, times.editLong));
		console.log(line(`editor, ${shipped.scenes.length} scenes`, times.editShort));
		console.log(`  ratio ${ratio(times.editLong, times.editShort)} (aim ≤ 1.20×)`);
		console.log(line(`presenting, own ${SCENE_COUNT} scenes (checked, drawn)`, times.presentLong));
		console.log(line(`presenting, the shipped ${shipped.scenes.length}-scene deck`, times.presentShipped));
		console.log(`  ratio ${ratio(times.presentLong, times.presentShipped)} (aim ≤ 1.20×)`);
	} finally {
		await context.close();
		if (!browser) await own.close();
	}
}

// Run on its own: serve the build and measure.
if (import.meta.url === `file://${process.argv[1]}`) {
	const { createStaticServer, listen } = await import('../../src/lib/server/static/server.ts');
	const origin = await listen(createStaticServer('build'));
	await benchDecks({ origin });
	process.exit(0);
}
