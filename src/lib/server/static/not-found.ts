/**
 * The "not found" answer: status 404 with the site's own 404.html (the build writes it as a page
 * of the app that names the address asked for and leads back to the map, and plain static hosts
 * serve the same file for their misses). Without one, a small page of its own says the same.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const NOT_FOUND_PAGE = '404.html';

const escapeHtml = (text: string) =>
	text.replace(
		/[&<>"']/g,
		(c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!
	);

/** The address asked for, decoded for reading where it can be. */
function shownPath(url: string): string {
	const path = url.split('?')[0]!;
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** The page used when the site has no 404.html: plain, escaped, with the way back. */
export function fallbackNotFoundPage(url: string): string {
	return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Not found · Frontier Atlas</title></head>
<body>
<h1>Page not found</h1>
<p>There is no page at <code>${escapeHtml(shownPath(url))}</code> in this atlas.</p>
<p><a href="/">Back to the map</a></p>
</body>
</html>
`;
}

export function sendNotFound(root: string, req: IncomingMessage, res: ServerResponse): void {
	if (res.headersSent) {
		res.destroy();
		return;
	}
	let page: Buffer;
	try {
		page = readFileSync(join(root, NOT_FOUND_PAGE));
	} catch {
		page = Buffer.from(fallbackNotFoundPage(req.url ?? '/'));
	}
	res.statusCode = 404;
	res.setHeader('Content-Type', 'text/html; charset=utf-8');
	res.setHeader('Content-Length', page.length);
	// Whatever the address, a 404 must not be kept as if it were a hashed asset.
	res.setHeader('Cache-Control', 'no-cache');
	res.end(req.method === 'HEAD' ? undefined : page);
}
