/**
 * "Save as one file", end to end: the shipped deck's page saves the deck as one HTML file, which
 * then opens over file:// in a fresh headless Chromium with every request that is not file:,
 * data: or blob: refused and recorded, draws its map, presents with the keys (→ twice, ←, N),
 * shows each scene's events, title and numbered citations with verbatim quotes, and its notes.
 * Prints the file's size, raw and gzipped (no threshold: the report says what it is).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { launchBrowser } from '../support/browser';
import { loadGeodata } from '$lib/server/data/load';
import { foldSpace } from '$lib/corpus/paragraphs';
import { firstDay, lastDay } from '$lib/time/dates';
import type { Deck } from '../../src/lib/schema/briefing';
import type { EventsCollection } from '../../src/lib/schema/exported';
import { isAreaOnly } from '../../src/lib/map/event-points';

const session = browserSession();
const geodata = loadGeodata();
const deck: Deck = geodata.briefings.find((d) => d.id === 'border-story') ?? geodata.briefings[0]!;
const events = (JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection).features;
const folder = mkdtempSync(join(tmpdir(), 'atlas-single-file-'));
const saved = join(folder, `${deck.id}.html`);

let offline: Browser;
let page: Page;
/** Every request the file made that is not to itself (file:, data:, blob:): must stay empty. */
const refused: string[] = [];
const errors: string[] = [];

beforeAll(async () => {
	// Save the file from the deck's page on the served site.
	const overview = await session.open(`/briefing/${deck.id}`, { map: false });
	await overview.waitForLoadState('networkidle');
	const download = overview.waitForEvent('download', { timeout: 60_000 });
	await overview.getByRole('button', { name: 'Save as one file' }).click();
	await (await download).saveAs(saved);
	await overview
		.getByRole('status')
		.filter({ hasText: `Saved ${deck.id}.html` })
		.waitFor();

	// Open it with no server and no network: a fresh browser, every other scheme refused.
	offline = await launchBrowser();
	const context = await offline.newContext({ viewport: { width: 1280, height: 800 } });
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (/^(file|data|blob):/.test(url)) return route.continue();
		refused.push(url);
		return route.abort();
	});
	page = await context.newPage();
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	page.on('request', (r) => {
		if (!/^(file|data|blob):/.test(r.url())) refused.push(r.url());
	});
	await page.goto(pathToFileURL(saved).href);
}, 120_000);

afterAll(async () => {
	await offline?.close();
	rmSync(folder, { recursive: true, force: true });
});

/** With SCREENSHOTS=<folder>, the file presenting is photographed there, to look at. */
async function screenshot(name: string) {
	const into = process.env.SCREENSHOTS;
	if (into) await page.screenshot({ path: join(into, `single-file-${name}.png`) });
}

const sceneShown = (i: number) =>
	page.waitForSelector(`main[data-scene="${deck.scenes[i]!.id}"]`, { timeout: 45_000 });

/** What the file's map has drawn: the events in its source, and how many symbols it rendered. */
const drawn = () =>
	page.evaluate(() => {
		const { map } = (window as any).briefing;
		return {
			events: [
				...new Set(
					map
						.getSource('events')
						.serialize()
						.data.features.map((f: any) => f.properties.event)
				)
			],
			rendered: map.queryRenderedFeatures({ layers: ['events-symbol', 'events-cluster'] }).length as number,
			zoom: map.getZoom() as number
		};
	});

function expectedEvents(i: number): string[] {
	const scene = deck.scenes[i]!;
	const from = scene.time ? firstDay(scene.time.from) : '0000-01-01';
	const to = scene.time ? lastDay(scene.time.to) : '9999-12-31';
	return events
		.filter((e) => scene.groups.includes(e.properties.group))
		.filter((e) => e.properties.dateFirst <= to && e.properties.dateLast >= from)
		.map((e) => e.properties.id);
}

