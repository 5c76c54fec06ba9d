/**
 * The standalone presenter's map: the atlas's style, symbols and data layers (src/lib/map/),
 * MapLibre's worker from a Blob URL, and per scene what the atlas's presenter does — the events
 * of its groups in its time window, rings on its highlighted events and places, its areas lit,
 * its hidden overlays off, and the camera moved by the atlas's own `moveToScene`.
 */
import {
	Map as MapLibre,
	NavigationControl,
	ScaleControl,
	getRTLTextPluginStatus,
	setRTLTextPlugin,
	setWorkerUrl,
	type GeoJSONSource,
	type StyleSpecification
} from 'maplibre-gl';
import maplibreCss from 'maplibre-gl/dist/maplibre-gl.css?inline';
import { moveToScene } from '../../scene.ts';
import { INITIAL_BOUNDS } from '../../../geo/region.ts';
import {
	eventLayers,
	EVENT_CLUSTER,
	iconFor,
	MARK_ICONS,
	PRECISION_ICONS,
	placeLayers,
	whereIn
} from '../../../map/data-layers.ts';
import { DATA_LAYERS_BEFORE, DATA_SOURCES, EVENT_LAYER, PLACE_LAYER } from '../../../map/layer-ids.ts';
import { MAP_OPTIONS } from '../../../map/options.ts';
import { layerVisibility } from '../../../map/overlays.ts';
import { lightPalette } from '../../../map/palette.ts';
import { drawMark, drawPrecisionMark, drawSymbol } from '../../../map/symbols.ts';
import type { Scene } from '../../../schema/briefing.ts';
import type { PlaceFeature } from '../../../schema/exported.ts';
import type { BriefingFileData } from '../types.ts';

/** Areas lit by feature-state, by the basemap source that draws them (as BasemapLayers does). */
const AREA_SOURCES: Record<string, string> = { province: 'provinces', country: 'countries', fata: 'fata' };

export interface FileMap {
	/** Resolves once the map has loaded and its data layers are added. */
	loaded: Promise<void>;
	/** Shows scene `index`; resolves once the map has drawn it and gone idle. */
	showScene(index: number, animate: boolean): Promise<void>;
}

/**
 * `style`: the file's map style (runtime/map-style.ts); `worker`: MapLibre's worker source.
 * `onError`: a failure of the map (a worker that cannot start, a broken source), with its error.
 */
