/**
 * The design tokens (src/lib/theme/tokens.css) are the only place the interface's colours are
 * written: the TypeScript mirror and the map's palette hold the same values, no component types a
 * colour of its own, every token a component uses exists, and the text and state colours the
 * interface puts on each surface meet WCAG AA contrast.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contrastRatio, hexToRgb } from '$lib/map/colour';
import { lightPalette, type Palette } from '$lib/map/palette';
import { themeColours } from '$lib/theme/colours';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKENS_FILE = 'src/lib/theme/tokens.css';

/** Every `--name: value;` declared in the tokens file's :root, by name (with its dashes). */
function parseTokens(css: string): Map<string, string> {
	const root = /:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''));
	if (!root) throw new Error(`${TOKENS_FILE} has no :root block`);
	const tokens = new Map<string, string>();
	for (const [, name, value] of root[1]!.matchAll(/(--[a-z0-9-]+)\s*:\s*([^;]+);/g))
		tokens.set(name!, value!.trim());
	return tokens;
}

const tokens = parseTokens(readFileSync(join(ROOT, TOKENS_FILE), 'utf8'));

/** `inkMuted` → `--ink-muted`. */
const tokenName = (key: string) => '--' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());

/** A token's value, which must be a #rrggbb colour (the ones contrast is computed for). */
function hex(token: string): string {
	const value = tokens.get(token);
	if (!value || !/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${token} is not a #rrggbb token: ${value}`);
	return value;
}

/**
 * A token drawn over a solid background, as the colour the eye sees: a #rrggbb token as it is, a
 * `color-mix(in srgb, var(--x) N%, transparent)` token as --x at N% opacity over the background.
 */
function seenOn(token: string, background: string): string {
	const value = tokens.get(token) ?? '';
	const mix = /^color-mix\(in srgb, var\((--[a-z0-9-]+)\) (\d+(?:\.\d+)?)%, transparent\)$/.exec(value);
	if (!mix) return hex(token);
	const alpha = Number(mix[2]) / 100;
	const [fg, bg] = [hexToRgb(hex(mix[1]!)), hexToRgb(background)];
	const channels = fg.map((c, i) => Math.round(c * alpha + bg[i]! * (1 - alpha)));
	return '#' + channels.map((c) => c.toString(16).padStart(2, '0')).join('');
}

/** Every .svelte and .css file under src/, as paths relative to the project. */
function styleFiles(): string[] {
	const entries = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true });
	return entries
		.filter((e) => e.isFile() && /\.(svelte|css)$/.test(e.name))
		.map((e) => relative(ROOT, join(e.parentPath, e.name)).split('\\').join('/'))
		.sort();
}

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

