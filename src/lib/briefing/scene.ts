/**
 * Applying a briefing scene to the atlas: which groups and time window it shows, what it
 * highlights, and where the camera goes. Shared by the presenter and the printed handout, so a
 * scene looks the same on screen and on paper.
 */
import type { Map as MapLibreMap, PaddingOptions } from 'maplibre-gl';
import type { Deck, Scene } from '../schema/briefing.ts';
import type { PlaceFeature } from '../schema/exported.ts';
import type { AtlasState } from '../state/atlas.svelte.ts';
import { DEFAULT_HIDDEN_OVERLAYS, OVERLAY_IDS, type OverlayId } from '../map/overlays.ts';
import { windowOf, windowWords, type TimeWindow } from '../time/window.ts';

export function sceneTimeWindow(scene: Pick<Scene, 'time'>): TimeWindow | null {
	return scene.time ? windowOf(scene.time.from, scene.time.to) : null;
}

/** The overlays a scene hides: those it names, or the atlas's defaults when it names none. */
export function sceneHiddenOverlays(scene: Pick<Scene, 'hidden'>): OverlayId[] {
	const hidden: readonly string[] = scene.hidden ?? DEFAULT_HIDDEN_OVERLAYS;
	return OVERLAY_IDS.filter((id) => hidden.includes(id));
}

/**
 * Puts the atlas in the scene's state. The optional fields have their defaults when a deck omits
 * them: the overlays a first visit shows, no passage open.
 */
export function applySceneState(atlas: AtlasState, scene: Scene): void {
	atlas.visibleGroups = atlas.groups.map((g) => g.id).filter((id) => scene.groups.includes(id));
	atlas.hiddenOverlays = sceneHiddenOverlays(scene);
	atlas.timeWindow = sceneTimeWindow(scene);
	atlas.highlighted = { events: [...scene.highlight.events], places: [...scene.highlight.places] };
	atlas.select(null);
	// After the selection, which closes any passage.
	atlas.passage = scene.passage ? { ...scene.passage } : null;
}

/** Moves the camera to the scene: its explicit camera, or a fit of its places. */
export function moveToScene(
	map: MapLibreMap,
	scene: Scene,
	placeById: Map<string, PlaceFeature>,
	options: { padding: PaddingOptions; animate: boolean }
): void {
	const duration = options.animate ? 2200 : 0;
	if (scene.camera) {
		map.flyTo({
			center: scene.camera.center,
			zoom: scene.camera.zoom,
			bearing: scene.camera.bearing ?? 0,
			pitch: scene.camera.pitch ?? 0,
			padding: options.padding,
			duration,
			essential: true
		});
		return;
	}
	const points = (scene.fit ?? [])
		.map((id) => placeById.get(id)?.geometry.coordinates)
		.filter((c): c is number[] => !!c);
	if (!points.length) return;
	const lngs = points.map((p) => p[0]!);
	const lats = points.map((p) => p[1]!);
	map.fitBounds(
		[
			[Math.min(...lngs), Math.min(...lats)],
			[Math.max(...lngs), Math.max(...lats)]
		],
		{ padding: options.padding, maxZoom: 7.5, duration, essential: true }
	);
}

/** The position in its deck of the scene a URL names; the first scene for a name it does not have. */
export function sceneIndex(deck: Pick<Deck, 'scenes'>, sceneId: string | undefined): number {
	return Math.max(
		0,
		deck.scenes.findIndex((s) => s.id === sceneId)
	);
}

/** The scene `step` places away (−1 previous, +1 next), or null past either end. */
export function sceneStep(deck: Pick<Deck, 'scenes'>, index: number, step: number): number | null {
	const next = index + step;
	return next >= 0 && next < deck.scenes.length && next !== index ? next : null;
}

/** The scene's time window in words ("August 2021 – April 2022"), or "All dates". */
export function sceneWhen(scene: Pick<Scene, 'time'>): string {
	return windowWords(sceneTimeWindow(scene));
}
