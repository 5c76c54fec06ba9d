/**
 * The service worker's plan (src/lib/app/cache-plan.ts): one cache per build version, what is
 * precached, which requests it answers and how, and which cached copy answers a page's address.
 */
import { describe, expect, it } from 'vitest';
import {
	CACHE_PREFIX,
	cacheKeyFor,
	cacheName,
	optionalPaths,
	planRequest,
	precachePaths,
	staleCaches,
	type RequestLike
} from '$lib/app/cache-plan';

const ORIGIN = 'http://127.0.0.1:4173';
const CACHED = new Set([
	'/',
	'/sources/',
	'/sources/voa-2024-01/',
	'/data/events.geojson',
	'/favicon.svg',
	...optionalPaths('')
]);

function request(
	path: string,
	init: Partial<Omit<RequestLike, 'headers'>> & { range?: boolean } = {}
): RequestLike {
	return {
		method: init.method ?? 'GET',
		url: path.startsWith('http') ? path : ORIGIN + path,
		mode: init.mode ?? 'cors',
		headers: { has: (name: string) => !!init.range && name.toLowerCase() === 'range' }
	};
}

describe('caches by version', () => {
	it('names one cache per version, under the atlas prefix', () => {
		expect(cacheName('123')).toBe(`${CACHE_PREFIX}123`);
		expect(cacheName('123')).not.toBe(cacheName('124'));
	});

	it('deletes the atlas’s older caches and nothing else', () => {
		const names = [cacheName('1'), cacheName('2'), cacheName('3'), 'another-app-cache'];
		expect(staleCaches(names, '3')).toEqual([cacheName('1'), cacheName('2')]);
		expect(staleCaches([cacheName('3')], '3')).toEqual([]);
	});
});

describe('precache list', () => {
	it('keeps every build file, static file and prerendered path once, without the README screenshot', () => {
		const paths = precachePaths({
			build: ['/_app/immutable/entry/app.js', '/_app/immutable/assets/0.css'],
			files: ['/favicon.svg', '/screenshot.png', '/terrain/relief.png', '/manifest.webmanifest'],
			prerendered: ['/', '/__data.json', '/sources/', '/data/events.geojson', '/favicon.svg']
		});
		expect(paths).toEqual([
			'/_app/immutable/entry/app.js',
			'/_app/immutable/assets/0.css',
			'/favicon.svg',
			'/terrain/relief.png',
			'/manifest.webmanifest',
			'/',
			'/__data.json',
			'/sources/',
			'/data/events.geojson'
		]);
	});
});

describe('files stored when present', () => {
	it('are the fallback page and Kit’s version file, under the base', () => {
		expect(optionalPaths('')).toEqual(['/404.html', '/_app/version.json']);
		expect(optionalPaths('/atlas')).toEqual(['/atlas/404.html', '/atlas/_app/version.json']);
	});
});

describe('which requests are answered, and how', () => {
	it.each([
		[
			'a hashed asset',
			request('/_app/immutable/chunks/abc.js'),
			{ kind: 'cache-first', key: '/_app/immutable/chunks/abc.js' }
		],
		[
			'a page',
			request('/sources/', { mode: 'navigate' }),
			{ kind: 'network-first', key: '/sources/', fallback: '/404.html' }
		],
		[
			'a page with a query',
			request('/?map=6/33/69&groups=strikes', { mode: 'navigate' }),
			{ kind: 'network-first', key: '/', fallback: '/404.html' }
		],
		['a data file', request('/data/events.geojson'), { kind: 'network-first', key: '/data/events.geojson' }],
		[
			'a page’s index.html',
			request('/sources/voa-2024-01/index.html', { mode: 'navigate' }),
			{ kind: 'network-first', key: '/sources/voa-2024-01/', fallback: '/404.html' }
		],
		[
			'a page without its trailing slash',
			request('/sources/voa-2024-01?x=1', { mode: 'navigate' }),
			{ kind: 'network-first', key: null, redirect: '/sources/voa-2024-01/?x=1', fallback: '/404.html' }
		],
		[
			'a page the build does not have',
			request('/nowhere/', { mode: 'navigate' }),
			{ kind: 'network-first', key: null, fallback: '/404.html' }
		],
		['a file the build does not have', request('/nothing.json'), { kind: 'network-first', key: null }],
		[
			'Kit’s version check (the server’s answer online, this build’s offline)',
			request('/_app/version.json'),
			{ kind: 'network-first', key: '/_app/version.json' }
		]
	])('%s', (_, req, plan) => {
		expect(planRequest(req, ORIGIN, '', CACHED)).toEqual(plan);
	});

	it.each([
		['another origin', request('http://tiles.example.com/1/2/3.png')],
		['another port of the same host', request('http://127.0.0.1:9999/data/events.geojson')],
		['a POST', request('/data/events.geojson', { method: 'POST' })],
		['a range request', request('/terrain/relief.png', { range: true })],
		['a path outside the base', request('/other/app/', { mode: 'navigate' })]
	])('leaves %s to the browser', (_, req) => {
		const base = req.url.includes('/other/') ? '/atlas' : '';
		expect(planRequest(req, ORIGIN, base, CACHED)).toEqual({ kind: 'pass' });
	});

	it('works under a base folder', () => {
		const cached = new Set(['/atlas/', '/atlas/sources/']);
		expect(planRequest(request('/atlas/sources', { mode: 'navigate' }), ORIGIN, '/atlas', cached)).toEqual({
			kind: 'network-first',
			key: null,
			redirect: '/atlas/sources/',
			fallback: '/atlas/404.html'
		});
		expect(planRequest(request('/atlas/_app/immutable/x.js'), ORIGIN, '/atlas', cached)).toEqual({
			kind: 'cache-first',
			key: '/atlas/_app/immutable/x.js'
		});
	});
});

describe('route → cache key', () => {
	it.each([
		['/', '/'],
		['/sources/', '/sources/'],
		['/sources', '/sources/'],
		['/sources/index.html', '/sources/'],
		['/index.html', '/'],
		['/data/events.geojson', '/data/events.geojson'],
		['/data/events.geojson/', null],
		['/sources/unknown/', null],
		['/sources/unknown', null]
	])('%s → %s', (path, key) => {
		expect(cacheKeyFor(path, CACHED)).toBe(key);
	});
});
