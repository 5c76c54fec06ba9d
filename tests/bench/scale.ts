/**
 * The scale section of `npm run bench`: a seeded synthetic ACLED-format CSV (100,000 rows by
 * default, made here and never committed) imported into the atlas through the Datasets menu, as a
 * user imports it, beside a bare MapLibre page (baseline/points.html) that loads the same points as
 * one clustered GeoJSON source. Each side runs in fresh browser contexts, alternately:
 *
 * - import → idle: from the file chosen to the map idle with every event drawn (the app), against
 *   page load → idle with every point drawn (the bare page);
 * - heap: the page's JavaScript heap after a garbage collection, once drawn;
 * - pan: frames per second while the map pans across the region for two seconds;
 * - time window: from a change of the time window (one month, then another) to the map idle.
 *
 * Prints the medians and the ratios (aims: import ≤ 1.5× the bare page's load, pan fps ≥ the bare
 * page's). `BENCH_SCALE_ROWS` and `BENCH_SCALE_RUNS` change the size and the number of runs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { syntheticAcledCsv } from '../../src/lib/datasets/synthetic.ts';

export const SCALE_ROWS = Number(process.env.BENCH_SCALE_ROWS ?? 100_000);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 3);
const FILE = 'synthetic-acled.csv';
/** Two one-month windows the time filter switches between (the synthetic rows span 2024). */
const WINDOWS = [
	{ from: '2024-03-01', to: '2024-03-31' },
	{ from: '2024-08-01', to: '2024-08-31' }
];
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/**
 * Writes the synthetic CSV into `dir` (a file, as a user picks one: the browser is given its path)
 * and the same rows as the GeoJSON points the bare page loads; returns the CSV's path.
 */
export function writeScaleData(dir: string, rows = SCALE_ROWS): string {
	const { text } = syntheticAcledCsv({ rows, seed: 7 });
	const csvPath = join(dir, FILE);
	writeFileSync(csvPath, text);
	const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
	const features = parsed.data.map((r) => ({
		type: 'Feature' as const,
		geometry: { type: 'Point' as const, coordinates: [Number(r.longitude), Number(r.latitude)] },
		properties: { day: dayNumber(r.event_date!) }
	}));
	writeFileSync(join(dir, 'points.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
	return csvPath;
}

interface ScaleSample {
	/** ms from the file chosen (app) or navigation start (bare page) to the map idle, all drawn. */
	toIdle: number;
	heapMb: number;
	fps: number;
	/** ms from a time-window change to the map idle, per change. */
	windowChange: number[];
}

/** Where each page keeps its map (the page's CSP allows no eval, so no code is passed as text). */
type Side = 'atlas' | 'bench';

/**
 * In the page: applies a time window (the atlas's state, or the bare page's own filter), or
 * nothing, and resolves with the time once the map has finished a frame with nothing left to load.
 */
function windowToIdle(page: Page, side: Side, w?: { from: string; to: string }): Promise<number> {
	return page.evaluate(
		async ({ side, w }) => {
			const host = (window as any)[side];
			const start = performance.now();
			if (w && side === 'atlas') host.state.timeWindow = w;
			else if (w)
				host.setWindow(Date.parse(`${w.from}T00:00:00Z`) / 864e5, Date.parse(`${w.to}T00:00:00Z`) / 864e5);
			await new Promise((r) => requestAnimationFrame(r));
			await new Promise<void>((done) => {
				const check = () =>
					host.map.loaded() && !host.map.isMoving() ? done() : requestAnimationFrame(check);
				check();
			});
			return performance.now() - (w ? start : 0);
		},
		{ side, w }
	);
}

/** In the page: frames drawn per second while the map pans east and back for two seconds. */
async function panFps(page: Page, side: Side): Promise<number> {
	return page.evaluate(
		async ({ side }) => {
			const map = (window as any)[side].map;
			let frames = 0;
			let running = true;
			const count = () => {
				frames++;
				if (running) requestAnimationFrame(count);
			};
			const start = performance.now();
			requestAnimationFrame(count);
			for (const dx of [400, -400]) {
				map.panBy([dx, 0], { duration: 1000, easing: (t: number) => t });
				await new Promise((done) => map.once('moveend', done));
			}
			running = false;
			return frames / ((performance.now() - start) / 1000);
		},
		{ side }
	);
}

async function heapMb(page: Page): Promise<number> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	await cdp.detach();
	return usedSize / 2 ** 20;
}

async function appSample(browser: Browser, origin: string, csvPath: string): Promise<ScaleSample> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	try {
		await page.goto(origin + '/');
		await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, null, {
			timeout: 60_000
		});
		const menu = page.locator('details.header-menu', {
			has: page.locator('summary', { hasText: 'Datasets' })
		});
		await menu.locator('summary').click();
		await menu.getByRole('button', { name: 'Import a file…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Import a dataset' });
		const input = dialog.locator('input[type="file"]');
		await input.waitFor({ state: 'attached' });
		// The clock starts when the page is told of the file (the input's change event), not when
		// the test harness starts handing the browser a file of tens of megabytes.
		await input.evaluate((el) =>
			el.addEventListener('change', () => performance.mark('bench:file-chosen'), {
				capture: true,
				once: true
			})
		);
		await input.setInputFiles(csvPath);
		const chosen = await page.evaluate(() => performance.getEntriesByName('bench:file-chosen')[0]!.startTime);
		await dialog.getByRole('button', { name: `Import ${FILE}` }).click({ timeout: 120_000 });
		await dialog.locator('section.summary > h3').waitFor({ timeout: 300_000 });
		await dialog.getByRole('button', { name: 'Close' }).click();
		await page.waitForFunction(
			(rows) => (window as any).atlas.state.visibleEvents.length >= rows,
			SCALE_ROWS,
			{
				timeout: 300_000
			}
		);
		const idle = await windowToIdle(page, 'atlas');
		const heap = await heapMb(page);
		const fps = await panFps(page, 'atlas');
		const windowChange: number[] = [];
		for (const w of WINDOWS) windowChange.push(await windowToIdle(page, 'atlas', w));
		return { toIdle: idle - chosen, heapMb: heap, fps, windowChange };
	} finally {
		await context.close();
	}
}

