/** Serves the built site (./build) for a test file; `npm test` builds it first. */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { createStaticServer, listen } from '../../src/lib/server/static/server.ts';

export async function serveBuild(root = 'build'): Promise<{ origin: string; close: () => Promise<void> }> {
	if (!existsSync(`${root}/index.html`)) throw new Error(`no built site in ${root}: run npm run build`);
	const server: Server = createStaticServer(root);
	const origin = await listen(server);
	return { origin, close: () => new Promise((ok) => server.close(() => ok())) };
}
