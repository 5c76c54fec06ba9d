/**
 * Real headless Chromium (Debian's package) for the end-to-end tests and the benchmark, driven by
 * playwright-core. WebGL runs on SwiftShader. Every host name except 127.0.0.1 resolves to nothing,
 * and the tests also record any request that leaves the page's origin.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string {
	const found = CANDIDATES.find((p): p is string => !!p && existsSync(p));
	if (!found)
		throw new Error(
			"Chromium not found: install Debian's `chromium` package (see .ci/run) or set CHROMIUM_PATH."
		);
	return found;
}

/**
 * `webgl: false` launches a Chromium that cannot create a WebGL context, as some machines are;
 * `devtoolsPort` opens its DevTools port on 127.0.0.1 (for Lighthouse, in the benchmark).
 */
export function launchBrowser({
	webgl = true,
	devtoolsPort
}: { webgl?: boolean; devtoolsPort?: number } = {}): Promise<Browser> {
	const graphics = webgl
		? ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist']
		: ['--disable-webgl', '--disable-webgl2', '--disable-3d-apis'];
	return chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: [
			'--no-sandbox',
			'--disable-dev-shm-usage',
			...graphics,
			...(devtoolsPort
				? [`--remote-debugging-port=${devtoolsPort}`, '--remote-debugging-address=127.0.0.1']
				: []),
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
			'--disable-quic',
			'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'
		]
	});
}

/** Records every request the page makes that is not to `origin` (data: and blob: are local). */
export function watchForeignRequests(page: Page, origin: string): string[] {
	const foreign: string[] = [];
	page.on('request', (req) => {
		const url = req.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (new URL(url).origin !== origin) foreign.push(url);
	});
	return foreign;
}

/** Waits until the atlas map has drawn its data and gone idle. */
export async function waitForMap(page: Page): Promise<void> {
	await page.waitForSelector('main[data-status="ready"]', { timeout: 45_000 });
}
