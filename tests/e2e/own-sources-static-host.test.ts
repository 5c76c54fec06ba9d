/**
 * The own-source pages on the plainest static host (tests/support/plain-server.ts: files only, no
 * rewrites), with the site in a sub-folder (`/atlas/`), as a user might publish it: from the list
 * of sources to "Add a source", a PDF opened (PDF.js and its worker come from the site itself),
 * saved, and its reader at `/atlas/sources/mine/?source=<id>`, with no page error, no failed
 * request and no request off the site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { launchBrowser, watchForeignRequests } from '../support/browser';
import { createPlainServer } from '../support/plain-server';
import { buildPdf, textPage } from '../support/minimal-pdf';
import { describeSource } from '../support/own-source-steps';
import { listen } from '../../src/lib/server/static/server.ts';

if (!existsSync('build/index.html')) throw new Error('no built site in build: run npm run build');

const LINE = 'Talks on the Torkham crossing resumed in Jalalabad on Monday, officials said.';

let browser: Browser;
let server: Server;
let origin: string;
let root: string;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'atlas-host-'));
	symlinkSync(resolve('build'), join(root, 'atlas'));
	server = createPlainServer(root);
	origin = await listen(server);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await new Promise<void>((ok) => server?.close(() => ok()));
	rmSync(root, { recursive: true, force: true });
});

describe('own sources on a plain static host, in a sub-folder', () => {
	it('adds a PDF source and opens its reader', async () => {
		const context = await browser.newContext({
			viewport: { width: 1280, height: 800 },
			serviceWorkers: 'block'
		});
		const page = await context.newPage();
		const errors: string[] = [];
		const failed: string[] = [];
		const foreign = watchForeignRequests(page, origin);
		page.on('pageerror', (e) => errors.push(e.message));
		page.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
		page.on('response', (r) => {
			if (r.status() >= 400) failed.push(`${r.url()} (${r.status()})`);
		});
		try {
			await page.goto(`${origin}/atlas/sources/`);
			await page.getByRole('link', { name: 'Add a source' }).click();
			await page.waitForURL(`${origin}/atlas/sources/new/`);
			await page.getByLabel(/^Open a file/).setInputFiles({
				name: 'talks.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from(buildPdf([textPage(LINE)]))
			});
			await page.getByText('1 paragraph from talks.pdf (1 pages).').waitFor({ timeout: 30_000 });
			await describeSource(page, '2025-03-03');
			await page.getByRole('button', { name: 'Save the source' }).click();
			await page.waitForURL(/\/atlas\/sources\/mine\/\?source=frontier-wire-2025-03$/);
			await page.locator('#p1 .text').getByText('Torkham').waitFor();
			expect(await page.locator('#p1 .text').textContent()).toBe(LINE);
			await page.locator('.proposals li', { hasText: 'Jalalabad' }).waitFor();
			expect(errors).toEqual([]);
			expect(failed).toEqual([]);
			expect(foreign).toEqual([]);
		} finally {
			await context.close();
		}
	});
});
