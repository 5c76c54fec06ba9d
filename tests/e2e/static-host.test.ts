/**
 * The build on hosts other than `npm start`: every kind of page, loaded in real headless
 * Chromium from a plain static file server (tests/support/plain-server.ts: no redirects, no
 * `.html` guessing, no 404 page) at its trailing-slash address, renders its heading with no page
 * error and no failed request; an in-app link works there too. And on the project's own server:
 * every page with and without its trailing slash has all its assets, and an unknown address gets
 * the 404 page, which names it as text and leads back to the map.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, waitForMap, watchForeignRequests } from '../support/browser';
import { createPlainServer } from '../support/plain-server';
import { serveBuild } from '../support/site';
import { assetUrls } from '../support/page-assets';
import { listen } from '../../src/lib/server/static/server.ts';
import type { Deck } from '../../src/lib/schema/briefing';

if (!existsSync('build/index.html')) throw new Error('no built site in build: run npm run build');

const sourceId = readdirSync('geodata/sources')
	.filter((f) => f.endsWith('.json'))
	.sort()[0]!
	.replace(/\.json$/, '');
const sourceTitle = (
	JSON.parse(readFileSync(`geodata/sources/${sourceId}.json`, 'utf8')) as { title: string }
).title;
const deck = JSON.parse(
	readFileSync(`geodata/briefings/${readdirSync('geodata/briefings').sort()[0]}`, 'utf8')
) as Deck;
const scene = deck.scenes[0]!;

/** Every kind of page, at its address, with the heading it must show. */
const PAGES: { kind: string; path: string; heading: string | RegExp; map?: boolean }[] = [
	{ kind: 'the atlas', path: '/', heading: 'Frontier Atlas', map: true },
	{ kind: 'the list of sources', path: '/sources/', heading: 'Sources' },
	{ kind: 'a source', path: `/sources/${sourceId}/`, heading: sourceTitle },
	{ kind: 'the list of briefings', path: '/briefing/', heading: 'Briefings' },
	{ kind: 'a deck', path: `/briefing/${deck.id}/`, heading: deck.title },
	{ kind: 'a scene', path: `/briefing/${deck.id}/${scene.id}/`, heading: scene.title },
	{ kind: 'the handout', path: `/briefing/${deck.id}/print/`, heading: new RegExp(escapeRegExp(deck.title)) }
];

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
	browser = await launchBrowser();
	context = await browser.newContext({ viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
});

afterAll(async () => {
	await browser?.close();
});

/** A page that records its errors, its failed requests and its requests off `origin`. */
async function openPage(origin: string, path: string) {
	const page = await context.newPage();
	const errors: string[] = [];
	const failed: string[] = [];
	const foreign = watchForeignRequests(page, origin);
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('requestfailed', (req) => failed.push(`${req.url()} (${req.failure()?.errorText})`));
	page.on('response', (res) => {
		if (res.status() >= 400) failed.push(`${res.url()} (${res.status()})`);
	});
	const response = await page.goto(origin + path);
	return { page, response, errors, failed, foreign };
}

const heading = (page: Page) => page.locator('h1').first();

describe('on a plain static file server', () => {
	let server: Server;
	let origin: string;

	beforeAll(async () => {
		server = createPlainServer('build');
		origin = await listen(server);
	});

	afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

	it.each(PAGES)(
		'$kind ($path) renders with no error and no failed request',
		async ({ path, heading: text, map }) => {
			const { page, response, errors, failed, foreign } = await openPage(origin, path);
			try {
				expect(response?.status()).toBe(200);
				if (map) await waitForMap(page);
				await expect
					.poll(() => heading(page).textContent(), { timeout: 30_000 })
					.toMatch(typeof text === 'string' ? new RegExp(`^\\s*${escapeRegExp(text)}\\s*$`) : text);
				// Hydrated: SvelteKit's client has started (its router handles links from here on).
				await page.waitForFunction(
					() => document.querySelector('body')?.dataset.sveltekitPreloadData !== undefined
				);
				expect(errors).toEqual([]);
				expect(failed).toEqual([]);
				expect(foreign).toEqual([]);
			} finally {
				await page.close();
			}
		}
	);

	it('follows an in-app link from the atlas to the sources and on to one source', async () => {
		const { page, errors, failed } = await openPage(origin, '/');
		try {
			await waitForMap(page);
			await page.getByRole('link', { name: 'Sources', exact: true }).click();
			await page.waitForURL(`${origin}/sources/`);
			await expect.poll(() => heading(page).textContent()).toMatch(/^\s*Sources\s*$/);
			await page.getByRole('link', { name: sourceTitle }).first().click();
			await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toContain(sourceTitle);
			expect(new URL(page.url()).pathname).toBe(`/sources/${sourceId}/`);
			expect(errors).toEqual([]);
			expect(failed).toEqual([]);
		} finally {
			await page.close();
		}
	});
});

describe('on the own server', () => {
	let site: Awaited<ReturnType<typeof serveBuild>>;

	beforeAll(async () => {
		site = await serveBuild();
	});

	afterAll(() => site?.close());

	it.each(PAGES.filter((p) => p.path !== '/'))(
		'$kind loads with and without its trailing slash, with every asset it names',
		async ({ path }) => {
			for (const address of [path, path.slice(0, -1)]) {
				const res = await fetch(site.origin + address);
				expect(res.status, address).toBe(200);
				expect(new URL(res.url).pathname).toBe(path);
				const assets = assetUrls(await res.text(), res.url);
				expect(assets.some((url) => url.includes('/_app/immutable/'))).toBe(true);
				for (const url of assets) expect((await fetch(url)).status, url).toBe(200);
			}
		}
	);

	it.each([
		'/data/places.geojson',
		'/data/events.geojson',
		'/data/places.csv',
		'/data/events.csv',
		'/data/basemap.topo.json',
		`/data/briefings/${deck.id}.json`
	])('serves %s under its exact name', async (path) => {
		expect(existsSync(`build${path}`)).toBe(true);
		const res = await fetch(site.origin + path, { redirect: 'manual' });
		expect(res.status).toBe(200);
	});

	it.each([
		['an unknown page', '/no/such/page/'],
		['an unknown source', '/sources/no-such-source/'],
		['an address with markup in it', '/<img src=x onerror=alert(1)>/<script>alert(2)</script>']
	])('answers %s with the 404 page, which names it as text and leads back to the map', async (_, path) => {
		const { page, response, errors } = await openPage(site.origin, path);
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs++;
			void dialog.dismiss();
		});
		try {
			expect(response?.status()).toBe(404);
			await expect.poll(() => heading(page).textContent(), { timeout: 30_000 }).toBe('Page not found');
			// The address as text (SvelteKit's router adds the trailing slash to it, as to any page).
			const asked = decodeURIComponent(new URL(page.url()).pathname);
			expect(asked.replace(/\/$/, '')).toBe(
				decodeURIComponent(new URL(site.origin + path).pathname).replace(/\/$/, '')
			);
			expect(await page.locator('code.asked').textContent()).toBe(asked);
			expect(await page.locator('main img, main script').count()).toBe(0);
			expect(dialogs).toBe(0);
			await page.getByRole('link', { name: 'Back to the map' }).click();
			await waitForMap(page);
			expect(new URL(page.url()).pathname).toBe('/');
			expect(errors).toEqual([]);
		} finally {
			await page.close();
		}
	});
});
