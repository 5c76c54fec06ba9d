/**
 * Revisions in CouchDB's shape, `<generation>-<hash>`: the generation counts the writes of a
 * record, the hash is of its content and its parent revision. Two tabs (or, later, a team server)
 * that write the same record from the same revision get different revisions unless they wrote
 * the same thing, so a replication added later can find conflicts without migrating anyone's data.
 *
 * The hash is computed synchronously (cyrb53, 53 bits) rather than with `crypto.subtle`: an
 * IndexedDB transaction commits as soon as it awaits anything but its own requests, and
 * `crypto.subtle` exists only in secure contexts (not on a laptop served over plain http).
 * It detects change; it is not a security measure.
 */

/** JSON with object keys sorted, so equal content always gives the same text (and hash). */
export function canonicalJson(value: unknown): string {
	return JSON.stringify(value, (_key, v: unknown) =>
		v && typeof v === 'object' && !Array.isArray(v)
			? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
			: v
	);
}

/** cyrb53 (public domain, bryc): a fast 53-bit string hash, as 14 hex digits. */
export function hashText(text: string, seed = 0): string {
	let h1 = 0xdeadbeef ^ seed;
	let h2 = 0x41c6ce57 ^ seed;
	for (let i = 0; i < text.length; i++) {
		const ch = text.charCodeAt(i);
		h1 = Math.imul(h1 ^ ch, 2654435761);
		h2 = Math.imul(h2 ^ ch, 1597334677);
	}
	h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
	h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
	h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
	h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
	return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** The hash of a value's canonical JSON. */
export function contentHash(value: unknown): string {
	return hashText(canonicalJson(value));
}

/** A revision: `3-1a2b…`. Accepts longer hashes too (CouchDB's are 32 hex digits). */
export const REV_PATTERN = /^[1-9][0-9]*-[0-9a-f]{8,64}$/;

/** The generation of a revision (the 3 of `3-1a2b…`); 0 for none. */
export function revGeneration(rev: string | undefined): number {
	return rev ? Number.parseInt(rev, 10) || 0 : 0;
}

/** The revision after `parent` (none for a new record) for this content, one generation higher. */
export function nextRev(
	parent: string | undefined,
	content: unknown,
	generation = revGeneration(parent) + 1
) {
	return `${generation}-${hashText(`${parent ?? ''}\n${canonicalJson(content)}`)}`;
}
