/**
 * The standalone presenter: the script of a briefing saved as one file. Vite bundles it, MapLibre
 * included, into one classic script (imported by assets.ts with `?worker&url`, which is how Vite
 * bundles an entry of its own; it runs on the page, not in a worker). It reads the file's JSON
 * blocks, draws the card and the map, and presents with the atlas's keys: → / Space / Page Down
 * next, ← / Page Up previous, Home / End, N notes, F full screen. The scene is kept in the
 * address's #fragment, so a reload stays on it.
 *
 * For the tests and for anyone checking the file: `main[data-status]` is loading, ready or error,
 * and `main[data-scene]` names the scene the map has finished drawing.
 */
import { FONT_REGULAR, FONT_SEMIBOLD } from '../../../map/fonts.ts';
import { BLOCK, type BriefingFileData, type MapAssets } from '../types.ts';
import { createCard } from './card.ts';
import { keyAction } from './keys.ts';
import { createFileMap, type FileMap } from './map.ts';
import { fileMapStyle } from './map-style.ts';
import type { FontFacesSpecification } from 'maplibre-gl';

function readBlock<T>(id: string): T {
	const block = document.getElementById(id);
	if (!block?.textContent) throw new Error(`this file has lost its part "${id}"`);
	return JSON.parse(block.textContent) as T;
}

/**
 * The card's text in the map's fonts, from the file's data URLs (nothing is downloaded): each
 * face as the style declares it, by its unicode range, under the card's family name.
 */
function useUiFont(faces: FontFacesSpecification) {
	const weights: Record<string, string> = { [FONT_REGULAR]: '400', [FONT_SEMIBOLD]: '600' };
	for (const [name, value] of Object.entries(faces)) {
		const weight = weights[name];
		if (!weight || typeof value === 'string') continue;
		for (const face of value) {
			const range = face['unicode-range']?.join(', ');
			const font = new FontFace('Noto Sans', `url(${face.url})`, {
				weight,
				...(range ? { unicodeRange: range } : {})
			});
			document.fonts.add(font);
			font.load().catch(() => {});
		}
	}
}

function start() {
	const data = readBlock<BriefingFileData>(BLOCK.data);
	const assets = readBlock<MapAssets>(BLOCK.assets);
	document.documentElement.lang = 'en';

	const main = document.createElement('main');
	main.setAttribute('aria-label', 'Briefing map');
	main.dataset.status = 'loading';
	const total = data.scenes.length;
	const fromHash = () => {
		const id = location.hash.slice(1);
		return Math.max(
			0,
			data.scenes.findIndex((s) => s.id === id || encodeURIComponent(s.id) === id)
		);
	};
	let index = fromHash();
	let notes = false;
	let drawnOnce = false;

	const card = createCard(data, {
		go: (i) => go(i),
		toggleNotes: () => {
			notes = !notes;
			card.show(index, notes);
		},
		fullscreen
	});
	// MapLibre's CSS makes its container position: relative, so the map is a child filling <main>.
	const canvas = document.createElement('div');
	canvas.className = 'map';
	main.append(canvas);
	document.body.append(main, card.element);
	// Without a map (no WebGL here), the scenes, their sources and notes still present.
	let map: FileMap | null = null;
	try {
		const style = fileMapStyle(assets);
		useUiFont(style['font-faces'] ?? {});
		map = createFileMap(
			canvas,
			data,
			{ style, worker: assets.worker, rtlTextPlugin: assets.rtlTextPlugin },
			(e) => {
				// A failure before the first scene is drawn is fatal to the map; later ones are not.
				if (main.dataset.status === 'loading') fail(e);
				else console.warn('Map:', e);
			}
		);
	} catch (e) {
		fail(e);
	}

	function show(i: number) {
		index = i;
		card.show(i, notes);
		document.title = `${data.scenes[i]!.title} — ${data.deck.title}`;
		const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
		const id = data.scenes[i]!.id;
		map?.showScene(i, drawnOnce && !reduced).then(
			() => {
				drawnOnce = true;
				// Only the latest scene counts: a quick key press may have moved on already.
				if (index === i) main.dataset.scene = id;
				main.dataset.status = 'ready';
			},
			(e: unknown) => fail(e)
		);
	}

	function go(i: number) {
		if (i < 0 || i >= total || i === index) return;
		history.replaceState(null, '', `#${encodeURIComponent(data.scenes[i]!.id)}`);
		show(i);
	}

	function fullscreen() {
		if (document.fullscreenElement) void document.exitFullscreen();
		else document.documentElement.requestFullscreen?.().catch(() => {});
	}

	function fail(e: unknown) {
		main.dataset.status = 'error';
		const problem = document.createElement('p');
		problem.className = 'problem';
		problem.setAttribute('role', 'alert');
		problem.textContent = `The map could not be drawn: ${e instanceof Error ? e.message : String(e)}. The scenes and their sources are all here.`;
		document.body.append(problem);
	}

	window.addEventListener('keydown', (e) => {
		const onControl = !!(e.target as Element | null)?.closest?.(
			'button, a, input, select, textarea, summary'
		);
		const action = keyAction(e, onControl);
		if (!action) return;
		e.preventDefault();
		if (action === 'next') go(index + 1);
		else if (action === 'previous') go(index - 1);
		else if (action === 'first') go(0);
		else if (action === 'last') go(total - 1);
		else if (action === 'notes') {
			notes = !notes;
			card.show(index, notes);
		} else fullscreen();
	});
	window.addEventListener('hashchange', () => go(fromHash()));

	show(index);
}

try {
	start();
} catch (e) {
	const problem = document.createElement('p');
	problem.className = 'problem';
	problem.textContent = `This briefing file could not be opened: ${e instanceof Error ? e.message : String(e)}`;
	document.body.append(problem);
}
