/**
 * The cartographic palette: a restrained, light basemap so that the event symbols (drawn in the
 * Okabe–Ito colour-blind-safe colours of the layer groups) carry the colour. Every text colour
 * here meets WCAG AA contrast against the fill it sits on (unit-tested). Colours the interface's
 * CSS uses too (the page's land, lines, text, the navy accent) come from the design tokens.
 */
import { themeColours } from '../theme/colours.ts';

export interface Palette {
	water: string;
	landMuted: string;
	landFocus: string;
	provinceLine: string;
	countryLine: string;
	borderLine: string;
	borderCasing: string;
	beltFill: string;
	beltLine: string;
	fataLine: string;
	labelCountry: string;
	labelCountryMuted: string;
	labelProvince: string;
	labelHalo: string;
	selection: string;
	cluster: string;
	clusterText: string;
	areaHighlight: string;
	/** River lines (src/lib/map/terrain.ts): a muted blue, darker than the sea so it reads on land. */
	river: string;
	riverLabel: string;
}

export const lightPalette: Palette = {
	water: themeColours.water,
	landMuted: '#ebe8e2',
	landFocus: themeColours.surface,
	provinceLine: themeColours.line,
	countryLine: themeColours.lineStrong,
	borderLine: '#7a1f3d',
	borderCasing: themeColours.surfaceRaised,
	beltFill: '#c9822b',
	beltLine: '#9a5b12',
	fataLine: '#6b6b6b',
	labelCountry: '#2b2620',
	labelCountryMuted: themeColours.inkSubtle,
	labelProvince: themeColours.inkMuted,
	labelHalo: themeColours.surfaceRaised,
	selection: themeColours.accent,
	cluster: themeColours.accent,
	clusterText: themeColours.accentInk,
	areaHighlight: themeColours.accent,
	river: '#5f8fb0',
	riverLabel: '#244b6b'
};
