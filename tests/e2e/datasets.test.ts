/**
 * Bringing a dataset, in real headless Chromium with its real IndexedDB and the real import
 * worker: an ACLED-format CSV written here, with rows that must be rejected and awkward rows that
 * must import, is imported from the title bar's Datasets menu. The summary counts are right and
 * each rejection names its line and field; the events are drawn on the map (rendered features and
 * cluster leaves), listed, counted under a layer group of their own, cited as rows of the dataset
 * (markup shown as text); the group's toggle hides them; a reload keeps them (rebuilt from the
 * stored rows); removal removes them, also after a reload. A GeoJSON file as GDAL writes it and
 * the atlas's own export import too; hostile files (binary, truncated, a nesting bomb, 200 MB) get a
 * clear message and the page still works.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { acledCsv, type AcledRow } from '../support/acled-csv';
import { syntheticAcledCsv } from '../../src/lib/datasets/synthetic';
import { browserSession } from '../support/session';
import { waitForMap } from '../support/browser';

const session = browserSession();

const MARKUP = '<b>bold claim</b> and <img src=x onerror=alert(1)>';
const ROWS: AcledRow[] = [
	{ event_id_cnty: 'PAK1', notes: 'First line of the notes,\nsecond "quoted" line' },
	{ event_id_cnty: 'PAK2', notes: '=1+1' },
	{ event_id_cnty: 'PAK3', notes: MARKUP },
	{
		event_id_cnty: 'AFG4',
		country: 'Afghanistan',
		admin1: 'Kunar',
		location: 'اسعدآباد',
		latitude: '34.87',
		longitude: '71.15'
	},
	{ event_id_cnty: 'PAK5', notes: 'y'.repeat(100 * 1024) },
	{ event_id_cnty: 'PAK6', latitude: '' },
	{ event_id_cnty: 'PAK7', latitude: '33,0186' },
	{ event_id_cnty: 'PAK8', longitude: '270.5' },
	{ event_id_cnty: 'PAK9', event_date: 'sometime soon' }
];
const CSV = acledCsv(ROWS);
const FILE = 'e2e-acled.csv';
const DATASET = 'e2e-acled';

const menu = (page: Page) =>
	page.locator('details.header-menu', { has: page.locator('summary', { hasText: 'Datasets' }) });

async function openMenu(page: Page) {
	const m = menu(page);
	if (!(await m.evaluate((d) => (d as HTMLDetailsElement).open))) await m.locator('summary').click();
	return m;
}

async function openImport(page: Page) {
	const m = await openMenu(page);
	await m.getByRole('button', { name: 'Import a file…' }).click();
	const dialog = page.getByRole('dialog', { name: 'Import a dataset' });
	await dialog.waitFor();
	return dialog;
}

async function chooseFile(page: Page, name: string, content: string | Buffer, mimeType = 'text/csv') {
	const dialog = await openImport(page);
	await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
	return dialog;
}

/** The ids of the events of a dataset the map draws: symbols, and the leaves of clusters. */
const drawnIds = (page: Page, prefix: string) =>
	page.evaluate(async (prefix) => {
		const map = (window as any).atlas.map;
		await new Promise<void>((done) => (map.loaded() ? done() : map.once('idle', () => done())));
		const source = map.getSource('events');
		const ids = map.queryRenderedFeatures({ layers: ['events-symbol'] }).map((f: any) => f.properties.event);
		for (const c of map.queryRenderedFeatures({ layers: ['events-cluster'] }))
			for (const leaf of await source.getClusterLeaves(c.properties.cluster_id, Infinity, 0))
				ids.push(leaf.properties.event);
		return [...new Set(ids as string[])].filter((id) => id.startsWith(prefix)).sort();
	}, prefix);

const groupCount = (page: Page, group: string) =>
	page.locator(`#pane-layers li:has(input[data-group="${group}"]) .count`).textContent();

