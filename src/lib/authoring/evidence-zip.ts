/**
 * An evidence bundle's files in and out of a zip, with fflate (its synchronous zip and unzip only).
 * Writing is deterministic: every entry carries the export time, so the same evidence exported at
 * the same moment gives the same bytes. Reading refuses, before inflating anything, a zip larger
 * than the limits below, so that a small file that inflates to gigabytes (a zip bomb) cannot take
 * the tab down; a damaged or non-zip file is refused with a message.
 */
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { formatBytes } from '../workspace/persistence.ts';

/** The largest bundle file read. */
export const MAX_BUNDLE_BYTES = 100_000_000;
/** The most its files may hold once inflated (a few dozen sources of the largest size, and the lists). */
export const MAX_BUNDLE_CONTENT_BYTES = 400_000_000;
/** The most files a bundle may hold. */
export const MAX_BUNDLE_ENTRIES = 5_000;

export function zipFiles(files: ReadonlyMap<string, string>, when: Date): Uint8Array {
	const zippable: Zippable = {};
	for (const [path, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
		zippable[path] = [strToU8(text), { level: 6, mtime: when }];
	return zipSync(zippable);
}

export type Unzipped = { ok: true; entries: Map<string, Uint8Array> } | { ok: false; message: string };

/** The entries of a zip (folders left out), or why it cannot be read. */
export function unzipFiles(bytes: Uint8Array, fileName: string): Unzipped {
	if (bytes.length > MAX_BUNDLE_BYTES)
		return {
			ok: false,
			message: `${fileName} is too large to import: it is ${formatBytes(bytes.length)}, and the limit is ${formatBytes(MAX_BUNDLE_BYTES)}.`
		};
	let total = 0;
	let count = 0;
	let over: string | undefined;
	try {
		const entries = unzipSync(bytes, {
			filter(file) {
				if (file.name.endsWith('/')) return false;
				count++;
				total += file.originalSize;
				if (count > MAX_BUNDLE_ENTRIES) over ??= `it holds more than ${MAX_BUNDLE_ENTRIES} files`;
				if (total > MAX_BUNDLE_CONTENT_BYTES)
					over ??= `its files hold more than ${formatBytes(MAX_BUNDLE_CONTENT_BYTES)} once unpacked`;
				return over === undefined;
			}
		});
		if (over) return { ok: false, message: `${fileName} cannot be imported: ${over}.` };
		return { ok: true, entries: new Map(Object.entries(entries)) };
	} catch (error) {
		const detail = (error as { message?: unknown } | null)?.message;
		return {
			ok: false,
			message: `${fileName} is not a zip file the atlas can read${typeof detail === 'string' && detail ? ` (${detail})` : ''}: export the evidence again, or ask for a new copy.`
		};
	}
}
