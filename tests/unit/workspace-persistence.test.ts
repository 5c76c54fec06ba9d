/**
 * Persistence and space in words: the status the UI shows, from fake `navigator.storage`
 * objects (persisted or not, no storage API, nearly full, failing calls), and a browser that
 * refuses to store anything (no IndexedDB, or an open that fails as in private mode) coming back
 * as a typed, worded error rather than an exception.
 */
import { describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { freshOptions, open } from './workspace-fixtures';
import {
	describeStorage,
	formatBytes,
	readStorageState,
	requestPersistence,
	type StorageLike
} from '$lib/workspace/persistence';
import { openWorkspace, unavailableStatus } from '$lib/workspace/workspace';
import type { WorkspaceError } from '$lib/workspace/errors';

const fake = (
	persisted: boolean | undefined,
	estimate?: { usage?: number; quota?: number }
): StorageLike => ({
	...(persisted === undefined ? {} : { persisted: async () => persisted }),
	...(estimate ? { estimate: async () => estimate } : {})
});

const words = async (storage: StorageLike | undefined, quotaExceeded = false) =>
	describeStorage(await readStorageState(storage, { available: true, quotaExceeded }));

describe('storage status', () => {
	it.each<[string, StorageLike | undefined, boolean, 'ok' | 'warning' | 'error', string]>([
		[
			'persisted',
			fake(true, { usage: 1_234_567, quota: 2_000_000_000 }),
			false,
			'ok',
			"Stored persistently: the browser keeps it until you clear this site's data. 1.2 MB of 2.0 GB used."
		],
		[
			'not persisted',
			fake(false, { usage: 52_000, quota: 300_000_000 }),
			false,
			'warning',
			'Saved in this browser; the browser may clear it when space runs low — export a copy. 52 KB of 300 MB used.'
		],
		[
			'a browser without the storage API',
			undefined,
			false,
			'warning',
			'Saved in this browser; the browser may clear it when space runs low — export a copy.'
		],
		[
			'a storage manager whose calls fail',
			{
				persisted: () => Promise.reject(new Error('nope')),
				estimate: () => Promise.reject(new Error('nope'))
			},
			false,
			'warning',
			'Saved in this browser; the browser may clear it when space runs low — export a copy.'
		],
		[
			'nearly full',
			fake(true, { usage: 99_000_000, quota: 100_000_000 }),
			false,
			'error',
			'Storage is full: 99 MB of 100 MB used. Export a copy of your workspace, then delete datasets or decks you no longer need.'
		],
		[
			'a write refused for want of space',
			fake(false),
			true,
			'error',
			'Storage is full: the browser refused the last change. Export a copy of your workspace, then delete datasets or decks you no longer need.'
		]
	])('describes %s', async (_, storage, quotaExceeded, tone, text) => {
		const status = await words(storage, quotaExceeded);
		expect(status.tone).toBe(tone);
		expect(status.text).toBe(text);
	});

	it('describes a browser that refuses to store data', async () => {
		const status = await unavailableStatus(fake(false));
		expect(status).toMatchObject({ tone: 'error', state: { available: false } });
		expect(status.text).toMatch(/^This browser refuses to store data \(private mode\?\):/);
	});

	it('asks for persistence, and reads a refusal or an error as "not persisted"', async () => {
		let asked = 0;
		expect(await requestPersistence({ persist: async () => (++asked, true) })).toBe(true);
		expect(await requestPersistence({ persist: async () => false })).toBe(false);
		expect(await requestPersistence({ persist: () => Promise.reject(new Error('denied')) })).toBe(false);
		expect(await requestPersistence({})).toBe(false);
		expect(asked).toBe(1);
	});

	it('reports the status after asking, through the workspace', async () => {
		let persisted = false;
		const ws = await open(
			freshOptions({
				storage: {
					persist: async () => (persisted = true),
					persisted: async () => persisted,
					estimate: async () => ({ usage: 10_000, quota: 1_000_000_000 })
				}
			})
		);
		expect((await ws.status()).tone).toBe('warning');
		const after = await ws.requestPersistence();
		expect(after.tone).toBe('ok');
		expect(after.state.persisted).toBe(true);
	});

	it('formats sizes in decimal units', () => {
		expect([0, 999, 1500, 52_000, 1_234_567, 40_000_000, 2e9].map(formatBytes)).toEqual([
			'0 bytes',
			'999 bytes',
			'1.5 KB',
			'52 KB',
			'1.2 MB',
			'40 MB',
			'2.0 GB'
		]);
	});
});

describe('a browser that refuses to store data', () => {
	const refused = (p: Promise<unknown>) =>
		p.then(
			() => {
				throw new Error('expected a refusal');
			},
			(e: WorkspaceError) => e
		);

	it('without IndexedDB: a typed error in words', async () => {
		vi.stubGlobal('indexedDB', undefined);
		try {
			const error = await refused(openWorkspace({ ...freshOptions(), factory: undefined }));
			expect(error.name).toBe('WorkspaceError');
			expect(error.code).toBe('unavailable');
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('whose open throws at once (storage blocked)', async () => {
		const factory = new IDBFactory();
		factory.open = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
		const error = await refused(openWorkspace(freshOptions({ factory })));
		expect(error.code).toBe('unavailable');
		expect(error.message).toMatch(/^This browser refuses to store data \(private mode\?\)/);
	});

	it('whose open fails as in private mode', async () => {
		// Firefox's private windows used to fail every open with an InvalidStateError.
		const request = Object.assign(new EventTarget(), {
			error: new DOMException(
				'A mutation operation was attempted on a database that did not allow mutations.',
				'InvalidStateError'
			)
		});
		setTimeout(() => request.dispatchEvent(new Event('error', { cancelable: true })), 0);
		const factory = { open: () => request } as unknown as IDBFactory;
		const error = await refused(openWorkspace(freshOptions({ factory })));
		expect(error.code).toBe('unavailable');
		expect(error.message).toMatch(/^This browser refuses to store data \(private mode\?\)/);
		expect((error.cause as DOMException).name).toBe('InvalidStateError');
	});
});
