/**
 * The static server of `npm start`, over a small site laid out as the build lays it out: headers
 * on every response, caching, ETag and Range, canonical trailing slashes, the 404 page, long
 * links, a file that vanishes while being served, and no file left open by interrupted downloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readlinkSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { existsSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createStaticServer, listen } from '../../src/lib/server/static/server.ts';
import { assetUrls } from '../support/page-assets.ts';

/** A page as SvelteKit writes it: assets by paths relative to the page's own folder. */
const page = (title: string, depth: number) => {
	const up = depth ? '../'.repeat(depth) : './';
	return `<!doctype html><html><head>
<link href="${up}_app/immutable/assets/app.1a2b.css" rel="stylesheet">
<link href="${up}_app/immutable/entry/start.3c4d.js" rel="modulepreload">
</head><body><h1>${title}</h1>
<script>Promise.all([import("${up}_app/immutable/entry/start.3c4d.js"), import("${up}_app/immutable/entry/app.5e6f.js")]);</script>
</body></html>`;
};

const BIG_SIZE = 16 * 1024 * 1024;
const SITE: Record<string, string | Buffer> = {
	'index.html': page('Atlas', 0),
	'404.html': '<!doctype html><h1>missing</h1>',
	'sources/index.html': page('Sources', 1),
	'sources/voa-2024-01/index.html': page('VOA', 2),
	'briefing/index.html': page('Briefings', 1),
	'briefing/border-story/index.html': page('Deck', 2),
	'briefing/border-story/kabul-falls/index.html': page('Scene', 3),
	'briefing/border-story/print/index.html': page('Handout', 3),
	'legacy.html': '<h1>a page written as name.html</h1>',
	'_app/immutable/assets/app.1a2b.css': 'body{}',
	'_app/immutable/entry/start.3c4d.js': 'export {};',
	'_app/immutable/entry/app.5e6f.js': 'export {};',
	'_app/version.json': '{"version":"1"}',
	'data/places.geojson': '{"type":"FeatureCollection","features":[]}',
	'data/events.csv': 'event_id\r\n',
	'data/briefings/border-story.json': '{}',
	'digits.txt': '0123456789',
	'.secret': 'not for anyone',
	'big.bin': Buffer.alloc(BIG_SIZE, 7)
};

let root: string;
let server: Server;
let origin: string;

function writeSite(dir: string, files: Record<string, string | Buffer>) {
	for (const [name, content] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), content);
	}
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'atlas-site-'));
	writeSite(root, SITE);
	server = createStaticServer(root);
	origin = await listen(server);
});

afterAll(async () => {
	await new Promise((ok) => server.close(ok));
	rmSync(root, { recursive: true });
});

/** A raw request, for what fetch would not send as written (dot segments, odd methods). */
function raw(
	path: string,
	options: { method?: string; headers?: Record<string, string> } = {}
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
	return new Promise((ok, fail) => {
		const req = request(origin + '/', { ...options, path }, (res) => {
			let body = '';
			res.setEncoding('latin1');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => ok({ status: res.statusCode!, headers: res.headers, body }));
		});
		req.on('error', fail);
		req.end();
	});
}

const get = (path: string, headers: Record<string, string> = {}) =>
	fetch(origin + path, { headers, redirect: 'manual' });

describe('security headers', () => {
	it.each([
		['a page', '/', {}, 200],
		['an asset', '/_app/immutable/entry/start.3c4d.js', {}, 200],
		['a missing page', '/no/such/page', {}, 404],
		['a missing asset', '/_app/immutable/missing.js', {}, 404],
		['a redirect', '/sources', {}, 308],
		['a revalidation', '/digits.txt', { 'if-none-match': 'from-the-test' }, 200],
		['a range', '/digits.txt', { range: 'bytes=1-2' }, 206]
	])('are on %s (%s)', async (_, path, headers, status) => {
		const res = await get(path, headers);
		expect(res.status).toBe(status);
		expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
		expect(res.headers.get('referrer-policy')).toBe('no-referrer');
	});

	it('are on a 304 and a 405 too', async () => {
		const etag = (await get('/digits.txt')).headers.get('etag')!;
		for (const res of [
			await raw('/digits.txt', { headers: { 'if-none-match': etag } }),
			await raw('/', { method: 'POST' })
		]) {
			expect([304, 405]).toContain(res.status);
			expect(res.headers['x-content-type-options']).toBe('nosniff');
			expect(res.headers['x-frame-options']).toBe('DENY');
		}
	});
});

