/**
 * The one browser-session harness of the end-to-end tests: `browserSession()` registers the setup
 * and teardown of a test file (the built site served, one Chromium, one context), and `open()`
 * gives a fresh page that records every request off the site's origin and every uncaught error.
 *
 * After the file's last test, the harness itself asserts that no page of the file made a request
 * off the origin or threw an uncaught error: the check runs for every file, whatever its tests do.
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, waitForMap, watchForeignRequests } from './browser';
import { serveBuild } from './site';

export interface SessionOptions {
	viewport?: { width: number; height: number };
	/** False: Chromium without WebGL, as on a locked-down machine (the map cannot be drawn). */
	webgl?: boolean;
	/** More options for the browser context (reduced motion, touch, a locale…). */
	context?: BrowserContextOptions;
	/** Console errors are failures too, unless they match one of these (expected in this file). */
	allowConsoleErrors?: RegExp[];
	/**
	 * The atlas's service worker: blocked by default, so that no file's pages are answered from a
	 * cache another test filled; 'allow' in the tests of working offline.
	 */
	serviceWorkers?: 'allow' | 'block';
}

export interface BrowserSession {
	readonly origin: string;
	readonly context: BrowserContext;
	/** Opens a page at `path` on the site; waits for the atlas map to be ready unless told not to. */
	open(path: string, options?: { map?: boolean }): Promise<Page>;
	/** Every request any page made off the site's origin, so far. */
	foreignRequests(): string[];
	/** Every uncaught error (and unexpected console error) any page produced, so far. */
	pageErrors(): string[];
}

export function browserSession(options: SessionOptions = {}): BrowserSession {
	const { viewport = { width: 1280, height: 800 }, webgl = true, allowConsoleErrors = [] } = options;
	let browser: Browser;
	let context: BrowserContext;
	let site: Awaited<ReturnType<typeof serveBuild>>;
	const foreign: string[][] = [];
	const errors: string[] = [];

	beforeAll(async () => {
		site = await serveBuild();
		browser = await launchBrowser({ webgl });
		context = await browser.newContext({
			viewport,
			serviceWorkers: options.serviceWorkers ?? 'block',
			...options.context
		});
	});

	afterAll(async () => {
		try {
			expect(foreign.flat(), 'requests off the site’s origin').toEqual([]);
			expect(errors, 'uncaught errors in the pages').toEqual([]);
		} finally {
			await browser?.close();
			await site?.close();
		}
	});

	return {
		get origin() {
			return site.origin;
		},
		get context() {
			return context;
		},
		async open(path, { map = true } = {}) {
			const page = await context.newPage();
			foreign.push(watchForeignRequests(page, site.origin));
			page.on('pageerror', (e) => errors.push(e.message));
			page.on('console', (m) => {
				if (m.type() !== 'error') return;
				const text = m.text();
				if (!allowConsoleErrors.some((r) => r.test(text))) errors.push(`console: ${text}`);
			});
			await page.goto(site.origin + path);
			if (map) await waitForMap(page);
			return page;
		},
		foreignRequests: () => foreign.flat(),
		pageErrors: () => [...errors]
	};
}