// A hex colour, or a colour function with literal channels (a var() inside one is still a literal).
const COLOUR_LITERAL = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(/gi;

/**
 * Colours still typed into markup or scripts, which belong to other files' owners: each must move
 * to a token (and off this list) when its file is next edited. Style blocks have none.
 */
const KNOWN_OUTSIDE_STYLES: Record<string, string[]> = {
	// The swatch outline's SVG attribute; --ink in the CSS would be the same colour.
	'src/lib/components/layers/Swatch.svelte': ['#1f1c18']
};

/** The text of a file a colour may not be typed in: all of a .css file, a .svelte file's styles. */
function styleText(file: string, text: string): string {
	if (file.endsWith('.css')) return text;
	return [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
}

describe('design tokens', () => {
	it('declares the tokens the interface needs', () => {
		for (const token of ['--ink', '--surface', '--accent', '--accent-ink', '--focus', '--danger'])
			expect(tokens.has(token), token).toBe(true);
	});

	it('are mirrored exactly by src/lib/theme/colours.ts (every literal token, and nothing else)', () => {
		const literal = [...tokens].filter(([, value]) => !value.includes('var('));
		const mirrored = Object.entries(themeColours).map(([key, value]) => [tokenName(key), value]);
		expect(Object.fromEntries(mirrored)).toEqual(Object.fromEntries(literal));
	});

	it('mix only tokens that exist', () => {
		for (const [token, value] of tokens)
			for (const [, used] of value.matchAll(/var\((--[a-z0-9-]+)\)/g))
				expect(tokens.has(used!), `${token} uses ${used}`).toBe(true);
	});

	it('are imported once, by the root layout', () => {
		const importers = styleFiles()
			.concat(['src/app.html'])
			.filter((file) => {
				try {
					return read(file).includes('theme/tokens.css');
				} catch {
					return false;
				}
			});
		expect(importers).toEqual(['src/routes/+layout.svelte']);
	});
});

describe('the map palette', () => {
	// The palette's colours that the interface's CSS uses too, and the token each one is.
	const mirrors: [keyof Palette, string][] = [
		['water', '--water'],
		['landFocus', '--surface'],
		['provinceLine', '--line'],
		['countryLine', '--line-strong'],
		['borderCasing', '--surface-raised'],
		['labelCountryMuted', '--ink-subtle'],
		['labelProvince', '--ink-muted'],
		['labelHalo', '--surface-raised'],
		['selection', '--accent'],
		['cluster', '--accent'],
		['clusterText', '--accent-ink'],
		['areaHighlight', '--accent']
	];

	it.each(mirrors)('%s is the token %s', (key, token) => {
		expect(lightPalette[key]).toBe(tokens.get(token));
	});

	it('types no colour that a token already names, other than through the mirror', () => {
		const mirrored = new Set(mirrors.map(([key]) => key));
		const tokenValues = new Set(tokens.values());
		const duplicates = (Object.keys(lightPalette) as (keyof Palette)[]).filter(
			(key) => !mirrored.has(key) && tokenValues.has(lightPalette[key])
		);
		expect(duplicates).toEqual([]);
	});
});

describe('components', () => {
	const files = styleFiles().filter((file) => file !== TOKENS_FILE);

	it('are found (the scan reads the components and the pages)', () => {
		expect(files).toContain('src/routes/+layout.svelte');
		expect(files).toContain('src/lib/components/popup/details.css');
	});

	it.each(files)('%s types no colour in its CSS', (file) => {
		expect(styleText(file, read(file)).match(COLOUR_LITERAL) ?? []).toEqual([]);
	});

	it.each(files)('%s types no colour in its markup or script, beyond the known ones', (file) => {
		const rest = file.endsWith('.css') ? '' : read(file).replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');
		expect(rest.match(COLOUR_LITERAL) ?? []).toEqual(KNOWN_OUTSIDE_STYLES[file] ?? []);
	});

	it.each(files)('%s uses only tokens that exist (or custom properties it sets itself)', (file) => {
		const text = read(file);
		const ownProperties = new Set(
			[...text.matchAll(/(?:^|[\s;{]|style:)(--[a-z0-9-]+)\s*[:=]/gm)].map((m) => m[1])
		);
		const unknown = [...text.matchAll(/var\(\s*(--[a-z0-9-]+)/g)]
			.map((m) => m[1]!)
			.filter((token) => !tokens.has(token) && !ownProperties.has(token));
		expect(unknown).toEqual([]);
	});
});

describe('contrast (WCAG 2.2 AA)', () => {
	// Text on the surfaces it is set on: 4.5:1.
	const text: [string, string][] = [
		['--ink', '--surface'],
		['--ink', '--surface-raised'],
		['--ink', '--surface-panel'],
		['--ink', '--accent-surface-strong'],
		['--ink', '--surface-chip'],
		['--ink', '--mark'],
		['--ink', '--warning-surface'],
		['--ink-muted', '--surface'],
		['--ink-muted', '--surface-raised'],
		['--ink-muted', '--surface-panel'],
		['--ink-muted', '--surface-sunken'],
		['--ink-muted', '--surface-muted'],
		['--ink-muted', '--surface-chip'],
		['--ink-muted', '--accent-surface'],
		['--ink-muted', '--accent-surface-strong'],
		['--ink-subtle', '--surface'],
		['--ink-subtle', '--surface-raised'],
		['--ink-subtle', '--surface-panel'],
		['--ink-subtle', '--accent-surface'],
		['--ink-subtle', '--accent-surface-strong'],
		['--ink-inactive', '--surface'],
		['--ink-inactive', '--surface-raised'],
		['--ink-inactive', '--surface-panel'],
		['--accent', '--surface'],
		['--accent', '--surface-raised'],
		['--accent', '--surface-panel'],
		['--accent', '--surface-sunken'],
		['--accent', '--accent-surface'],
		['--accent-ink', '--accent'],
		['--link', '--surface'],
		['--link', '--surface-raised'],
		['--danger', '--surface-raised'],
		['--danger', '--surface-panel']
	];
	it.each(text)('text %s on %s: at least 4.5:1', (fg, bg) => {
		expect(contrastRatio(hex(fg), hex(bg))).toBeGreaterThanOrEqual(4.5);
	});

	// Focus rings, borders that mark a control or a state, and marks that carry data: 3:1.
	const graphics: [string, string][] = [
		['--focus', '--accent'],
		['--focus-alt', '--accent'],
		['--accent-line', '--accent'],
		['--accent', '--surface'],
		['--accent', '--surface-raised'],
		['--accent', '--surface-panel'],
		['--accent', '--accent-surface-strong'],
		['--link', '--surface'],
		['--link', '--surface-raised'],
		['--line-strong', '--surface-raised'],
		['--danger', '--surface-raised'],
		['--danger', '--surface-panel'],
		['--warning-border', '--warning-surface'],
		['--accent-muted', '--surface-panel']
	];
	it.each(graphics)('ring or border %s on %s: at least 3:1', (fg, bg) => {
		expect(contrastRatio(seenOn(fg, hex(bg)), hex(bg))).toBeGreaterThanOrEqual(3);
	});
});