async function expectScene(i: number) {
	const scene = deck.scenes[i]!;
	expect(await page.locator('h1').textContent()).toBe(scene.title);
	expect(await page.locator('.card .text').textContent()).toBe(scene.text);
	expect(await page.getByRole('progressbar').getAttribute('aria-valuetext')).toBe(
		`Scene ${i + 1} of ${deck.scenes.length}`
	);
	expect(await page.locator('.citations li').count()).toBe(scene.citations.length);
	const map = await drawn();
	for (const id of map.events) expect(expectedEvents(i)).toContain(id);
	// Every highlighted event the atlas draws as a point is drawn; those known only to a whole
	// area are counted in the card's note instead.
	for (const id of scene.highlight.events) {
		const event = events.find((e) => e.properties.id === id)!;
		if (!isAreaOnly(event)) expect(map.events).toContain(id);
	}
	const areaOnly = expectedEvents(i).filter((id) => isAreaOnly(events.find((e) => e.properties.id === id)!));
	const note = page.locator('.area-events summary');
	if (areaOnly.length)
		expect(await note.textContent()).toMatch(new RegExp(`^${areaOnly.length} events? known only`));
	else expect(await note.isVisible()).toBe(false);
	if (scene.camera) expect(map.zoom).toBeCloseTo(scene.camera.zoom, 0);
}

describe('a deck saved as one file', () => {
	it('is one HTML file, and says how big it is', () => {
		const bytes = statSync(saved).size;
		const gzip = gzipSync(readFileSync(saved)).length;
		console.log(`${deck.id}.html: ${(bytes / 1024).toFixed(0)} KB, ${(gzip / 1024).toFixed(0)} KB gzipped`);
		expect(bytes).toBeGreaterThan(0);
		expect(readFileSync(saved, 'utf8')).toMatch(/^<!doctype html>/);
	});

	it('draws its map over file:// with nothing fetched from anywhere else', async () => {
		await page.waitForSelector('main[data-status="ready"]', { timeout: 45_000 });
		await sceneShown(0);
		const map = await drawn();
		expect(map.events.length).toBeGreaterThan(0);
		expect(map.rendered).toBeGreaterThan(0);
		await expectScene(0);
		// Names in Arabic script are shaped: the RTL plugin loads from the file, under its CSP, as
		// soon as such a name is drawn (the local-script names are off by default: switch them on).
		expect(await page.evaluate(() => (window as any).briefing.rtlTextPluginStatus())).not.toBe('loaded');
		await page.evaluate(() => {
			const { map } = (window as any).briefing;
			for (const id of ['places-label-native', 'province-labels-native', 'country-labels-native'])
				if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', 'visible');
		});
		await page.waitForFunction(() => (window as any).briefing.rtlTextPluginStatus() === 'loaded', null, {
			timeout: 30_000
		});
		await screenshot('scene-1');
	});

	it('presents with the keys, each scene with its citations verbatim and its notes', async () => {
		await page.keyboard.press('ArrowRight');
		await sceneShown(1);
		await expectScene(1);
		await page.keyboard.press('ArrowRight');
		await sceneShown(2);
		await expectScene(2);
		expect(new URL(page.url()).hash).toBe(`#${deck.scenes[2]!.id}`);

		// Each citation: numbered, verbatim in its source's text, with the source's name.
		const scene = deck.scenes[2]!;
		const quotes = await page.locator('.citations li q').allTextContents();
		expect(quotes).toEqual(scene.citations.map((c) => c.quote));
		for (const [i, c] of scene.citations.entries()) {
			const text = readFileSync(`geodata/sources/${c.source}.txt`, 'utf8');
			expect(foldSpace(text)).toContain(foldSpace(quotes[i]!));
			const source = geodata.sources.find((s) => s.meta.id === c.source)!.meta;
			const line = await page.locator('.citations li').nth(i).textContent();
			expect(line).toContain(source.title);
			expect(line).toContain(source.publisher);
			expect(line).toContain(`¶${c.paragraph.slice(1)}`);
		}

		// N shows the speaker notes, and hides them again.
		const notes = page.getByRole('complementary', { name: 'Speaker notes' });
		expect(await notes.isVisible()).toBe(false);
		await page.keyboard.press('n');
		expect(await notes.isVisible()).toBe(true);
		if (scene.notes) expect(await notes.textContent()).toContain(scene.notes);
		await screenshot('scene-3');
		await page.keyboard.press('n');
		expect(await notes.isVisible()).toBe(false);

		// ← goes back; End and Home go to the ends.
		await page.keyboard.press('ArrowLeft');
		await sceneShown(1);
		await page.keyboard.press('End');
		await sceneShown(deck.scenes.length - 1);
		await expectScene(deck.scenes.length - 1);
		await page.keyboard.press('Home');
		await sceneShown(0);
	});

	it('made no request off the file and no error', () => {
		expect(refused).toEqual([]);
		expect(errors).toEqual([]);
	});
});
