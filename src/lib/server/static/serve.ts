/**
 * `npm run serve`: serves the built site (./build) on localhost. PORT overrides the port.
 */
import { existsSync } from 'node:fs';
import { createStaticServer, listen } from './server.ts';

const root = 'build';
if (!existsSync(`${root}/index.html`)) {
	console.error('No built site in ./build: run `npm run build` first (or `npm start`, which does both).');
	process.exit(1);
}
const port = Number(process.env.PORT ?? 4173);
const origin = await listen(createStaticServer(root), Number.isInteger(port) ? port : 4173);
console.log(`Frontier Atlas is served at ${origin}/ (Ctrl+C to stop)`);
