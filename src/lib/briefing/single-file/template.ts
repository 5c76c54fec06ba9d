/**
 * The HTML of a briefing saved as one file: a strict Content Security Policy (nothing may be
 * fetched from any network; scripts, workers, fonts and images come only from the file itself as
 * data: and blob: URLs), the page's style, and three JSON blocks — the presenter's script, the
 * map's assets and the deck's data — started by a few lines of boot script.
 *
 * The file carries untrusted text (quotes, titles, notes), so nothing of it is ever parsed as
 * HTML: JSON blocks have every `<` escaped (no text can close its <script> element), the title is
 * escaped, and the presenter renders every string with textContent.
 */
import { BLOCK, type BriefingFileData, type MapAssets } from './types.ts';
import { fileStyle } from './file-style.ts';

/**
 * What the file may do. Scripts: its own inline ones and the Blob URLs they make, and WebAssembly
 * (the RTL text plugin's shaper; no eval). MapLibre, on a page with no origin (file://), fetches
 * its worker's Blob and starts it from a data: URL, and fetches the fonts, the relief image and
 * the RTL plugin from their data: URLs. No http:, https: or file: at all.
 */
export const FILE_CSP = [
	"default-src 'none'",
	"script-src 'unsafe-inline' 'wasm-unsafe-eval' blob:",
	'worker-src blob: data:',
	'connect-src data: blob:',
	'img-src data: blob:',
	"style-src 'unsafe-inline'",
	'font-src data:',
	"base-uri 'none'",
	"form-action 'none'"
].join('; ');

/** Text for HTML content or a double-quoted attribute. */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A value as JSON that is safe inside a <script type="application/json"> element: with no `<`
 * left, no text in it can end the element or open a comment; JSON.parse reads `\u003c` back as `<`.
 */
export function embedJson(value: unknown): string {
	return JSON.stringify(value).replace(/</g, '\\u003c');
}

/**
 * Runs the presenter: its source, read from its JSON block, as a classic script from a Blob URL
 * (the CSP allows blob: scripts; the bundle uses no module syntax).
 */
const BOOT = `(function () {
	var source = JSON.parse(document.getElementById('${BLOCK.runtime}').textContent);
	var script = document.createElement('script');
	script.src = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
	document.head.appendChild(script);
})();`;

export interface DeckFileParts {
	data: BriefingFileData;
	assets: MapAssets;
	/** The presenter's bundled script. */
	runtime: string;
}

export function deckFileHtml({ data, assets, runtime }: DeckFileParts): string {
	const title = escapeHtml(data.deck.title);
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(FILE_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="generator" content="Frontier Atlas">
<title>${title} — Frontier Atlas briefing</title>
<style>${fileStyle()}</style>
</head>
<body>
<noscript><p class="noscript">This briefing needs JavaScript to present: <strong>${title}</strong>.</p></noscript>
<script type="application/json" id="${BLOCK.data}">${embedJson(data)}</script>
<script type="application/json" id="${BLOCK.assets}">${embedJson(assets)}</script>
<script type="application/json" id="${BLOCK.runtime}">${embedJson(runtime)}</script>
<script>${BOOT}</script>
</body>
</html>
`;
}
