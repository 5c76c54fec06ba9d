import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/**
 * A fully static site: every route is prerendered, and the data files under /data are written
 * at build time by prerendered endpoints. The CSP allows nothing off the site's own origin.
 * `404.html` is the app's not-found page (src/routes/+error.svelte): static hosts and `npm start`
 * send it for any address they have no file for; it names that address and leads back to the map.
 */
/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The fallback page loads its assets by absolute paths, so it works at any depth of address.
		adapter: adapter({ fallback: '404.html', strict: true }),
		// A route with no instances (no briefing decks yet) is not an error.
		prerender: { handleHttpError: 'fail', handleMissingId: 'fail', handleUnseenRoutes: 'warn' },
		// src/service-worker.ts is registered by the page itself, once the page and its map have
		// settled, so that the first load does not pay for it (src/lib/app/service-worker-client.ts).
		serviceWorker: { register: false },
		// Every stylesheet of a page is written into its HTML: no stylesheet request holds back the
		// first paint (the largest paint is the layer panel's text, in the prerendered HTML).
		inlineStyleThreshold: Infinity,
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self', 'blob:'],
				'manifest-src': ['self'],
				'child-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
