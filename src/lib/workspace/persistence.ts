/**
 * Whether the browser will keep the workspace, and how full its storage is, in words for the UI.
 * Browsers may clear a site's data when space runs low unless it is stored persistently
 * (`navigator.storage.persist()`, which headless Chromium refuses), and Safari clears it after
 * seven days without a visit: the words always offer an export when the data is at risk.
 * The storage manager is passed in, so the wording is tested with fake ones.
 */

/** What the atlas uses of `navigator.storage` (every method may be missing). */
export interface StorageLike {
	persist?: () => Promise<boolean>;
	persisted?: () => Promise<boolean>;
	estimate?: () => Promise<{ usage?: number; quota?: number }>;
}

export interface StorageState {
	/** False when the browser refuses to store data at all (the database did not open). */
	available: boolean;
	/** True: kept until the user clears it; false: may be cleared; null: the browser does not say. */
	persisted: boolean | null;
	usage: number | null;
	quota: number | null;
	/** The last write was refused for want of space, or almost no space is left. */
	full: boolean;
}

export type StatusTone = 'ok' | 'warning' | 'error';

export interface StorageStatus {
	state: StorageState;
	tone: StatusTone;
	text: string;
}

/** At or above this share of the quota, storage counts as full. */
export const FULL_SHARE = 0.98;

/** The page's storage manager, if it has one. */
export function browserStorage(): StorageLike | undefined {
	return (globalThis as { navigator?: { storage?: StorageLike } }).navigator?.storage;
}

/** Asks the browser to keep the data persistently; true when it agrees (it may ask the user). */
export async function requestPersistence(
	storage: StorageLike | undefined = browserStorage()
): Promise<boolean> {
	try {
		return (await storage?.persist?.()) ?? false;
	} catch {
		return false;
	}
}

/** Reads persistence and usage; a failing call reads as "unknown", never as an exception. */
export async function readStorageState(
	storage: StorageLike | undefined,
	known: { available: boolean; quotaExceeded: boolean }
): Promise<StorageState> {
	const safely = async <T>(call: (() => Promise<T>) | undefined): Promise<T | undefined> => {
		try {
			return await call?.();
		} catch {
			return undefined;
		}
	};
	const [persisted, estimate] = await Promise.all([
		safely(storage?.persisted?.bind(storage)),
		safely(storage?.estimate?.bind(storage))
	]);
	const usage = typeof estimate?.usage === 'number' ? estimate.usage : null;
	const quota = typeof estimate?.quota === 'number' && estimate.quota > 0 ? estimate.quota : null;
	return {
		available: known.available,
		persisted: typeof persisted === 'boolean' ? persisted : null,
		usage,
		quota,
		full: known.quotaExceeded || (usage !== null && quota !== null && usage >= quota * FULL_SHARE)
	};
}

/** 1536 → "1.5 KB"; decimal units, as the browsers' own settings pages show them. */
export function formatBytes(bytes: number): string {
	const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return unit === 0 ? `${Math.round(value)} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

function usageWords(state: StorageState): string {
	if (state.usage === null) return '';
	return state.quota === null
		? ` ${formatBytes(state.usage)} used.`
		: ` ${formatBytes(state.usage)} of ${formatBytes(state.quota)} used.`;
}

/** The state in words for the UI, with how serious it is. */
export function describeStorage(state: StorageState): StorageStatus {
	if (!state.available)
		return {
			state,
			tone: 'error',
			text: 'This browser refuses to store data (private mode?): nothing made here is kept after the tab closes. Export a copy of your work, or use a normal window.'
		};
	if (state.full)
		return {
			state,
			tone: 'error',
			text: `Storage is full:${usageWords(state) || ' the browser refused the last change.'} Export a copy of your workspace, then delete datasets or decks you no longer need.`
		};
	if (state.persisted === true)
		return {
			state,
			tone: 'ok',
			text: `Stored persistently: the browser keeps it until you clear this site's data.${usageWords(state)}`
		};
	return {
		state,
		tone: 'warning',
		text: `Saved in this browser; the browser may clear it when space runs low — export a copy.${usageWords(state)}`
	};
}
