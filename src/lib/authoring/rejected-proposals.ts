/**
 * The gazetteer proposals a user rejected, by source, kept in the browser's localStorage so that a
 * rejected name is not proposed again on the next visit, nor in a second tab (which hears of it
 * through the `storage` event). localStorage, as for the unsaved event (./unsaved-event.ts): a few
 * keys per source, read synchronously as the reader draws. Storage refused is not an error here:
 * the rejection then lasts as long as the page, which the reader says.
 */
export const REJECTED_PROPOSALS_KEY = 'frontier-atlas:rejected-proposals';

type Rejections = Record<string, string[]>;

function readAll(storage: Pick<Storage, 'getItem'> | undefined): Rejections {
	try {
		const value: unknown = JSON.parse(storage?.getItem(REJECTED_PROPOSALS_KEY) ?? '{}');
		if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
		return Object.fromEntries(
			Object.entries(value).map(([source, keys]) => [
				source,
				Array.isArray(keys) ? keys.filter((k): k is string => typeof k === 'string') : []
			])
		);
	} catch {
		// Unreadable or refused: nothing rejected.
		return {};
	}
}

/** Writes the rejections; false when the browser refuses (the caller says so). */
function writeAll(all: Rejections, storage: Pick<Storage, 'setItem'> | undefined): boolean {
	try {
		if (!storage) return false;
		storage.setItem(REJECTED_PROPOSALS_KEY, JSON.stringify(all));
		return true;
	} catch {
		return false;
	}
}

/** The keys of the proposals rejected in one source. */
export const readRejected = (
	source: string,
	storage: Pick<Storage, 'getItem'> | undefined = globalStorage()
): string[] => readAll(storage)[source] ?? [];

/** Remembers a rejection; returns the source's rejections and whether they were kept. */
export function rememberRejected(
	source: string,
	key: string,
	storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalStorage()
): { rejected: string[]; kept: boolean } {
	const all = readAll(storage);
	const rejected = [...new Set([...(all[source] ?? []), key])];
	return { rejected, kept: writeAll({ ...all, [source]: rejected }, storage) };
}

/** Proposes a rejected name again; returns the source's rejections left. */
export function forgetRejected(
	source: string,
	key: string,
	storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalStorage()
): string[] {
	const all = readAll(storage);
	const rejected = (all[source] ?? []).filter((k) => k !== key);
	const others = Object.fromEntries(Object.entries(all).filter(([s]) => s !== source));
	writeAll(rejected.length ? { ...others, [source]: rejected } : others, storage);
	return rejected;
}

function globalStorage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}