async function bareSample(browser: Browser, origin: string): Promise<ScaleSample> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	try {
		await page.goto(origin + '/points.html');
		await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, null, {
			timeout: 120_000
		});
		const idle = await page.evaluate(() => performance.getEntriesByName('atlas:map-idle')[0]!.startTime);
		const heap = await heapMb(page);
		const fps = await panFps(page, 'bench');
		const windowChange: number[] = [];
		for (const w of WINDOWS) windowChange.push(await windowToIdle(page, 'bench', w));
		return { toIdle: idle, heapMb: heap, fps, windowChange };
	} finally {
		await context.close();
	}
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function benchScale({
	browser,
	appOrigin,
	baselineOrigin,
	csvPath
}: {
	browser: Browser;
	appOrigin: string;
	baselineOrigin: string;
	/** The CSV `writeScaleData` wrote the bare page's points from. */
	csvPath: string;
}): Promise<void> {
	const app: ScaleSample[] = [];
	const bare: ScaleSample[] = [];
	for (let i = 0; i < RUNS; i++) {
		app.push(await appSample(browser, appOrigin, csvPath));
		bare.push(await bareSample(browser, baselineOrigin));
	}
	const row = (label: string, pick: (s: ScaleSample) => number, unit: string, digits = 0) => {
		const a = median(app.map(pick));
		const b = median(bare.map(pick));
		const list = (xs: ScaleSample[]) => xs.map((s) => pick(s).toFixed(digits)).join(', ');
		console.log(
			`  ${label.padEnd(26)} app ${a.toFixed(digits)} ${unit} [${list(app)}], bare ${b.toFixed(digits)} ${unit} [${list(bare)}], ratio ${(a / b).toFixed(2)}×`
		);
	};
	const rows = SCALE_ROWS.toLocaleString('en-GB');
	console.log(
		`\nScale: ${rows} synthetic ACLED rows, median of ${RUNS} runs each (bare: clustered GeoJSON page)`
	);
	row('import → idle (aim ≤ 1.5×)', (s) => s.toIdle, 'ms');
	row('heap after drawing', (s) => s.heapMb, 'MB', 1);
	row('pan fps (aim ≥ 1.0×)', (s) => s.fps, 'fps', 1);
	row('time window → idle', (s) => median(s.windowChange), 'ms');
}
