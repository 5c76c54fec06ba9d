/**
 * The assets a built page loads by URL (scripts, styles, module preloads, icons, and the
 * `import("…")` of SvelteKit's start-up script), resolved against the address the page was served
 * at, the way a browser resolves them. Used to check that a page works at that address.
 */

/** `src` and `href` of script, link and img tags, and the specifiers of inline dynamic imports. */
export function assetReferences(html: string): string[] {
	const refs: string[] = [];
	for (const tag of html.matchAll(/<(?:script|link|img)\b[^>]*>/gi)) {
		for (const attr of tag[0].matchAll(/\b(?:src|href)=(?:"([^"]*)"|'([^']*)')/gi))
			refs.push(attr[1] ?? attr[2]!);
	}
	for (const script of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
		for (const spec of script[1]!.matchAll(/import\(\s*["']([^"']+)["']\s*\)/g)) refs.push(spec[1]!);
	}
	return refs.filter((ref) => !/^(?:data:|blob:|#)/.test(ref));
}

/** The absolute URLs of a page's assets, given the URL it was served at (after any redirect). */
export function assetUrls(html: string, pageUrl: string): string[] {
	return [...new Set(assetReferences(html).map((ref) => new URL(ref, pageUrl).href))];
}
