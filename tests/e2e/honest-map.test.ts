/**
 * What the map says, honestly, in real headless Chromium: events known only to a whole area are
 * never drawn as points (nor counted in clusters) and have their own way in; the border is named
 * and its status explained; names in the region's scripts are drawn; relief and rivers switch on
 * and off; and the evidence filter narrows every view and the link.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserSession } from '../support/session';
import type { EventsCollection } from '../../src/lib/schema/exported';

const session = browserSession();
const events = (JSON.parse(readFileSync('build/data/events.geojson', 'utf8')) as EventsCollection).features;

/** Evaluates an expression over the page's MapLibre map (public API only); promises are awaited. */
const mapCall = <T>(page: Page, fn: string): Promise<T> =>
	page.evaluate(`(async () => { const map = window.atlas.map; return ${fn}; })()`) as Promise<T>;

const idle = (page: Page) => page.waitForFunction(() => (window as any).atlas.map.loaded());

const drawnOnly = (e: EventsCollection['features'][number]) => {
	const located = e.properties.places.filter((p) => p.role !== 'mentioned');
	return located.length ? located : e.properties.places;
};
const defaultGroups = JSON.parse(readFileSync('geodata/groups.json', 'utf8')).groups.filter(
	(g: { visible: boolean }) => g.visible
);
const visibleByDefault = events.filter((e) =>
	defaultGroups.some((g: { id: string }) => g.id === e.properties.group)
);
const areaOnly = visibleByDefault.filter((e) => drawnOnly(e).every((p) => p.precision === 'area'));

describe('events known only to an area', () => {
	it('are never drawn as points or counted in a cluster, and the note lists them', async () => {
		const page = await session.open('/');
		const drawn = await mapCall<{ precisions: string[]; clustered: number }>(
			page,
			`(async () => {
				const source = map.getSource('events');
				const symbols = map.queryRenderedFeatures({ layers: ['events-symbol', 'events-precision'] });
				let clustered = [];
				for (const c of map.queryRenderedFeatures({ layers: ['events-cluster'] }))
					clustered.push(...(await source.getClusterLeaves(c.properties.cluster_id, Infinity, 0)));
				return { precisions: [...symbols, ...clustered].map((f) => f.properties.precision), clustered: clustered.length };
			})()`
		);
		expect(drawn.precisions.length).toBeGreaterThan(0);
		expect(drawn.precisions).not.toContain('area');

		const note = page.getByTestId('area-events');
		expect(await note.textContent()).toContain(`${areaOnly.length} events known only to a whole country`);
		await note.getByRole('button', { name: 'List them' }).click();
		const dialog = page.getByRole('dialog');
		expect(await dialog.locator('h2').first().textContent()).toMatch(/known only to a whole country/);
		expect(await dialog.locator('.event-row').count()).toBe(areaOnly.length);
		await page.close();
	});
});

describe('the border', () => {
	it('is named on the map, and its status is explained from the map', async () => {
		const page = await session.open('/?map=6/32.5/69');
		await idle(page);
		const names = await mapCall<string[]>(
			page,
			`map.queryRenderedFeatures({ layers: ['border-label'] }).map(() => map.getLayoutProperty('border-label', 'text-field'))`
		);
		expect(names.length).toBeGreaterThan(0);
		expect(String(names[0])).toContain('Durand Line');
		await page.getByRole('button', { name: 'About the border line' }).click();
		const note = page.getByRole('region', { name: 'About the border line' });
		expect(await note.textContent()).toMatch(/Afghanistan does not recognise it as an international border/);
		expect(await note.textContent()).toMatch(/Outside knowledge/);
		await page.close();
	});
});

describe('names in the region’s scripts', () => {
	it('draws Torkham as تورخم beside its English name when asked, and the toggle hides it again', async () => {
		const page = await session.open('/?map=8/34.1/71.1');
		await idle(page);
		const native = () =>
			mapCall<string[]>(
				page,
				`map.queryRenderedFeatures({ layers: ['places-label-native'] }).map((f) => f.properties.nativeName)`
			);
		const toggle = page.getByRole('checkbox', { name: 'Names in Pashto, Dari and Urdu' });
		// Off on a first visit; on, it draws the names and the link says so.
		expect(await toggle.isChecked()).toBe(false);
		expect(await native()).toEqual([]);
		await toggle.check();
		await expect.poll(native).toContain('تورخم');
		await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBe('none');
		await toggle.uncheck();
		await expect.poll(native).toEqual([]);
		await expect.poll(() => new URL(page.url()).searchParams.get('hide')).toBeNull();
		await page.close();
	});
});

describe('relief and rivers', () => {
	it('draws rivers and the relief, each switched by its own toggle', async () => {
		const page = await session.open('/?map=7/34.2/70.8');
		await idle(page);
		const rivers = () =>
			mapCall<number>(page, `map.queryRenderedFeatures({ layers: ['rivers-main'] }).length`);
		const relief = () =>
			mapCall<string>(page, `map.getLayoutProperty('terrain-relief', 'visibility') ?? 'visible'`);
		expect(await rivers()).toBeGreaterThan(0);
		expect(await relief()).toBe('visible');
		await page.getByRole('checkbox', { name: 'Rivers' }).uncheck();
		await expect.poll(rivers).toBe(0);
		await page.getByRole('checkbox', { name: 'Relief (height tint)' }).uncheck();
		await expect.poll(relief).toBe('none');
		await page.close();
	});
});

describe('filter by evidence', () => {
	it('narrows the list and the link to contested events, and a reload keeps it', async () => {
		const contested = visibleByDefault.filter((e) => e.properties.contested);
		const page = await session.open('/');
		await page.locator('input[data-evidence="contested"]').check();
		const status = page.locator('#events-list [role="status"]');
		await expect
			.poll(() => status.textContent())
			.toContain(`${contested.length} events of ${events.length} shown`);
		expect(await status.textContent()).toContain('filtered by evidence');
		await expect.poll(() => new URL(page.url()).searchParams.get('only')).toBe('contested');
		await page.reload();
		await page.waitForSelector('main[data-status="ready"]');
		expect(await page.locator('input[data-evidence="contested"]').isChecked()).toBe(true);
		await expect.poll(() => page.locator('#events-list li').count()).toBeLessThanOrEqual(contested.length);
		await page.close();
	});

	it('narrows to events two or more sources report', async () => {
		const page = await session.open('/?only=corroborated&map=4/31/67');
		const corroborated = visibleByDefault.filter(
			(e) =>
				new Set([
					...e.properties.citations.map((c) => c.source),
					...(e.properties.contested?.stances.map((s) => s.citation.source) ?? [])
				]).size >= 2
		);
		const status = page.locator('#events-list [role="status"]');
		await expect.poll(() => status.textContent()).toMatch(new RegExp(`of ${events.length} shown`));
		const shown = await page.locator('#events-list li').count();
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThanOrEqual(corroborated.length);
		await page.close();
	});
});
