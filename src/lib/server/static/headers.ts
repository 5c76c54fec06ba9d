/**
 * The headers every response of the static server carries, whatever its status (404s included),
 * and how long each kind of file may be cached.
 */
import type { ServerResponse } from 'node:http';
import { extname } from 'node:path';

/** The folder of hashed build output: a file there never changes under the same name. */
export const IMMUTABLE_PREFIX = '/_app/immutable/';

/**
 * nosniff: a file is only ever what its Content-Type says (a 404 page is never run as a script).
 * Anti-framing, in both the old and the CSP form, because a `<meta>` CSP cannot forbid framing.
 * No referrer: a link out of the atlas does not tell the other site what was being looked at.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'X-Content-Type-Options': 'nosniff',
	'X-Frame-Options': 'DENY',
	'Content-Security-Policy': "frame-ancestors 'none'",
	'Referrer-Policy': 'no-referrer'
};

/** A year and immutable for hashed assets; everything else is revalidated (by its ETag) each time. */
export function cacheControlFor(pathname: string): string {
	return pathname.startsWith(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export function setCommonHeaders(res: ServerResponse, pathname: string): void {
	for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
	res.setHeader('Cache-Control', cacheControlFor(pathname));
}

/** Text types sirv sends without a charset: every text file of the build is UTF-8. */
const UTF8_TYPES: Readonly<Record<string, string>> = {
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv',
	'.txt': 'text/plain',
	'.svg': 'image/svg+xml'
};

/** For sirv's `setHeaders`: names the charset of text files (sirv does so only for HTML). */
export function setTextCharset(res: ServerResponse, pathname: string): void {
	const type = UTF8_TYPES[extname(pathname).toLowerCase()];
	if (type) res.setHeader('Content-Type', `${type}; charset=utf-8`);
}