export function createFileMap(
	container: HTMLElement,
	data: BriefingFileData,
	{ style, worker, rtlTextPlugin }: { style: StyleSpecification; worker: string; rtlTextPlugin: string },
	onError: (error: unknown) => void
): FileMap {
	const css = document.createElement('style');
	css.textContent = maplibreCss;
	document.head.append(css);

	setWorkerUrl(URL.createObjectURL(new Blob([worker], { type: 'text/javascript' })));
	useRtlTextPlugin(rtlTextPlugin);
	const map = new MapLibre({
		container,
		style,
		bounds: INITIAL_BOUNDS,
		fitBoundsOptions: { padding: 16 },
		...MAP_OPTIONS
	});
	map.addControl(new NavigationControl({ visualizePitch: false }), 'top-right');
	map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
	map.on('error', (e) => onError(e.error ?? 'map error'));
	// For the tests and for anyone inspecting the file, as the atlas's pages expose theirs.
	(globalThis as unknown as { briefing: object }).briefing = {
		map,
		rtlTextPluginStatus: getRTLTextPluginStatus
	};
	map
		.getCanvas()
		.setAttribute(
			'aria-label',
			'Map of the scene. The card beside it lists its sources; arrow keys move between scenes.'
		);

	const loaded = new Promise<void>((done) =>
		map.once('load', () => {
			addImages(map, data);
			map.addSource(DATA_SOURCES.places, {
				type: 'geojson',
				data: data.places,
				promoteId: 'id',
				attribution: 'Places: GeoNames (CC BY 4.0) and the atlas gazetteer'
			});
			map.addSource(DATA_SOURCES.events, {
				type: 'geojson',
				data: { type: 'FeatureCollection', features: [] },
				promoteId: 'key',
				...EVENT_CLUSTER
			});
			for (const layer of [...placeLayers(lightPalette), ...eventLayers(lightPalette)])
				map.addLayer(layer, DATA_LAYERS_BEFORE);
			done();
		})
	);

	// moveToScene reads only a place's coordinates, which the file's place points carry.
	const placeById = new Map(data.places.features.map((p) => [p.properties.id, p])) as unknown as Map<
		string,
		PlaceFeature
	>;
	let ringed: string[] = [];
	let lit: { source: string; id: string }[] = [];

	async function showScene(index: number, animate: boolean): Promise<void> {
		await loaded;
		const scene = data.scenes[index]!;
		const drawn = new Set(scene.events);
		(map.getSource(DATA_SOURCES.events) as GeoJSONSource).setData({
			type: 'FeatureCollection',
			features: data.events.features.filter((f) => drawn.has(f.properties.event))
		});

		// The strong ring on the scene's highlighted events, as the atlas draws a selection.
		for (const id of ringed) map.removeFeatureState({ source: DATA_SOURCES.events, id }, 'selected');
		const highlighted = new Set(scene.highlight.events);
		ringed = data.events.features
			.filter((f) => highlighted.has(f.properties.event))
			.map((f) => f.properties.key);
		for (const id of ringed) map.setFeatureState({ source: DATA_SOURCES.events, id }, { selected: true });
		map.setFilter(EVENT_LAYER.highlight, [
			'all',
			['!', ['has', 'point_count']],
			whereIn('event', [...highlighted])
		]);
		map.setFilter(PLACE_LAYER.selected, whereIn('id', scene.highlight.places));

		for (const a of lit) map.removeFeatureState(a, 'selected');
		lit = scene.areas.flatMap((a) =>
			AREA_SOURCES[a.layer] ? [{ source: AREA_SOURCES[a.layer]!, id: a.id }] : []
		);
		for (const a of lit) map.setFeatureState(a, { selected: true });

		// Only what changes: setting a layout property, even to its value, re-parses the source.
		for (const [id, visibility] of layerVisibility(scene.hidden)) {
			if (map.getLayer(id) && (map.getLayoutProperty(id, 'visibility') ?? 'visible') !== visibility)
				map.setLayoutProperty(id, 'visibility', visibility);
		}

		const idle = new Promise<void>((done) => map.once('idle', () => done()));
		const wide = container.clientWidth > 800;
		// moveToScene reads only the scene's camera and fit.
		moveToScene(map, scene as unknown as Scene, placeById, {
			padding: { top: 60, bottom: 60, left: wide ? 460 : 40, right: 60 },
			animate
		});
		map.triggerRepaint();
		await idle;
	}

	return { loaded, showScene };
}

/**
 * Names in Arabic script are shaped by MapLibre's RTL plugin, loaded (as the atlas does) only once
 * such a label is drawn. MapLibre's worker fetches the plugin itself; on a page with no origin it
 * runs from a data: URL, so it gets the plugin as one, and the first line marks it a module so the
 * worker imports it rather than eval() it (the file's CSP allows no eval; the plugin's
 * WebAssembly needs 'wasm-unsafe-eval').
 */
function useRtlTextPlugin(source: string) {
	if (getRTLTextPluginStatus() !== 'unavailable') return;
	const url = `data:text/javascript;charset=utf-8,${encodeURIComponent(`export {};\n${source}`)}`;
	setRTLTextPlugin(url, true).catch((e: unknown) =>
		console.warn('Arabic-script labels cannot be shaped:', e)
	);
}

/** The group symbols, precision marks, place marks and cluster disc, as the atlas's map draws them. */
function addImages(map: MapLibre, data: BriefingFileData) {
	const ratio = Math.max(1, Math.ceil(window.devicePixelRatio));
	const add = (name: string, image: () => ImageData) => {
		if (!map.hasImage(name)) map.addImage(name, image(), { pixelRatio: ratio });
	};
	for (const g of data.groups) add(iconFor(g.id), () => drawSymbol(g.shape, g.colour, 18, ratio));
	add(MARK_ICONS.cluster, () => drawMark(MARK_ICONS.cluster, ratio));
	add(MARK_ICONS.placeExact, () => drawMark(MARK_ICONS.placeExact, ratio));
	add(MARK_ICONS.placeRing, () => drawMark(MARK_ICONS.placeRing, ratio));
	for (const [kind, image] of Object.entries(PRECISION_ICONS)) {
		add(image, () => drawPrecisionMark(kind as keyof typeof PRECISION_ICONS, ratio));
	}
}