describe('caching', () => {
	it.each([
		['/_app/immutable/entry/start.3c4d.js', 'public, max-age=31536000, immutable'],
		['/_app/immutable/assets/app.1a2b.css', 'public, max-age=31536000, immutable'],
		['/', 'no-cache'],
		['/sources/voa-2024-01/', 'no-cache'],
		['/_app/version.json', 'no-cache'],
		['/data/places.geojson', 'no-cache'],
		['/_app/immutable/missing.js', 'no-cache']
	])('%s is sent with Cache-Control %s', async (path, expected) => {
		expect((await get(path)).headers.get('cache-control')).toBe(expected);
	});

	it('sends an ETag and answers a matching If-None-Match with 304 and no body', async () => {
		const first = await get('/data/places.geojson');
		const etag = first.headers.get('etag');
		expect(etag).toMatch(/^W\/".+"$/);
		const again = await raw('/data/places.geojson', { headers: { 'if-none-match': etag! } });
		expect(again.status).toBe(304);
		expect(again.body).toBe('');
		expect((await get('/data/places.geojson', { 'if-none-match': 'W/"other"' })).status).toBe(200);
	});

	it.each([
		['/data/places.geojson', /^application\/geo\+json; charset=utf-8$/],
		['/data/events.csv', /^text\/csv; charset=utf-8$/],
		['/_app/immutable/entry/start.3c4d.js', /^text\/javascript; charset=utf-8$/],
		['/', /^text\/html;\s*charset=utf-8$/]
	])('sends %s as %s', async (path, type) => {
		expect((await get(path)).headers.get('content-type')).toMatch(type);
	});
});

describe('ranges', () => {
	it('answers a byte range with 206 and exactly those bytes', async () => {
		const res = await get('/digits.txt', { range: 'bytes=2-5' });
		expect(res.status).toBe(206);
		expect(res.headers.get('content-range')).toBe('bytes 2-5/10');
		expect(await res.text()).toBe('2345');
	});

	it('answers an open-ended range with the rest of the file', async () => {
		const res = await get('/digits.txt', { range: 'bytes=7-' });
		expect(res.status).toBe(206);
		expect(await res.text()).toBe('789');
	});

	it('answers a range past the end with 416', async () => {
		const res = await get('/digits.txt', { range: 'bytes=50-60' });
		expect(res.status).toBe(416);
		expect(res.headers.get('content-range')).toBe('bytes */10');
	});

	// Ranges sirv would get wrong (or crash on) are ignored: the whole file, with 200.
	it.each(['bytes=-3', 'bytes=0-0', 'bytes=5-2', 'bytes=0-1,4-5', 'items=0-3', 'bytes=abc'])(
		'sends the whole file for %s',
		async (range) => {
			const res = await get('/digits.txt', { range });
			expect(res.status).toBe(200);
			expect(await res.text()).toBe('0123456789');
		}
	);

	it('sends the whole file for a conditional range (If-Range)', async () => {
		const res = await get('/digits.txt', { range: 'bytes=2-5', 'if-range': 'W/"old"' });
		expect(res.status).toBe(200);
		expect(await res.text()).toBe('0123456789');
	});
});

describe('page addresses', () => {
	/** Every kind of page, as the build writes it. */
	const PAGES = [
		['/', 'Atlas'],
		['/sources/', 'Sources'],
		['/sources/voa-2024-01/', 'VOA'],
		['/briefing/', 'Briefings'],
		['/briefing/border-story/', 'Deck'],
		['/briefing/border-story/kabul-falls/', 'Scene'],
		['/briefing/border-story/print/', 'Handout']
	] as const;

	it.each(PAGES)('serves %s, and every asset it loads resolves to a file', async (path, title) => {
		const res = await get(path);
		expect(res.status).toBe(200);
		const html = await res.text();
		expect(html).toContain(`<h1>${title}</h1>`);
		const assets = assetUrls(html, origin + path);
		expect(assets.length).toBeGreaterThanOrEqual(3);
		for (const url of assets) expect((await fetch(url)).status, url).toBe(200);
	});

	it.each(PAGES.filter(([path]) => path !== '/'))(
		'redirects %s without its slash to it, keeping the query string',
		async (path) => {
			const bare = path.slice(0, -1);
			const res = await get(`${bare}?view=70,33,6&groups=strikes`);
			expect(res.status).toBe(308);
			expect(res.headers.get('location')).toBe(`${path}?view=70,33,6&groups=strikes`);
			const followed = await fetch(origin + bare);
			expect(followed.status).toBe(200);
			expect(new URL(followed.url).pathname).toBe(path);
		}
	);

	it('redirects a page written as name.html to its address without a slash', async () => {
		const res = await get('/legacy/?a=1');
		expect(res.status).toBe(308);
		expect(res.headers.get('location')).toBe('/legacy?a=1');
		expect((await get('/legacy')).status).toBe(200);
	});

	it('never redirects to another host', async () => {
		const res = await raw('//sources');
		expect(res.status).toBe(308);
		expect(res.headers.location).toBe('/sources/');
	});

	it.each(['/data/places.geojson', '/data/briefings/border-story.json', '/data/events.csv'])(
		'serves the data file %s under its exact name',
		async (path) => {
			expect((await get(path)).status).toBe(200);
			const slashed = await get(path + '/');
			expect(slashed.status).toBe(308);
			expect(slashed.headers.get('location')).toBe(path);
		}
	);
});

