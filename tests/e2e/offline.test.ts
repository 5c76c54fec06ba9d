/**
 * Working offline, in real headless Chromium with the service worker allowed: after one visit the
 * atlas, a source and the shipped deck open with the network cut (Playwright's setOffline cuts the
 * service worker's network too), and the deck still saves as one file; and a new build is picked up cleanly — the new worker waits, the
 * page offers "A new version of the atlas is ready — Reload", and Reload puts the new version in
 * control of the page, with the old build's cache deleted.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import { waitForMap, watchForeignRequests } from '../support/browser';
import { createStaticServer, listen } from '../../src/lib/server/static/server.ts';
import { cacheName } from '../../src/lib/app/cache-plan.ts';
import { loadGeodata } from '$lib/server/data/load';
import type { Deck } from '../../src/lib/schema/briefing';
import type { EventsCollection } from '../../src/lib/schema/exported';

const session = browserSession({ serviceWorkers: 'allow' });
const geodata = loadGeodata();
const deck: Deck = geodata.briefings[0]!;
const events = (JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection).features;
const buildVersion = (JSON.parse(readFileSync('build/_app/version.json', 'utf8')) as { version: string })
	.version;

/** Waits until a service worker controls the page (the first install claims it once it has cached the build). */
async function waitForControl(page: Page): Promise<void> {
	await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 60_000 });
}

/**
 * A page of the session's context that records its own console errors and requests off the origin,
 * for steps whose expected failures (`expected`: by the failing resource's URL, or by the message)
 * the harness's file-wide check cannot tell apart from others.
 */
async function watchedPage(expected: (url: string) => boolean, expectedMessage?: RegExp) {
	const page = await session.context.newPage();
	const foreign = watchForeignRequests(page, session.origin);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() !== 'error' || expected(m.location().url) || expectedMessage?.test(m.text())) return;
		errors.push(`${m.text()} (${m.location().url})`);
	});
	return {
		page,
		expectClean() {
			expect(foreign, 'requests off the site’s origin').toEqual([]);
			expect(errors, 'errors in the page').toEqual([]);
		}
	};
}

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const eventsListed = (page: Page) => page.locator('#events-list li').count();

describe('offline after one visit', () => {
	it('opens the atlas, a source and the shipped deck with no network at all', async () => {
		const page = await session.open('/');
		await waitForControl(page);
		expect(await cacheNames(page)).toEqual([cacheName(buildVersion)]);
		const listedOnline = await eventsListed(page);
		expect(listedOnline).toBeGreaterThan(20);

		await session.context.setOffline(true);
		try {
			expect(await page.evaluate(() => navigator.onLine)).toBe(false);
			await page.reload();
			await waitForMap(page);
			// The map is drawn, with every event loaded and the same list as online.
			expect(await page.evaluate(() => (window as any).atlas.state.evidence.events.length)).toBe(
				events.length
			);
			expect(await eventsListed(page)).toBe(listedOnline);

			// A source page, asked for without its trailing slash (the worker redirects, as the server would).
			const source = geodata.sources.find((s) => s.meta.id === 'voa-2024-01')!;
			for (const path of ['/sources/voa-2024-01', '/sources/voa-2024-01/']) {
				await page.goto(session.origin + path);
				await page.waitForSelector('main[data-status="ready"]');
				expect(new URL(page.url()).pathname).toBe('/sources/voa-2024-01/');
				expect(await page.locator('h1').textContent()).toBe(source.meta.title);
				expect(await page.locator('.paragraph').count()).toBe(source.paragraphs.length);
			}

			// The shipped deck presents, and the arrow key moves to the next scene.
			const presenter = await watchedPage(() => false);
			await presenter.page.goto(`${session.origin}/briefing/${deck.id}/${deck.scenes[0]!.id}`);
			await presenter.page.waitForSelector(`.presenter[data-scene="${deck.scenes[0]!.id}"]`, {
				timeout: 45_000
			});
			expect(await presenter.page.locator('#scene-title').textContent()).toBe(deck.scenes[0]!.title);
			await presenter.page.keyboard.press('ArrowRight');
			await presenter.page.waitForSelector(`.presenter[data-scene="${deck.scenes[1]!.id}"]`, {
				timeout: 45_000
			});
			expect(await presenter.page.locator('#scene-title').textContent()).toBe(deck.scenes[1]!.title);
			expect(await presenter.page.locator('.scene-citations li').count()).toBe(
				deck.scenes[1]!.citations.length
			);
			presenter.expectClean();

			// The deck saves as one file with no network too: everything it gathers is cached.
			await page.goto(`${session.origin}/briefing/${deck.id}/`);
			await page.waitForLoadState('networkidle');
			const download = page.waitForEvent('download', { timeout: 60_000 });
			await page.getByRole('button', { name: 'Save as one file' }).click();
			expect((await download).suggestedFilename()).toBe(`${deck.id}.html`);
			await page
				.getByRole('status')
				.filter({ hasText: `Saved ${deck.id}.html` })
				.waitFor();

			// A page the build does not have: the not-found page, from the cache, with its status
			// (the page itself reports the 404 on the console, as it does online).
			const missing = await watchedPage(
				(url) => url.endsWith('/no-such-page/'),
				/Not found: \/no-such-page\//
			);
			const response = await missing.page.goto(session.origin + '/no-such-page/');
			expect(response?.status()).toBe(404);
			await missing.page.waitForSelector('main[data-status="404"]');
			missing.expectClean();
		} finally {
			await session.context.setOffline(false);
		}
	});
});