describe('importing an ACLED export', () => {
	it('accounts for every row, draws the imported events, keeps them over a reload and removes them', async () => {
		const page = await session.open('/');
		const dialog = await chooseFile(page, FILE, CSV);
		await dialog.getByRole('button', { name: `Import ${FILE}` }).click();
		const summary = dialog.locator('section.summary > h3');
		await summary.waitFor();
		expect(await summary.textContent()).toBe('5 imported, 4 rejected');

		const rejected = await dialog
			.locator('[role="region"] table tbody tr')
			.evaluateAll((rows) =>
				rows.map((r) => [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent!.trim()))
			);
		// Line numbers count the header as line 1 and the quoted newline of the first row.
		expect(rejected).toEqual([
			['8', 'latitude'],
			['9', 'latitude'],
			['10', 'longitude'],
			['11', 'event_date']
		]);
		await dialog.getByRole('button', { name: 'Close' }).click();

		// On the map, in the panel with its own group and count, and in the list.
		expect(await groupCount(page, DATASET)).toBe('5');
		const expected = [
			'e2e-acled-afg4',
			'e2e-acled-pak1',
			'e2e-acled-pak2',
			'e2e-acled-pak3',
			'e2e-acled-pak5'
		];
		await page.waitForFunction(() => (window as any).atlas.state.visibleEvents.length > 0);
		expect(await drawnIds(page, `${DATASET}-`)).toEqual(expected);

		// The row with markup is cited as a row of the dataset, its markup shown as text.
		await page.evaluate((id) => (window as any).atlas.state.select({ kind: 'event', id }), 'e2e-acled-pak3');
		const citation = page.locator(`#pane-details figure.citation[data-source="${DATASET}"]`);
		await citation.waitFor();
		expect(await citation.locator('blockquote').textContent()).toBe(`“${MARKUP}”`);
		expect(await citation.locator('img').count()).toBe(0);
		expect(await citation.locator('figcaption').textContent()).toBe(
			'row 4 of the dataset e2e-acled, ACLED, date not given.'
		);
		expect(await citation.getByRole('link', { name: 'Read in source' }).count()).toBe(0);
		await page.evaluate(() => (window as any).atlas.state.select(null));

		// The group's toggle hides them.
		await page.locator(`input[data-group="${DATASET}"]`).uncheck();
		expect(await drawnIds(page, `${DATASET}-`)).toEqual([]);
		await page.locator(`input[data-group="${DATASET}"]`).check();

		// A new visit (the selection moved the camera: start from the default view) rebuilds them
		// from the workspace.
		// It is saved once the map has drawn it (the Datasets menu says so meanwhile).
		await page.waitForFunction(() => !document.body.textContent!.includes('saving in this browser'));
		await page.goto(new URL('/', page.url()).href);
		await waitForMap(page);
		await page.locator(`input[data-group="${DATASET}"]`).waitFor();
		expect(await groupCount(page, DATASET)).toBe('5');
		expect(await drawnIds(page, `${DATASET}-`)).toEqual(expected);

		// Removal takes them off the map and out of the workspace.
		page.once('dialog', (d) => d.accept());
		await menu(page).locator('summary').click();
		await menu(page).getByRole('button', { name: 'Remove e2e-acled' }).click();
		await page.locator(`input[data-group="${DATASET}"]`).waitFor({ state: 'detached' });
		expect(await drawnIds(page, `${DATASET}-`)).toEqual([]);
		await page.reload();
		await waitForMap(page);
		await page.locator('.datasets[data-loaded="true"]').waitFor({ state: 'attached' });
		expect(await page.locator(`input[data-group="${DATASET}"]`).count()).toBe(0);
		await page.close();
	});
});

describe('a second tab', () => {
	it('shows a dataset imported in the first, and lets it go when it is removed there', async () => {
		const first = await session.open('/');
		const second = await session.open('/');
		// The second tab reads the datasets once its map is drawn, and then follows the other tabs.
		await second.locator('.datasets[data-loaded="true"]').waitFor({ state: 'attached' });
		const dialog = await chooseFile(
			first,
			'second-tab.csv',
			acledCsv([{ event_id_cnty: 'TAB1' }, { event_id_cnty: 'TAB2' }])
		);
		await dialog.getByRole('button', { name: 'Import second-tab.csv' }).click();
		await dialog.locator('section.summary > h3').waitFor();
		await dialog.getByRole('button', { name: 'Close' }).click();

		const group = second.locator('input[data-group="second-tab"]');
		await group.waitFor();
		expect(await groupCount(second, 'second-tab')).toBe('2');
		await second.waitForFunction(() =>
			(window as any).atlas.state.visibleEvents.some((e: any) => e.properties.id === 'second-tab-tab1')
		);

		first.once('dialog', (d) => d.accept());
		await (await openMenu(first)).getByRole('button', { name: 'Remove second-tab' }).click();
		await group.waitFor({ state: 'detached' });
		expect(
			await second.evaluate(() =>
				(window as any).atlas.state.visibleEvents.filter((e: any) =>
					e.properties.id.startsWith('second-tab-')
				)
			)
		).toEqual([]);
		await first.close();
		await second.close();
	});
});

