import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { createStaticServer, listen, resolveFile } from '../../src/lib/server/static/server.ts';

let root: string;
let server: Server;
let origin: string;

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'atlas-site-'));
	writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
	writeFileSync(join(root, '404.html'), '<h1>missing</h1>');
	mkdirSync(join(root, 'sources'));
	writeFileSync(join(root, 'sources', 'voa.html'), 'voa');
	writeFileSync(join(root, 'style.css'), 'body{}');
	server = createStaticServer(root);
	origin = await listen(server);
});

afterAll(() => {
	server.close();
	rmSync(root, { recursive: true });
});

describe('static server', () => {
	it.each([
		['/', 'index.html'],
		['/sources/voa', join('sources', 'voa.html')],
		['/style.css?v=1', 'style.css']
	])('maps %s to %s', (url, file) => expect(resolveFile(root, url)).toBe(join(root, file)));

	it.each(['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/%E0%A4%A', '/nothing'])('refuses %s', (url) => {
		expect(resolveFile(root, url)).toBeNull();
	});

	it('serves files with their content type and 404s with the 404 page', async () => {
		const css = await fetch(`${origin}/style.css`);
		expect(css.status).toBe(200);
		expect(css.headers.get('content-type')).toMatch(/^text\/css/);
		const missing = await fetch(`${origin}/no/such/page`);
		expect(missing.status).toBe(404);
		expect(await missing.text()).toContain('missing');
	});

	it('allows only GET and HEAD', async () => {
		expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
	});
});
