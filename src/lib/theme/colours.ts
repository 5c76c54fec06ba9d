/**
 * The design tokens of src/lib/theme/tokens.css for TypeScript: the map's palette and the canvas
 * drawings (map icons, the saved map image) take their colours from here, so that the map and the
 * CSS agree. Keys are the tokens' names in camelCase (`inkMuted` is `--ink-muted`); tests keep the
 * two files identical. Tokens mixed from others (color-mix) live only in the CSS.
 */
import { hexToRgb } from '../map/colour.ts';

export const themeColours = {
	ink: '#1f1c18',
	inkMuted: '#4f4942',
	inkSubtle: '#5f5850',
	inkInactive: '#6b6560',

	surface: '#faf8f3',
	surfaceRaised: '#ffffff',
	surfacePanel: '#fffdf8',
	surfaceSunken: '#f6f3ec',
	surfaceMuted: '#f1ede5',
	surfaceChip: '#ece7dd',
	water: '#d6e2ea',

	lineStrong: '#8c8377',
	line: '#b9b1a4',
	lineDebris: '#c9c0b2',
	lineSubtle: '#d8d1c4',
	lineFaint: '#e6e1d8',

	accent: '#1f3a5f',
	accentInk: '#ffffff',
	accentMuted: '#6b8cb5',
	accentSurface: '#e8eef6',
	accentSurfaceStrong: '#d5e1f0',

	link: '#1d4f80',

	focus: '#f0e442',
	focusAlt: '#ffd166',

	mark: '#ffe38a',

	danger: '#a3001b',
	warningSurface: '#fff4d6',
	warningBorder: '#b07d00',
	warningEdge: '#c9a227',

	shadow: 'rgb(0 0 0 / 0.2)'
} as const;

export type ThemeColour = keyof typeof themeColours;

/** A #rrggbb colour at the given opacity, as a canvas (and CSS) rgba() string. */
export function withAlpha(hex: string, alpha: number): string {
	const [r, g, b] = hexToRgb(hex);
	return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