describe('importing GeoJSON', () => {
	it('reads a file as GDAL writes it and the atlas’s own export', async () => {
		const page = await session.open('/');
		const gdal = JSON.stringify({
			type: 'FeatureCollection',
			name: 'border_events',
			crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
			features: [
				{
					type: 'Feature',
					properties: { id: 1, date: '2024-05-02', place: 'Chaman', note: 'Crossing closed' },
					geometry: { type: 'Point', coordinates: [66.45, 30.92] }
				},
				{
					type: 'Feature',
					properties: { id: 2, date: '2024-06-10', place: 'Torkham', note: 'Crossing reopened' },
					geometry: { type: 'Point', coordinates: [71.09, 34.13] }
				}
			]
		});
		let dialog = await chooseFile(page, 'border_events.geojson', gdal, 'application/geo+json');
		await dialog.getByRole('button', { name: 'Import border_events.geojson' }).click();
		await dialog.locator('section.summary > h3').waitFor();
		expect(await dialog.locator('section.summary > h3').textContent()).toBe('2 imported, 0 rejected');
		await dialog.getByRole('button', { name: 'Close' }).click();

		const own = await page.evaluate(() => fetch('/data/events.geojson').then((r) => r.text()));
		const count = JSON.parse(own).features.length as number;
		dialog = await chooseFile(page, 'events.geojson', own, 'application/geo+json');
		await dialog.getByRole('button', { name: 'Import events.geojson' }).click();
		await dialog.locator('section.summary > h3').waitFor();
		expect(await dialog.locator('section.summary > h3').textContent()).toMatch(
			new RegExp(`^${count} imported`)
		);
		await dialog.getByRole('button', { name: 'Close' }).click();
		// Each file is a layer group of its own; the re-imported export's events are the dataset's.
		expect(await groupCount(page, 'border-events')).toBe('2');
		expect(await groupCount(page, 'events')).toBe(String(count));
		await page.close();
	});
});

