/**
 * A deliberately dumb static file server, standing in for the plainest static host: `/a/b` is
 * the file `a/b`, `/a/` is `a/index.html`, and anything else is a bare 404. No redirects, no
 * `.html` guessing, no 404 page, no special headers: if the build works here, it works on any
 * host that serves files (python3 -m http.server, a bucket, a CDN). It knows the content types
 * every host knows (a module worker is refused without a JavaScript type).
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webp': 'image/webp',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff'
};

function fileFor(root: string, url: string): string | null {
	let path: string;
	try {
		path = decodeURIComponent(new URL(url, 'http://host').pathname);
	} catch {
		return null;
	}
	if (path.endsWith('/')) path += 'index.html';
	const full = resolve(root, '.' + path);
	if (!full.startsWith(root + sep)) return null;
	try {
		return statSync(full).isFile() ? full : null;
	} catch {
		return null;
	}
}

export function createPlainServer(root: string): Server {
	const base = resolve(root);
	return createServer((req, res) => {
		const file = fileFor(base, req.url ?? '/');
		if (!file) {
			res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404');
			return;
		}
		res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
		const stream = createReadStream(file);
		stream.on('error', () => res.destroy());
		res.on('close', () => stream.destroy());
		stream.pipe(res);
	});
}