describe('not found', () => {
	it('answers a missing page with 404 and the site’s 404.html', async () => {
		const res = await get('/no/such/page/');
		expect(res.status).toBe(404);
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		expect(await res.text()).toBe(SITE['404.html']);
		const head = await raw('/no/such/page/', { method: 'HEAD' });
		expect(head.status).toBe(404);
		expect(head.body).toBe('');
	});

	it.each([
		'/../../etc/passwd',
		'/%2e%2e/%2e%2e/etc/passwd',
		'/sources/..%2f..%2f..%2fetc%2fpasswd',
		'/%E0%A4%A',
		'/.secret',
		'/sources/%00',
		'/nothing'
	])('refuses %s with a 404', async (path) => {
		const res = await raw(path);
		expect(res.status).toBe(404);
		expect(res.body).not.toContain('root:');
		expect(res.body).not.toContain('not for anyone');
	});

	it('without a 404.html, answers with its own page naming the address as text', async () => {
		const bare = mkdtempSync(join(tmpdir(), 'atlas-bare-'));
		writeFileSync(join(bare, 'index.html'), 'home');
		const plain = createStaticServer(bare);
		const at = await listen(plain);
		try {
			const res = await fetch(`${at}/<script>alert(1)</script>&"'`);
			expect(res.status).toBe(404);
			const html = await res.text();
			expect(html).toContain('<h1>Page not found</h1>');
			expect(html).toContain('<code>/&lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot;&#39;</code>');
			expect(html).not.toContain('<script>');
			expect(html).toContain('<a href="/">Back to the map</a>');
			expect(res.headers.get('x-content-type-options')).toBe('nosniff');
		} finally {
			await new Promise((ok) => plain.close(ok));
			rmSync(bare, { recursive: true });
		}
	});

	it('allows only GET and HEAD', async () => {
		const res = await raw('/', { method: 'POST' });
		expect(res.status).toBe(405);
		expect(res.headers.allow).toBe('GET, HEAD');
	});
});

describe('long links', () => {
	it.each([20_000, 200_000])('serves a page for a query string of %i bytes', async (length) => {
		const res = await get(`/?view=${'x'.repeat(length)}`);
		expect(res.status).toBe(200);
		expect(await res.text()).toContain('<h1>Atlas</h1>');
	});
});

describe('files that go away', () => {
	it('answers 404, and keeps serving, when a file is renamed between its check and its open', async () => {
		const file = join(root, 'vanishing.txt');
		writeFileSync(file, 'here');
		// Runs right after the server's own handler, in the same tick: sirv has checked the file,
		// and its stream opens it only on the next tick.
		const moveAway = () => {
			if (existsSync(file)) renameSync(file, file + '.moved');
		};
		server.on('request', moveAway);
		try {
			const res = await get('/vanishing.txt');
			expect(res.status).toBe(404);
			expect(await res.text()).toBe(SITE['404.html']);
		} finally {
			server.off('request', moveAway);
		}
		expect(existsSync(file + '.moved')).toBe(true);
		expect((await get('/digits.txt')).status).toBe(200);
	});
});

const FD_DIR = '/proc/self/fd';

/** This process's open file descriptors, as what each points at. */
function openFiles(): string[] {
	return readdirSync(FD_DIR).flatMap((fd) => {
		try {
			return [readlinkSync(join(FD_DIR, fd))];
		} catch {
			return []; // closed while listing (the listing's own descriptor, for one)
		}
	});
}

/** Requests `path`, reads the first chunk of the body, then drops the connection. */
function abortAfterFirstChunk(path: string): Promise<void> {
	return new Promise((ok, fail) => {
		const req = request(origin + path, (res) => {
			res.once('data', () => {
				req.destroy();
				ok();
			});
		});
		req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? ok() : fail(e)));
		req.end();
	});
}

/** Resolves once `check` holds, looking again after each turn of the event loop (at most `turns`). */
async function eventually(check: () => boolean, turns = 600): Promise<boolean> {
	for (let i = 0; i < turns; i++) {
		if (check()) return true;
		await new Promise((ok) => setTimeout(ok, 5));
	}
	return check();
}

describe.skipIf(!existsSync(FD_DIR))('interrupted downloads', () => {
	it('leave no file open', async () => {
		const big = join(root, 'big.bin');
		const before = openFiles();
		const aborted = 200;
		for (let i = 0; i < aborted; i += 20)
			await Promise.all(Array.from({ length: 20 }, () => abortAfterFirstChunk('/big.bin')));
		const connections = () => new Promise<number>((ok) => server.getConnections((_, count) => ok(count)));
		let open = 1;
		await eventually(() => {
			void connections().then((count) => (open = count));
			return open === 0 && !openFiles().includes(big);
		});
		expect(openFiles().filter((path) => path === big)).toEqual([]);
		// Nothing else piled up either: sockets closed, no descriptor per download.
		expect(openFiles().length - before.length).toBeLessThan(aborted / 10);
		expect((await get('/digits.txt')).status).toBe(200);
	});

	it('leave no file open when the client goes before the file is open', async () => {
		const big = join(root, 'big.bin');
		await Promise.all(
			Array.from(
				{ length: 50 },
				() =>
					new Promise<void>((ok) => {
						const req = request(origin + '/big.bin');
						req.on('error', () => ok());
						req.on('response', () => {
							req.destroy();
							ok();
						});
						req.end();
					})
			)
		);
		expect(await eventually(() => !openFiles().includes(big))).toBe(true);
	});
});
