/**
 * The static server of the built site: `npm start` serves with it, and the end-to-end tests and
 * the benchmark run against it. Files are served by sirv (as Vite's own preview does: ETag and
 * 304, Range and 206), wrapped in a small node:http server that adds what sirv lacks: the same
 * security headers on every response, a year's caching for hashed assets, canonical trailing
 * slashes, a 404 page, room for long share links, and file streams that are always closed.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { setCommonHeaders, setTextCharset } from './headers.ts';
import { keepOnlySimpleRanges } from './range.ts';
import { guardFileStreams } from './file-streams.ts';
import { canonicalLocation } from './trailing-slash.ts';
import { sendNotFound } from './not-found.ts';

/**
 * The most bytes of request line and headers accepted (Node's default is 16 KB). The atlas keeps
 * its whole view in the query string, and a link the page cannot fully use must still reach it
 * so that the page can say what it ignored, instead of the server refusing it with a 431.
 */
export const MAX_HEADER_BYTES = 1024 * 1024;

/** A path segment starting with a dot (`/.git/`, `/.env`): never part of the site. */
const DOT_SEGMENT = /(^|\/)\.[^/]*(\/|$)/;

export function createStaticServer(root: string): Server {
	const base = resolve(root);
	const notFound = (req: IncomingMessage, res: ServerResponse) => sendNotFound(base, req, res);
	// dev: look each file up when asked (a rebuild needs no restart); etag: W/"size-mtime".
	const files = sirv(base, {
		dev: true,
		etag: true,
		dotfiles: false,
		onNoMatch: notFound,
		setHeaders: setTextCharset
	});

	return createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
		const url = req.url ?? '/';
		const query = url.indexOf('?');
		const pathname = query === -1 ? url : url.slice(0, query);
		const search = query === -1 ? '' : url.slice(query);
		setCommonHeaders(res, pathname);

		if (req.method !== 'GET' && req.method !== 'HEAD') {
			res.writeHead(405, { Allow: 'GET, HEAD' }).end();
			return;
		}
		// Only origin-form targets (`/path?query`); `*` or `http://host/...` are not for this server.
		if (!pathname.startsWith('/')) {
			res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request');
			return;
		}
		if (DOT_SEGMENT.test(pathname)) return notFound(req, res);

		const location = canonicalLocation(base, pathname, search);
		if (location) {
			res.writeHead(308, { Location: location }).end();
			return;
		}

		keepOnlySimpleRanges(req);
		guardFileStreams(res, () => notFound(req, res));
		try {
			files(req, res);
		} catch {
			// sirv looks a file up with existsSync then statSync: a file removed in between throws.
			notFound(req, res);
		}
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
