/**
 * The relief's hypsometric tint: muted browns that deepen with height, transparent on lowland so
 * that plains and sea keep the basemap's colours. The extraction (src/lib/server/basemap/
 * terrain-relief.ts) bakes this ramp into static/terrain/relief.png; the map only draws it, so a
 * change here needs a re-run of the extraction. Kept free of imports so plain Node can load it.
 *
 * Heights are approximate (see the extraction): the tint says "hills" and "high mountains", it
 * does not give spot heights.
 */

/** Colour stops: metres, `#rrggbb`, and opacity 0–1 (interpolated linearly between stops). */
export const RELIEF_RAMP: readonly { metres: number; colour: string; opacity: number }[] = [
	{ metres: 300, colour: '#c8a878', opacity: 0 },
	{ metres: 800, colour: '#c0a070', opacity: 0.14 },
	{ metres: 1500, colour: '#ad8d63', opacity: 0.24 },
	{ metres: 2500, colour: '#967756', opacity: 0.32 },
	{ metres: 3500, colour: '#84694e', opacity: 0.37 },
	{ metres: 5000, colour: '#7a5f45', opacity: 0.41 }
];

/**
 * The lower bounds of the tint's classes, in metres: finer in the hills, where the valleys and
 * passes are, coarser in the high mountains. Below the first bound the image is transparent.
 */
export const RELIEF_CLASSES_METRES: readonly number[] = [
	...Array.from({ length: 17 }, (_, i) => 400 + i * 100), // 400–2000 m every 100 m
	...Array.from({ length: 16 }, (_, i) => 2250 + i * 250) // 2250–6000 m every 250 m
];

const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);

/** The ramp's colour at a height, as [r, g, b, a] with 0–255 channels. */
export function reliefColourAt(metres: number): [number, number, number, number] {
	const stops = RELIEF_RAMP;
	const upper = stops.findIndex((s) => s.metres >= metres);
	const [a, b] =
		upper <= 0
			? [stops.at(upper === 0 ? 0 : -1)!, stops.at(upper === 0 ? 0 : -1)!]
			: [stops[upper - 1]!, stops[upper]!];
	const t = a === b ? 0 : (metres - a.metres) / (b.metres - a.metres);
	const mix = (x: number, y: number) => Math.round(x + (y - x) * t);
	return [
		mix(channel(a.colour, 0), channel(b.colour, 0)),
		mix(channel(a.colour, 1), channel(b.colour, 1)),
		mix(channel(a.colour, 2), channel(b.colour, 2)),
		mix(a.opacity * 255, b.opacity * 255)
	];
}
