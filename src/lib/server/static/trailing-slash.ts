/**
 * Canonical page addresses. The build writes every page as `name/index.html` (trailingSlash
 * 'always'), and its pages load their assets by relative paths, which resolve against the
 * address's last slash: `/sources/voa` must therefore become `/sources/voa/`, or the page would
 * look for `/sources/_app/...`. A redirect goes to whichever form the build has a file for, so a
 * build that writes `name.html` is served right too. The query string is kept.
 */
import { statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** The file system path under root for a URL path, or null if it is malformed or escapes root. */
function underRoot(root: string, urlPath: string): string | null {
	let decoded: string;
	try {
		decoded = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	if (decoded.includes('\0')) return null;
	const full = resolve(root, '.' + decoded);
	return full === root || full.startsWith(root + sep) ? full : null;
}

/**
 * Where to redirect `pathname` (with `search` kept), or null to serve it as it is. `root` must be
 * an absolute path. A path whose last segment has a file extension is a file, never given a slash.
 */
export function canonicalLocation(root: string, pathname: string, search: string): string | null {
	if (pathname === '/') return null;
	const last = pathname.slice(pathname.lastIndexOf('/') + 1);
	if (last.includes('.')) return null;
	// Never `//host`, which a browser would read as another site.
	const clean = '/' + pathname.replace(/^\/+/, '');
	if (pathname.endsWith('/')) {
		const folder = underRoot(root, pathname);
		const page = underRoot(root, pathname.slice(0, -1));
		if (!folder || !page || isFile(join(folder, 'index.html'))) return null;
		// `/name/` for `name.html`, or for a file such as `/data/places.geojson/`.
		return isFile(page + '.html') || isFile(page) ? clean.slice(0, -1) + search : null;
	}
	const folder = underRoot(root, pathname);
	if (!folder || !isFile(join(folder, 'index.html'))) return null;
	return clean + '/' + search;
}
