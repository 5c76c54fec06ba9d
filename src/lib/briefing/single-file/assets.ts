/**
 * Gathers what a briefing file needs from the running atlas, on the click that saves it: the
 * standalone presenter's script (runtime/main.ts, bundled by Vite into one file: `?worker&url` is
 * how Vite bundles an entry of its own and gives its URL), MapLibre's worker and its RTL text
 * plugin, the label fonts and the relief image as data URLs, the boundaries and rivers
 * topologies, and what the map derives from them (basemap-extras.ts). Everything comes from
 * the atlas's own origin (or its service worker's cache, offline).
 */
import runtimeUrl from './runtime/main.ts?worker&url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// The package's exports hide the file from a bare import, so it is named by its path (as MapView does).
import rtlTextPluginUrl from '../../../../node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url';
import { asset } from '$app/paths';
import { fetchBasemap } from '$lib/data/client';
import { FONT_FILES } from '$lib/map/fonts';
import { RELIEF_PATH } from '$lib/map/terrain';
import type { PlaceFeature } from '$lib/schema/exported';
import { basemapExtras } from './basemap-extras.ts';
import type { FileFonts, MapAssets } from './types.ts';

async function fetchOk(url: string): Promise<Response> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response;
}

const text = (url: string) => fetchOk(url).then((r) => r.text());

/** A file as a data: URL of the given type (the server's type may be missing or generic). */
async function dataUrl(url: string, type: string): Promise<string> {
	const bytes = await fetchOk(url).then((r) => r.arrayBuffer());
	const blob = new Blob([bytes], { type });
	return new Promise((done, fail) => {
		const reader = new FileReader();
		reader.onload = () => done(String(reader.result));
		reader.onerror = () => fail(reader.error ?? new Error(`${url}: could not be read`));
		reader.readAsDataURL(blob);
	});
}

/** Every file of every label font, as src/lib/map/fonts.ts lists them. */
async function fonts(): Promise<FileFonts> {
	const out: FileFonts = {};
	await Promise.all(
		Object.entries(FONT_FILES).flatMap(([name, files]) =>
			Object.entries(files).map(async ([subset, url]) => {
				(out[name] ??= {})[subset] = await dataUrl(new URL(url, document.baseURI).href, 'font/woff2');
			})
		)
	);
	return out;
}

/** The presenter's script and the map's assets; `places` give the labels their names in Arabic script. */
export async function gatherAssets(
	places: Promise<readonly PlaceFeature[]>
): Promise<{ runtime: string; assets: MapAssets }> {
	const [runtime, worker, rtlTextPlugin, fontFiles, relief, basemap, named] = await Promise.all([
		text(new URL(runtimeUrl, document.baseURI).href),
		text(new URL(workerUrl, document.baseURI).href),
		text(new URL(rtlTextPluginUrl, document.baseURI).href),
		fonts(),
		dataUrl(asset(`/${RELIEF_PATH}`), 'image/png'),
		fetchBasemap(),
		places
	]);
	return {
		runtime,
		assets: {
			worker,
			rtlTextPlugin,
			fonts: fontFiles,
			relief,
			boundaries: basemap.boundaries,
			rivers: basemap.rivers,
			...basemapExtras(basemap, named)
		}
	};
}
