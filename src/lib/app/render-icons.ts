/**
 * Renders the web app manifest's icons (static/icons/*.png) from static/favicon.svg, in headless
 * Chromium (the tests' browser), so that they are drawn exactly as the favicon is:
 *
 *   node src/lib/app/render-icons.ts
 *
 * - icon-192.png and icon-512.png: the favicon as it is, rounded corners and all.
 * - icon-maskable-512.png: for launchers that crop icons to a circle or squircle: the favicon's
 *   background fills the whole square and its mark is shrunk into the central safe zone (a circle
 *   of 80 % of the width), so no crop can cut it.
 *
 * The PNGs are committed; run this again only when the favicon changes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const FAVICON = 'static/favicon.svg';
const OUT = 'static/icons';

const svg = readFileSync(FAVICON, 'utf8');
const background = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1];
const marks = svg.replace(/^.*?<rect[^>]*\/>/s, '').replace(/<\/svg>\s*$/, '');
if (!background || !marks.includes('<path'))
	throw new Error(`${FAVICON}: expected a <rect> background and <path> marks`);

// The favicon's box is 32 units wide: the mark, scaled to 62 %, stays inside the safe circle.
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/><g transform="translate(16 16) scale(0.62) translate(-16 -16)">${marks}</g></svg>`;

const icons = [
	{ file: 'icon-192.png', size: 192, svg },
	{ file: 'icon-512.png', size: 512, svg },
	{ file: 'icon-maskable-512.png', size: 512, svg: maskable }
];

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-dev-shm-usage']
});
try {
	for (const icon of icons) {
		const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
		const src = `data:image/svg+xml;base64,${Buffer.from(icon.svg).toString('base64')}`;
		await page.setContent(
			`<style>html,body{margin:0;background:transparent}img{display:block;width:100vw;height:100vh}</style><img src="${src}">`
		);
		await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
		writeFileSync(`${OUT}/${icon.file}`, await page.screenshot({ omitBackground: true }));
		await page.close();
		console.log(`${OUT}/${icon.file} (${icon.size}×${icon.size})`);
	}
} finally {
	await browser.close();
}
