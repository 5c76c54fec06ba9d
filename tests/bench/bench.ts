/**
 * `npm run bench`: page load → map idle for the built app and for a bare MapLibre page showing the
 * same bundled boundaries, measured alternately in the same headless Chromium in one run; then
 * Lighthouse's desktop preset on both (largest contentful paint, total blocking time). Prints the
 * medians and the ratios, and the JavaScript the main page ships (gzip) next to maplibre-gl's.
 * Needs a built site (`npm run build`); builds the baseline page itself.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { launchBrowser } from '../support/browser.ts';
import { lighthouseSample, type LighthouseSample } from './lighthouse.ts';
import { benchDecks } from './decks.ts';
import { benchScale, writeScaleData } from './scale.ts';
import { createStaticServer, listen } from '../../src/lib/server/static/server.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const DEVTOOLS_PORT = 9333;
/** Which sections to run: `BENCH_SECTIONS=scale npm run bench` runs the scale section alone. */
const SECTIONS = new Set((process.env.BENCH_SECTIONS ?? 'load,decks,scale').split(','));
const APP = 'build';
const BASELINE = join('node_modules', '.cache', 'bench-baseline');

if (!existsSync(join(APP, 'index.html'))) {
	console.error('No built site: run `npm run build` first.');
	process.exit(1);
}

await build({
	configFile: false,
	logLevel: 'warn',
	root: resolve('tests/bench/baseline'),
	base: './',
	build: {
		outDir: resolve(BASELINE),
		emptyOutDir: true,
		target: 'es2022',
		chunkSizeWarningLimit: 1200,
		rollupOptions: {
			input: {
				index: resolve('tests/bench/baseline/index.html'),
				points: resolve('tests/bench/baseline/points.html')
			}
		}
	}
});
// The same bundled files as the app: boundaries, rivers and the relief image.
copyFileSync(join('geodata', 'basemap.topo.json'), join(BASELINE, 'basemap.topo.json'));
mkdirSync(join(BASELINE, 'data'), { recursive: true });
copyFileSync(join('geodata', 'rivers.topo.json'), join(BASELINE, 'data', 'rivers.topo.json'));
mkdirSync(join(BASELINE, 'terrain'), { recursive: true });
copyFileSync(join('static', 'terrain', 'relief.png'), join(BASELINE, 'terrain', 'relief.png'));
const scaleCsv = SECTIONS.has('scale') ? writeScaleData(BASELINE) : '';

const sites = {
	app: await listen(createStaticServer(APP)),
	baseline: await listen(createStaticServer(BASELINE))
};
const browser = await launchBrowser({ devtoolsPort: DEVTOOLS_PORT });

interface Sample {
	idle: number;
	scripts: string[];
}

async function measure(origin: string): Promise<Sample> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(origin + '/');
	await page.waitForFunction(() => performance.getEntriesByName('atlas:map-idle').length > 0, null, {
		timeout: 60_000
	});
	const sample = await page.evaluate(() => ({
		idle: performance.getEntriesByName('atlas:map-idle')[0]!.startTime,
		scripts: performance
			.getEntriesByType('resource')
			.map((e) => new URL(e.name).pathname)
			.filter((p) => /\.m?js$/.test(p))
	}));
	await context.close();
	return sample;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const gz = (path: string) => gzipSync(readFileSync(path)).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

if (SECTIONS.has('load')) {
	// One warm-up each (compiles shaders, fills the OS file cache), then alternate.
	await measure(sites.app);
	await measure(sites.baseline);
	const times = { app: [] as number[], baseline: [] as number[] };
	let appScripts: string[] = [];
	for (let i = 0; i < RUNS; i++) {
		for (const name of ['app', 'baseline'] as const) {
			const s = await measure(sites[name]);
			times[name].push(s.idle);
			if (name === 'app') appScripts = s.scripts;
		}
	}
	// Lighthouse (desktop preset), alternating too.
	const lh = { app: [] as LighthouseSample[], baseline: [] as LighthouseSample[] };
	for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
		for (const name of ['app', 'baseline'] as const) {
			lh[name].push(await lighthouseSample(sites[name] + '/', DEVTOOLS_PORT));
		}
	}

	const app = median(times.app);
	const baseline = median(times.baseline);
	const shipped = [...new Set(appScripts)]
		.map((p) => join(APP, p))
		.filter((p) => existsSync(p) && statSync(p).isFile());
	const appJs = shipped.reduce((sum, p) => sum + gz(p), 0);
	const maplibreJs =
		gz('node_modules/maplibre-gl/dist/maplibre-gl.mjs') +
		gz('node_modules/maplibre-gl/dist/maplibre-gl-shared.mjs');
	const maplibreWorker = gz('node_modules/maplibre-gl/dist/maplibre-gl-worker.mjs');

	console.log(`\nPage load → map idle, median of ${RUNS} runs each (headless Chromium, SwiftShader WebGL)`);
	console.log(`  app       ${app.toFixed(0)} ms   [${times.app.map((t) => t.toFixed(0)).join(', ')}]`);
	console.log(
		`  baseline  ${baseline.toFixed(0)} ms   [${times.baseline.map((t) => t.toFixed(0)).join(', ')}]`
	);
	console.log(`  ratio     ${(app / baseline).toFixed(2)}× (app / bare MapLibre page; aim ≤ 1.10×)`);
	const lcp = { app: median(lh.app.map((s) => s.lcp)), baseline: median(lh.baseline.map((s) => s.lcp)) };
	const tbt = { app: median(lh.app.map((s) => s.tbt)), baseline: median(lh.baseline.map((s) => s.tbt)) };
	const ms = (xs: LighthouseSample[], key: 'lcp' | 'tbt') => xs.map((s) => s[key].toFixed(0)).join(', ');
	console.log(`\nLighthouse desktop preset, median of ${LIGHTHOUSE_RUNS} runs each`);
	console.log(
		`  largest contentful paint  app ${lcp.app.toFixed(0)} ms [${ms(lh.app, 'lcp')}], baseline ${lcp.baseline.toFixed(0)} ms [${ms(lh.baseline, 'lcp')}], ratio ${(lcp.app / lcp.baseline).toFixed(2)}× (aim ≤ 1.10×)`
	);
	console.log(
		`  total blocking time       app ${tbt.app.toFixed(0)} ms [${ms(lh.app, 'tbt')}], baseline ${tbt.baseline.toFixed(0)} ms [${ms(lh.baseline, 'tbt')}], ratio ${(tbt.app / tbt.baseline).toFixed(2)}× (aim ≤ 1.10×)`
	);
	console.log(`  largest paint: app ${lh.app[0]?.lcpElement}; baseline ${lh.baseline[0]?.lcpElement}`);
	console.log(`\nJavaScript shipped by the main page (gzip): ${kb(appJs)} in ${shipped.length} files`);
	console.log(
		`  of which maplibre-gl itself: ${kb(maplibreJs)} (+ worker ${kb(maplibreWorker)}, counted above when loaded)`
	);
}
// In a browser of its own: Lighthouse has driven this one.
if (SECTIONS.has('decks')) await benchDecks({ origin: sites.app });
if (SECTIONS.has('scale'))
	await benchScale({ browser, appOrigin: sites.app, baselineOrigin: sites.baseline, csvPath: scaleCsv });
await browser.close();
process.exit(0);
