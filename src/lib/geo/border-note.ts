/**
 * What the atlas says about the line it draws between Afghanistan and Pakistan: its name on the
 * map, and a short note on its status, shown from the map and printed on every handout. The note
 * is outside knowledge (none of the five sources names the line or discusses its legal status),
 * and says so.
 */

/** The border's label on the map. */
export const BORDER_LABEL = 'Afghanistan–Pakistan border (Durand Line)';

export const BORDER_NOTE = {
	title: 'About the border line',
	paragraphs: [
		'The line drawn between Afghanistan and Pakistan is the border as Natural Earth maps it, known as the Durand Line after the 1893 agreement that drew it.',
		'Afghanistan does not recognise it as an international border; Pakistan treats it as one. The atlas draws the line where it is administered and takes no side in the dispute.',
		'The former Federally Administered Tribal Areas (FATA), merged into Khyber Pakhtunkhwa in 2018, are shown as a historical outline only.'
	],
	provenance:
		'Outside knowledge, not from the atlas’s sources: none of them names the line or discusses its status.'
} as const;
