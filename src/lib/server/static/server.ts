/**
 * A small static file server for the built site: `npm start` serves with it, and the end-to-end
 * tests and the benchmark run against it, so they see exactly what any static host would serve.
 * Prerendered pages are `name.html` files (trailing slashes off), so `/sources/x` → `sources/x.html`.
 */
import { createServer, type Server } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.geojson': 'application/geo+json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

function isFile(path: string): boolean {
	try {
		return statSync(path).isFile();
	} catch {
		return false;
	}
}

/** Maps a URL path to a file under root, or null; never escapes root. */
export function resolveFile(root: string, urlPath: string): string | null {
	let path: string;
	try {
		path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
	} catch {
		return null;
	}
	const base = resolve(root);
	const full = resolve(base, '.' + normalize('/' + path));
	if (full !== base && !full.startsWith(base + sep)) return null;
	const candidates = [full, full + '.html', join(full, 'index.html')];
	return candidates.find(isFile) ?? null;
}

export function createStaticServer(root: string): Server {
	return createServer((req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { allow: 'GET, HEAD' }).end();
			return;
		}
		const file = resolveFile(root, req.url ?? '/');
		const notFound = file ? null : resolveFile(root, '/404');
		const path = file ?? notFound;
		if (!path) {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
			return;
		}
		res.writeHead(file ? 200 : 404, {
			'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
			'cache-control': 'no-cache',
			'x-content-type-options': 'nosniff'
		});
		if (req.method === 'HEAD') res.end();
		else createReadStream(path).pipe(res);
	});
}

/** Starts a server on 127.0.0.1 (port 0 picks a free one) and resolves to its origin. */
export function listen(server: Server, port = 0): Promise<string> {
	return new Promise((ok, fail) => {
		server.once('error', fail);
		server.listen(port, '127.0.0.1', () => {
			const address = server.address();
			if (address && typeof address === 'object') ok(`http://127.0.0.1:${address.port}`);
			else fail(new Error('server has no address'));
		});
	});
}
