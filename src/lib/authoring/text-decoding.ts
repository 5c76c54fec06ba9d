/**
 * Bytes of a text file to a string, refusing what is not text: a file with NUL bytes (a binary
 * file named .txt: a word-processor document, an image) or bytes that are not valid UTF-8. A
 * byte-order mark says UTF-16 or UTF-8 and is not part of the text; nothing else is changed, so
 * the text is kept exactly as written. Pure and browser-safe (TextDecoder exists in both).
 */

export type Decoded =
	| { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' }
	| { ok: false; reason: 'binary' | 'not-utf8'; message: string };

/** The encoding a byte-order mark announces, and the mark's length. */
function byteOrderMark(bytes: Uint8Array): { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; length: number } {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
	return { encoding: 'utf-8', length: 0 };
}

/** The offset of the first byte that makes the bytes invalid UTF-8 (they are known to be invalid). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
	const decoder = new TextDecoder('utf-8', { fatal: true });
	// Halve the prefix that still decodes: a prefix cut inside a valid character fails too, so
	// step back over continuation bytes before testing.
	let good = 0;
	let bad = bytes.length;
	while (bad - good > 1) {
		let mid = Math.floor((good + bad) / 2);
		while (mid > good && (bytes[mid]! & 0xc0) === 0x80) mid--;
		if (mid === good) break;
		try {
			decoder.decode(bytes.subarray(0, mid));
			good = mid;
		} catch {
			bad = mid;
		}
	}
	return good;
}

/** Decodes the bytes of a file named `fileName` as text, or says why it is not text. */
export function decodeTextBytes(bytes: Uint8Array, fileName: string): Decoded {
	const bom = byteOrderMark(bytes);
	const body = bytes.subarray(bom.length);
	if (bom.encoding === 'utf-8') {
		const nul = body.indexOf(0);
		if (nul >= 0)
			return {
				ok: false,
				reason: 'binary',
				message: `${fileName} is not a text file: it holds binary data (a NUL byte at byte ${nul + bom.length}). Open a plain-text (.txt or .md), web page (.html) or PDF file, or paste the text.`
			};
		try {
			return { ok: true, encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(body) };
		} catch {
			const at = firstInvalidUtf8Byte(body) + bom.length;
			return {
				ok: false,
				reason: 'not-utf8',
				message: `${fileName} is not UTF-8 text (the bytes from byte ${at} on are not UTF-8): it may be a binary file, or text saved in another encoding. Save it as UTF-8 and open it again, or paste the text.`
			};
		}
	}
	try {
		const text = new TextDecoder(bom.encoding, { fatal: true }).decode(body);
		if (text.includes('\u0000'))
			return {
				ok: false,
				reason: 'binary',
				message: `${fileName} is not a text file: it holds binary data (a NUL character).`
			};
		return { ok: true, encoding: bom.encoding, text };
	} catch {
		return {
			ok: false,
			reason: 'not-utf8',
			message: `${fileName} starts as UTF-16 text but is not valid UTF-16. Save it as UTF-8 and open it again, or paste the text.`
		};
	}
}