describe('a large dataset', () => {
	it('is listed a screenful at a time and filtered by time on the GPU', async () => {
		const page = await session.open('/');
		const rows = 1500;
		const dialog = await chooseFile(page, 'synthetic.csv', syntheticAcledCsv({ rows, seed: 3 }).text);
		await dialog.getByRole('button', { name: 'Import synthetic.csv' }).click();
		const summary = dialog.locator('section.summary > h3');
		await summary.waitFor();
		expect(await summary.textContent()).toBe('1,500 imported, 0 rejected');
		await dialog.getByRole('button', { name: 'Close' }).click();

		// The list says how many are in view, renders a screenful, and each row its place in the whole.
		// (The list starts below the layer panel: only rows scrolled near are rendered.)
		await page.locator('#list-title').scrollIntoViewIfNeeded();
		const rowsShown = page.locator('#events-list li[aria-setsize]');
		await rowsShown.first().waitFor();
		const inView = Number(await rowsShown.first().getAttribute('aria-setsize'));
		expect(inView).toBeGreaterThan(1000);
		expect(await page.locator('#events-list .status').textContent()).toContain(`${inView} events of`);
		expect(await page.locator('#events-list li').count()).toBeLessThan(100);
		// Scrolled to the end, the last rows are there, and a row still selects its event.
		// (Rows are measured as they are rendered, so the end moves until all near it are measured.)
		const last = page.locator(`#events-list li[aria-posinset="${inView}"]`);
		await expect
			.poll(
				async () => {
					await page.locator('#sidebar').evaluate((el) => el.scrollTo(0, el.scrollHeight));
					return last.count();
				},
				{ timeout: 10_000 }
			)
			.toBe(1);
		await last.locator('button.event-row').click();
		expect(await page.evaluate(() => (window as any).atlas.state.selection?.kind)).toBe('event');
		await page.evaluate(() => (window as any).atlas.state.select(null));

		// A month's window: the layers filter on the GPU by day number, and every point drawn is in it.
		await page.evaluate(
			() => ((window as any).atlas.state.timeWindow = { from: '2024-03-01', to: '2024-03-31' })
		);
		const [from, to] = [19783, 19813]; // 1 and 31 March 2024, in days since 1970
		const drawn = await page.evaluate(async () => {
			const map = (window as any).atlas.map;
			await new Promise<void>((done) => {
				const check = () => (map.loaded() ? done() : requestAnimationFrame(check));
				requestAnimationFrame(check);
			});
			return {
				filter: map.getFilter('events-symbol'),
				points: map
					.queryRenderedFeatures({ layers: ['events-symbol'] })
					.map((f: any) => [f.properties.first, f.properties.last]),
				clusters: map
					.queryRenderedFeatures({ layers: ['events-cluster'] })
					.map((f: any) => [f.properties.first, f.properties.last])
			};
		});
		expect(drawn.filter).toEqual(
			expect.arrayContaining([
				['<=', ['get', 'first'], to],
				['>=', ['get', 'last'], from]
			])
		);
		expect(drawn.points.length + drawn.clusters.length).toBeGreaterThan(0);
		for (const [first, last] of [...drawn.points, ...drawn.clusters]) {
			expect(first).toBeLessThanOrEqual(to);
			expect(last).toBeGreaterThanOrEqual(from);
		}
		// The list follows: about a month's share of the year, short enough to be rendered whole.
		const listed = Number(
			/^(\d+) events? of/.exec((await page.locator('#events-list .status').textContent())!)![1]
		);
		expect(listed).toBeLessThan(inView / 5);
		expect(await page.locator('#events-list li').count()).toBe(listed);

		page.once('dialog', (d) => d.accept());
		await (await openMenu(page)).getByRole('button', { name: 'Remove synthetic' }).click();
		await page.locator('input[data-group="synthetic"]').waitFor({ state: 'detached' });
		await page.close();
	});
});

describe('hostile files', () => {
	it('each get a clear message, and the page still answers', async () => {
		const page = await session.open('/');
		const bomb = '['.repeat(100000) + ']'.repeat(100000);
		const cases: [string, string | Buffer, RegExp][] = [
			[
				'binary.csv',
				Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)),
				/binary|not text|not a text/i
			],
			['truncated.geojson', '{"type":"FeatureCollection","features":[{"type":"Feature"', /JSON|GeoJSON/],
			['bomb.geojson', bomb, /JSON|GeoJSON|nest|deep/i]
		];
		for (const [name, content, message] of cases) {
			const dialog = await chooseFile(page, name, content, 'application/octet-stream');
			const alert = dialog.locator('.error');
			await alert.waitFor();
			expect(await alert.textContent(), name).toMatch(message);
			expect(await page.evaluate(() => 1 + 1)).toBe(2);
			await dialog.getByRole('button', { name: 'Close' }).click();
		}

		// 200 MB of GeoJSON is refused by its size before it is parsed. (Its first 256 KB are text, so
		// that the check for binary bytes passes; the rest is a sparse run of zeros, not on disk.)
		const folder = mkdtempSync(join(tmpdir(), 'atlas-hostile-'));
		const huge = join(folder, 'huge.geojson');
		writeFileSync(huge, '{"type":"FeatureCollection","features":[' + ' '.repeat(256 * 1024));
		truncateSync(huge, 200_000_000);
		try {
			const dialog = await openImport(page);
			await dialog.locator('input[type="file"]').setInputFiles(huge);
			const alert = dialog.locator('.error');
			await alert.waitFor();
			expect(await alert.textContent()).toMatch(/too large to import: it is 200(\.0)? MB/);
			expect(await page.evaluate(() => 1 + 1)).toBe(2);
			await dialog.getByRole('button', { name: 'Close' }).click();
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
		await page.close();
	});
});