describe('a new build', () => {
	const folder = mkdtempSync(join(tmpdir(), 'atlas-next-build-'));
	const servers: Server[] = [];
	afterAll(async () => {
		for (const s of servers) {
			s.closeAllConnections();
			await new Promise((done) => s.close(done));
		}
		rmSync(folder, { recursive: true, force: true });
	});

	/** Serves `root` on `port` (0: any free port) until the next build replaces it. */
	async function serve(root: string, port = 0): Promise<string> {
		for (const s of servers.splice(0)) {
			s.closeAllConnections();
			await new Promise((done) => s.close(done));
		}
		const server = createStaticServer(root);
		servers.push(server);
		return listen(server, port);
	}

	it('waits, is offered as a new version, and takes over on Reload', async () => {
		// The next build: this one with another version, as a deploy of a changed site would have.
		const next = join(folder, 'build');
		cpSync('build', next, { recursive: true });
		const worker = readFileSync(join(next, 'service-worker.js'), 'utf8');
		expect(worker).toContain(buildVersion);
		const nextVersion = `${buildVersion}-next`;
		writeFileSync(join(next, 'service-worker.js'), worker.replaceAll(buildVersion, nextVersion));

		// Its own origin, so the first visit here installs afresh.
		const origin = await serve('build');
		const page = await session.context.newPage();
		const foreign = watchForeignRequests(page, origin);
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto(origin + '/');
		await waitForMap(page);
		await waitForControl(page);
		expect(await cacheNames(page)).toEqual([cacheName(buildVersion)]);
		const notice = page.getByRole('button', { name: 'Reload' });
		expect(await notice.count()).toBe(0);

		// Deploy: the same address now serves the next build. The next visit finds its worker,
		// which installs and waits while the old one keeps control.
		await serve(next, Number(new URL(origin).port));
		await page.reload();
		await waitForMap(page);
		await notice.waitFor({ timeout: 60_000 });
		expect(
			await page.getByRole('status').filter({ hasText: 'A new version of the atlas is ready' }).count()
		).toBe(1);
		expect(
			await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)
		).toBe(true);
		expect(await cacheNames(page)).toContain(cacheName(buildVersion));

		// Reload: the waiting worker takes over and the page reloads once, under the new version.
		const reloaded = page.waitForEvent('load');
		await notice.click();
		await reloaded;
		await waitForMap(page);
		await waitForControl(page);
		const registration = await page.evaluate(async () => {
			const r = await navigator.serviceWorker.getRegistration();
			return { active: r?.active?.state, waiting: !!r?.waiting };
		});
		expect(registration).toEqual({ active: 'activated', waiting: false });
		expect(await cacheNames(page)).toEqual([cacheName(nextVersion)]);
		expect(await notice.count()).toBe(0);

		expect(foreign).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});
});
