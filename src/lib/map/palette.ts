/**
 * The cartographic palette: a restrained, light basemap so that the event symbols (drawn in the
 * Okabe–Ito colour-blind-safe colours of the layer groups) carry the colour. Every text colour
 * here meets WCAG AA contrast against the fill it sits on (unit-tested).
 */
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
	water: '#d6e2ea',
	landMuted: '#ebe8e2',
	landFocus: '#faf8f3',
	provinceLine: '#b9b1a4',
	countryLine: '#8c8377',
	borderLine: '#7a1f3d',
	borderCasing: '#ffffff',
	beltFill: '#c9822b',
	beltLine: '#9a5b12',
	fataLine: '#6b6b6b',
	labelCountry: '#2b2620',
	labelCountryMuted: '#5f5850',
	labelProvince: '#4f4942',
	labelHalo: '#ffffff',
	selection: '#1f3a5f',
	cluster: '#1f3a5f',
	clusterText: '#ffffff',
	areaHighlight: '#1f3a5f',
	river: '#5f8fb0',
	riverLabel: '#244b6b'
};
