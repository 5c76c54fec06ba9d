/**
 * One browser per test file against the built site: `browserSession()` registers the setup and
 * teardown, `open()` gives a fresh page that records requests off the origin and page errors.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, waitForMap, watchForeignRequests } from './browser';
import { serveBuild } from './site';

export interface BrowserSession {
	readonly origin: string;
	/** Opens a page at `path` on the site; waits for the map unless told not to. */
	open(path: string, options?: { map?: boolean }): Promise<Page>;
	/** Every request any page made off the site's origin, so far. */
	foreignRequests(): string[];
	/** Every uncaught error any page threw, so far. */
	pageErrors(): string[];
}

export function browserSession(viewport = { width: 1280, height: 800 }): BrowserSession {
	let browser: Browser;
	let context: BrowserContext;
	let site: Awaited<ReturnType<typeof serveBuild>>;
	const foreign: string[][] = [];
	const errors: string[] = [];

	beforeAll(async () => {
		site = await serveBuild();
		browser = await launchBrowser();
		context = await browser.newContext({ viewport });
	});

	afterAll(async () => {
		await browser?.close();
		await site?.close();
	});

	return {
		get origin() {
			return site.origin;
		},
		async open(path, { map = true } = {}) {
			const page = await context.newPage();
			foreign.push(watchForeignRequests(page, site.origin));
			page.on('pageerror', (e) => errors.push(e.message));
			await page.goto(site.origin + path);
			if (map) await waitForMap(page);
			return page;
		},
		foreignRequests: () => foreign.flat(),
		pageErrors: () => [...errors]
	};
}
