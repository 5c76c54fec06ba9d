/**
 * Images of the map: the WebGL canvas as drawn (read within the frame that drew it, so no
 * preserveDrawingBuffer is needed), and a composed PNG with title, legend and attribution burned
 * in, for briefings and handouts that leave the app.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerGroup } from '../schema/model.ts';
import { shapePath } from './symbols.ts';
import { themeColours } from '../theme/colours.ts';
import { downloadBlob } from '../data/download.ts';

/** Waits until the map has drawn everything, then copies the frame into a 2D canvas. */
export function captureMapCanvas(map: MapLibreMap): Promise<HTMLCanvasElement> {
	return new Promise((resolve) => {
		const copy = () => {
			map.once('render', () => {
				const source = map.getCanvas();
				const out = document.createElement('canvas');
				out.width = source.width;
				out.height = source.height;
				out.getContext('2d')!.drawImage(source, 0, 0);
				resolve(out);
			});
			map.triggerRepaint();
		};
		if (map.loaded() && !map.isMoving()) copy();
		else map.once('idle', copy);
	});
}

export interface ImageCaption {
	title: string;
	subtitle?: string;
	groups: LayerGroup[];
	attribution: string;
}

/** The map with a title bar above and a legend and attribution strip below. */
export function composeMapImage(
	mapCanvas: HTMLCanvasElement,
	caption: ImageCaption,
	ratio = 1
): HTMLCanvasElement {
	const pad = 16 * ratio;
	const head = 56 * ratio;
	const legendRows = Math.ceil(caption.groups.length / 4);
	const foot = (legendRows * 24 + 40) * ratio;
	const out = document.createElement('canvas');
	out.width = mapCanvas.width;
	out.height = mapCanvas.height + head + foot;
	const ctx = out.getContext('2d')!;
	ctx.fillStyle = themeColours.surfaceRaised;
	ctx.fillRect(0, 0, out.width, out.height);
	ctx.fillStyle = themeColours.accent;
	ctx.fillRect(0, 0, out.width, head);
	ctx.fillStyle = themeColours.accentInk;
	ctx.font = `600 ${18 * ratio}px "Noto Sans", sans-serif`;
	ctx.fillText(caption.title, pad, 24 * ratio);
	if (caption.subtitle) {
		ctx.font = `${13 * ratio}px "Noto Sans", sans-serif`;
		ctx.fillText(caption.subtitle, pad, 44 * ratio);
	}
	ctx.drawImage(mapCanvas, 0, head);

	const colWidth = (out.width - 2 * pad) / 4;
	caption.groups.forEach((g, i) => {
		const x = pad + (i % 4) * colWidth;
		const y = head + mapCanvas.height + 10 * ratio + Math.floor(i / 4) * 24 * ratio;
		ctx.save();
		ctx.translate(x, y);
		const path = new Path2D(shapePath(g.shape, 16 * ratio, 1.5 * ratio));
		ctx.fillStyle = g.colour;
		ctx.fill(path);
		ctx.strokeStyle = themeColours.ink;
		ctx.lineWidth = ratio;
		ctx.stroke(path);
		ctx.restore();
		ctx.fillStyle = themeColours.ink;
		ctx.font = `${12 * ratio}px "Noto Sans", sans-serif`;
		ctx.fillText(g.label, x + 22 * ratio, y + 13 * ratio, colWidth - 26 * ratio);
	});
	ctx.fillStyle = themeColours.inkMuted;
	ctx.font = `${11 * ratio}px "Noto Sans", sans-serif`;
	ctx.fillText(caption.attribution, pad, out.height - 12 * ratio, out.width - 2 * pad);
	return out;
}

/** Offers a canvas as a PNG download. */
export function downloadCanvas(canvas: HTMLCanvasElement, filename: string): Promise<void> {
	return new Promise((resolve) => {
		canvas.toBlob((blob) => {
			if (blob) downloadBlob(blob, filename);
			resolve();
		}, 'image/png');
	});
}

/** The map's attribution as plain text, for images that leave the app. */
export function attributionText(map: MapLibreMap): string {
	const sources = Object.values(map.getStyle().sources) as { attribution?: string }[];
	const texts = [...new Set(sources.map((s) => s.attribution).filter((a): a is string => !!a))];
	return texts.join(' · ');
}
