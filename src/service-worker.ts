/**
 * The atlas's service worker: after one visit the whole atlas (app, basemap, fonts, data, every
 * prerendered page and briefing) opens with no network at all. What it caches and how it answers
 * each request is decided by the pure functions of src/lib/app/cache-plan.ts (unit-tested):
 * one cache per build version, hashed assets cache first, pages and data network first with the
 * cache as the fallback, pages asked for without their trailing slash redirected to it offline.
 *
 * It is SvelteKit's own `src/service-worker.ts` with `$service-worker`, and no dependency:
 * @vite-pwa/sveltekit pulls in hundreds of packages and has precache bugs with the static adapter
 * (prerendered pages missing from, or wrongly named in, its precache list).
 *
 * Updates: a new worker installs beside the old one and waits, so a page never runs a mix of two
 * builds. The page (src/lib/app/service-worker-client.ts) offers to reload; when the reader
 * accepts, it sends SKIP_WAITING, this worker takes over, deletes the old build's cache and
 * claims the page, which then reloads once. The page registers the worker itself, after the page
 * and its map have settled, so the first visit does not pay for it.
 */
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
import { base, build, files, prerendered, version } from '$service-worker';
import {
	cacheName,
	isImmutable,
	optionalPaths,
	planRequest,
	precachePaths,
	staleCaches,
	type Plan
} from './lib/app/cache-plan.ts';
import { SKIP_WAITING } from './lib/app/messages.ts';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = cacheName(version);
const PRECACHE = precachePaths({ build, files, prerendered });
/** Stored if present: the fallback page and Kit's version file (see cache-plan.ts). */
const OPTIONAL = optionalPaths(base);
const cached = new Set([...PRECACHE, ...OPTIONAL]);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		(async () => {
			const cache = await caches.open(CACHE);
			// Hashed files may come from the HTTP cache; everything else is revalidated, so that a
			// new build's cache never holds an old build's page.
			await cache.addAll(
				PRECACHE.map((path) => new Request(path, { cache: isImmutable(path, base) ? 'default' : 'no-cache' }))
			);
			await Promise.all(
				OPTIONAL.map((path) => cache.add(new Request(path, { cache: 'no-cache' })).catch(() => {}))
			);
		})()
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const name of staleCaches(await caches.keys(), version)) await caches.delete(name);
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	if (event.data?.type === SKIP_WAITING) void sw.skipWaiting();
});

sw.addEventListener('fetch', (event) => {
	const plan = planRequest(event.request, sw.location.origin, base, cached);
	if (plan.kind === 'pass') return;
	event.respondWith(answer(event.request, plan));
});

async function answer(request: Request, plan: Exclude<Plan, { kind: 'pass' }>): Promise<Response> {
	const cache = await caches.open(CACHE);
	if (plan.kind === 'cache-first') {
		const hit = await cache.match(plan.key);
		if (hit) return hit;
		const response = await fetch(request);
		// A hashed file of this build that was not stored (evicted, or added since): keep it.
		if (response.ok) void cache.put(plan.key, response.clone());
		return response;
	}
	try {
		// The network's answer is not stored: the cache holds this build's copy, consistent with
		// its hashed assets, while the server may already have the next build's.
		return await fetch(request);
	} catch (offline) {
		if (plan.redirect) return Response.redirect(new URL(plan.redirect, sw.location.origin).href, 308);
		const hit = plan.key ? await cache.match(plan.key) : undefined;
		if (hit) return hit;
		// A page this build does not have: its not-found page, with the status it would have had.
		const notFound = plan.fallback ? await cache.match(plan.fallback) : undefined;
		if (notFound) return new Response(notFound.body, { status: 404, headers: notFound.headers });
		throw offline;
	}
}
