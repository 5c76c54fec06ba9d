/**
 * What the service worker (src/service-worker.ts) does, as pure functions it and the unit tests
 * share: the cache of each build, what it stores on install, and how it answers each request.
 *
 * - One cache per build `version`; on activation every older cache of the atlas is deleted.
 * - Install stores the whole build: the hashed assets, the static files and every prerendered
 *   page and data file, so that after one visit everything opens with no network at all.
 * - Hashed assets (`_app/immutable/`) never change under their name: cache first.
 * - Pages and data: network first, so a deployed change shows at once, with the cache as the
 *   fallback when the network is down. Only requests on the atlas's own origin are ever answered;
 *   anything else is left to the browser (and the CSP allows nothing else).
 */

/** Every cache the atlas makes starts with this, so it never deletes another app's caches. */
export const CACHE_PREFIX = 'frontier-atlas-';

/** The folder of hashed build output: a file there never changes under the same name. */
const IMMUTABLE = '_app/immutable/';

/** The page a static host sends for an address it has no file for (adapter-static's fallback). */
export const FALLBACK_PAGE = '404.html';

/** Kit's record of the build's version: a running page asks for it to learn of a deploy. */
const VERSION_FILE = '_app/version.json';

/**
 * Files `$service-worker` does not list, stored when present: the fallback page (written by the
 * adapter after the list is made) and Kit's version file (offline, the cached one is the answer:
 * no newer version can be reached).
 */
export function optionalPaths(base: string): string[] {
	return [`${base}/${FALLBACK_PAGE}`, `${base}/${VERSION_FILE}`];
}

/** Static files that are not part of the app (the README's screenshot): never precached. */
const NOT_PRECACHED = ['screenshot.png'];

export function cacheName(version: string): string {
	return CACHE_PREFIX + version;
}

/** The atlas's caches that a worker of `version` no longer needs. */
export function staleCaches(names: readonly string[], version: string): string[] {
	return names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== cacheName(version));
}

/** What `$service-worker` lists: paths under the worker's base (`/_app/…`, `/favicon.svg`, `/sources/`). */
export interface BuildManifest {
	build: readonly string[];
	files: readonly string[];
	prerendered: readonly string[];
}

/** The paths to store on install, each once, in the order given. */
export function precachePaths({ build, files, prerendered }: BuildManifest): string[] {
	const keep = (p: string) => !NOT_PRECACHED.some((name) => p.endsWith('/' + name));
	return [...new Set([...build, ...files.filter(keep), ...prerendered])];
}

/** Whether the file at `path` is hashed build output (safe to keep as long as it is cached). */
export function isImmutable(path: string, base: string): boolean {
	return path.startsWith(`${base}/${IMMUTABLE}`);
}

/** The parts of a fetch the plan looks at (a Request has them all). */
export interface RequestLike {
	method: string;
	url: string;
	mode: string;
	headers: { has(name: string): boolean };
}

export type Plan =
	/** Not the worker's business: the browser fetches it as if there were no worker. */
	| { kind: 'pass' }
	/** Hashed asset: from the cache, from the network only if it is missing. */
	| { kind: 'cache-first'; key: string }
	/**
	 * From the network; when that fails, the cached copy under `key`, or else (for a page) the
	 * cached fallback page. `redirect`: the canonical address of a page asked for without its
	 * trailing slash, sent instead when offline (its relative asset paths need the slash).
	 */
	| { kind: 'network-first'; key: string | null; redirect?: string; fallback?: string };

/**
 * How to answer a request. `origin` and `base` are the worker's (`base` is '' at the root of a
 * site, `/atlas` under a folder); `cached` is the set of paths stored on install.
 */
export function planRequest(
	request: RequestLike,
	origin: string,
	base: string,
	cached: ReadonlySet<string>
): Plan {
	// Only plain GETs of our own origin. Range requests (media seeking) would need partial
	// responses the cache cannot give; anything off the origin is none of the atlas's business.
	if (request.method !== 'GET' || request.headers.has('range')) return { kind: 'pass' };
	const url = new URL(request.url);
	if (url.origin !== origin) return { kind: 'pass' };
	const path = url.pathname;
	if (!path.startsWith(base + '/')) return { kind: 'pass' };
	if (isImmutable(path, base)) return { kind: 'cache-first', key: path };

	const navigation = request.mode === 'navigate';
	const key = cacheKeyFor(path, cached);
	const fallback = navigation ? `${base}/${FALLBACK_PAGE}` : undefined;
	if (key && key !== path && key === path + '/') {
		// `/sources/voa` → `/sources/`: the server would redirect; offline, so does the worker.
		return { kind: 'network-first', key: null, redirect: key + url.search, fallback };
	}
	return { kind: 'network-first', key, fallback };
}

/**
 * The precached path that answers `path`: itself, its folder's page (`/name/index.html` is the
 * page `/name/`), or the page with its trailing slash (`/name` is `/name/`). Null when none is
 * cached. Query strings never matter: pages and data files are the same whatever the query.
 */
export function cacheKeyFor(path: string, cached: ReadonlySet<string>): string | null {
	if (cached.has(path)) return path;
	if (path.endsWith('/index.html')) {
		const folder = path.slice(0, -'index.html'.length);
		if (cached.has(folder)) return folder;
	}
	if (!path.endsWith('/') && cached.has(path + '/')) return path + '/';
	return null;
}
