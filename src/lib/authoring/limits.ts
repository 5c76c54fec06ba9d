/**
 * How much a user's own source may be. A source's text is held in memory several times over
 * while it is split, searched for places and stored, and a tab that runs out of memory loses
 * more than the import; the largest bundled text is about 53 KB, a long book about 2 MB.
 */
import { formatBytes } from '../workspace/persistence.ts';

/** The longest text a source may have, in UTF-8 bytes (the text itself, whatever file it came from). */
export const MAX_SOURCE_TEXT_BYTES = 10_000_000;

/**
 * The largest file opened, by kind: a saved web page carries scripts, styles and inline images
 * around its words, and a PDF its fonts and pictures, so their files may be larger than the text.
 */
export const MAX_SOURCE_FILE_BYTES = {
	text: MAX_SOURCE_TEXT_BYTES,
	html: 30_000_000,
	pdf: 100_000_000
} as const;

/** "10 MB": a limit in words, for messages. */
export const limitWords = (bytes: number): string => formatBytes(bytes);
