/**
 * `npm run serve` (and `npm start`, after the build): serves the built site (./build) on
 * 127.0.0.1 only, at port 4173 or the one PORT names (PORT=0 picks a free one).
 */
import { existsSync } from 'node:fs';
import { createStaticServer, listen } from './server.ts';

const root = 'build';
if (!existsSync(`${root}/index.html`)) {
	console.error('No built site in ./build: run `npm run build` first (or `npm start`, which does both).');
	process.exit(1);
}
const port = Number(process.env.PORT || 4173);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	console.error(`PORT must be a port number (0–65535), not "${process.env.PORT}".`);
	process.exit(1);
}
const origin = await listen(createStaticServer(root), port);
console.log(`Frontier Atlas is served at ${origin}/ (Ctrl+C to stop)`);
