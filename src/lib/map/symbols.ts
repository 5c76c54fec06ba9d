/**
 * The layer groups' symbol shapes, defined once as polygons in a unit box so that the map icons
 * (drawn to canvas) and the legend swatches (SVG) are the same shapes. Shape and colour together
 * identify a group: never colour alone.
 */
import type { SymbolShape } from '../schema/model';
import { themeColours } from '../theme/colours.ts';
import { lightPalette } from './palette.ts';

type Pt = [number, number];

function regular(n: number, r = 0.46, rotation = -Math.PI / 2): Pt[] {
	return Array.from({ length: n }, (_, i) => {
		const a = rotation + (i * 2 * Math.PI) / n;
		return [0.5 + r * Math.cos(a), 0.5 + r * Math.sin(a)] as Pt;
	});
}

function star(points = 5, outer = 0.5, inner = 0.22): Pt[] {
	return Array.from({ length: points * 2 }, (_, i) => {
		const r = i % 2 ? inner : outer;
		const a = -Math.PI / 2 + (i * Math.PI) / points;
		return [0.5 + r * Math.cos(a), 0.53 + r * Math.sin(a)] as Pt;
	});
}

const CROSS: Pt[] = [
	[0.2, 0.06],
	[0.5, 0.36],
	[0.8, 0.06],
	[0.94, 0.2],
	[0.64, 0.5],
	[0.94, 0.8],
	[0.8, 0.94],
	[0.5, 0.64],
	[0.2, 0.94],
	[0.06, 0.8],
	[0.36, 0.5],
	[0.06, 0.2]
];

/** Outline of each shape in a 1×1 box (null: a circle). */
const SHAPES: Record<SymbolShape, Pt[] | null> = {
	circle: null,
	square: [
		[0.1, 0.1],
		[0.9, 0.1],
		[0.9, 0.9],
		[0.1, 0.9]
	],
	diamond: [
		[0.5, 0.02],
		[0.98, 0.5],
		[0.5, 0.98],
		[0.02, 0.5]
	],
	triangle: [
		[0.5, 0.04],
		[0.97, 0.9],
		[0.03, 0.9]
	],
	star: star(),
	cross: CROSS,
	hexagon: regular(6, 0.48, 0),
	pentagon: regular(5, 0.5)
};

/** The shape as an SVG path in a size×size box. */
export function shapePath(shape: SymbolShape, size = 16, inset = 1): string {
	const k = size - 2 * inset;
	const pts = SHAPES[shape];
	if (!pts) {
		const r = k / 2;
		const c = size / 2;
		return `M ${c - r} ${c} a ${r} ${r} 0 1 0 ${2 * r} 0 a ${r} ${r} 0 1 0 ${-2 * r} 0 Z`;
	}
	return (
		'M ' +
		pts.map(([x, y]) => `${(inset + x * k).toFixed(2)} ${(inset + y * k).toFixed(2)}`).join(' L ') +
		' Z'
	);
}

/** Draws an icon of `size` CSS pixels at the pixel ratio, for map.addImage. */
function drawIcon(
	size: number,
	pixelRatio: number,
	paint: (ctx: CanvasRenderingContext2D, px: number) => void
): ImageData {
	const px = Math.round(size * pixelRatio);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = px;
	// Read back at once: a CPU canvas avoids a slow GPU readback in getImageData.
	const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
	paint(ctx, px);
	return ctx.getImageData(0, 0, px, px);
}

interface DiscStyle {
	fill?: string;
	stroke?: string;
	width?: number;
	dash?: number;
}

/** A circle of radius r at the icon's centre, filled and/or stroked. */
function disc(ctx: CanvasRenderingContext2D, px: number, r: number, style: DiscStyle): void {
	ctx.beginPath();
	ctx.arc(px / 2, px / 2, r, 0, 2 * Math.PI);
	if (style.fill) {
		ctx.fillStyle = style.fill;
		ctx.fill();
	}
	if (style.stroke) {
		ctx.strokeStyle = style.stroke;
		ctx.lineWidth = style.width ?? 1;
		if (style.dash) ctx.setLineDash([style.dash, style.dash]);
		ctx.stroke();
	}
}

/** Draws a group icon (fill colour, dark outline, white halo) for map.addImage. */
export function drawSymbol(shape: SymbolShape, colour: string, size: number, pixelRatio: number): ImageData {
	return drawIcon(size, pixelRatio, (ctx, px) => {
		const path = new Path2D(shapePath(shape, px, 3 * pixelRatio));
		ctx.lineJoin = 'round';
		ctx.strokeStyle = themeColours.surfaceRaised;
		ctx.lineWidth = 4 * pixelRatio;
		ctx.stroke(path);
		ctx.fillStyle = colour;
		ctx.fill(path);
		ctx.strokeStyle = themeColours.ink;
		ctx.lineWidth = 1.2 * pixelRatio;
		ctx.stroke(path);
	});
}

/**
 * The marks that say how precise an event's position is, drawn under its symbol: a dashed ring
 * for an approximate position, a solid ring for a district seat. (A whole area has no point.)
 */
export function drawPrecisionMark(kind: 'approximate' | 'district', pixelRatio: number): ImageData {
	const r = (px: number) => px / 2 - 2 * pixelRatio;
	const dash = kind === 'approximate' ? 3 * pixelRatio : undefined;
	return drawIcon(32, pixelRatio, (ctx, px) =>
		disc(ctx, px, r(px), { stroke: themeColours.ink, width: 1.6 * pixelRatio, dash })
	);
}

/** The marks of places (a dot when exact, a ring otherwise) and of clusters (a disc for a count). */
export function drawMark(kind: 'place-exact' | 'place-ring' | 'cluster', pixelRatio: number): ImageData {
	if (kind === 'cluster') {
		return drawIcon(30, pixelRatio, (ctx, px) =>
			disc(ctx, px, px / 2 - 2 * pixelRatio, {
				fill: lightPalette.cluster,
				stroke: themeColours.surfaceRaised,
				width: 2 * pixelRatio
			})
		);
	}
	return drawIcon(12, pixelRatio, (ctx, px) =>
		kind === 'place-exact'
			? disc(ctx, px, 3.5 * pixelRatio, {
					fill: lightPalette.labelCountry,
					stroke: themeColours.surfaceRaised,
					width: pixelRatio
				})
			: disc(ctx, px, 4 * pixelRatio, {
					fill: themeColours.surfaceRaised,
					stroke: lightPalette.labelCountry,
					width: 1.6 * pixelRatio
				})
	);
}
