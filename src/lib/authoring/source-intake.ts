/**
 * A user's new source, from a paste or a file (.txt, .md, .html or .pdf), to its text and
 * paragraphs, or a refusal that names what is wrong. The text is kept exactly as pasted, written
 * (.txt, .md: Markdown is kept as written, its marks are part of the text) or extracted (.html:
 * ./html-text.ts; .pdf: ./pdf-text.ts), and split into paragraphs by the corpus's rule: each
 * non-blank line is a paragraph (../corpus/paragraphs.ts). A text the atlas already has, bundled
 * or the user's own, is recognised by its fingerprint (./text-fingerprint.ts) and not added again.
 *
 * Pure and browser-safe: the HTML parser and PDF.js are passed in.
 */
import { splitParagraphs, type Paragraph } from '../corpus/paragraphs.ts';
import { declaredCharset, htmlToText, type HtmlParser } from './html-text.ts';
import { limitWords, MAX_SOURCE_FILE_BYTES, MAX_SOURCE_TEXT_BYTES } from './limits.ts';
import { extractPdfText, type PdfjsLike } from './pdf-text.ts';
import { decodeTextBytes } from './text-decoding.ts';
import { findSameText, textFingerprint, type KnownText } from './text-fingerprint.ts';

export type SourceFormat = 'paste' | 'txt' | 'md' | 'html' | 'pdf';

/** The file names accepted, for the file picker's `accept` and for messages. */
export const ACCEPTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm', '.pdf'] as const;

export type RefusalReason =
	| 'empty'
	| 'too-large'
	| 'binary'
	| 'not-utf8'
	| 'unsupported'
	| 'no-text-layer'
	| 'unreadable'
	| 'duplicate';

export interface IntakeAccepted {
	ok: true;
	/** The text, exactly as pasted, written or extracted. */
	text: string;
	paragraphs: Paragraph[];
	format: SourceFormat;
	/** The file's name (no path); absent for a paste. */
	fileName?: string;
	fingerprint: string;
	/** Pages read, for a PDF. */
	pages?: number;
}

export interface IntakeRefused {
	ok: false;
	reason: RefusalReason;
	message: string;
	/** For a duplicate: the source that already has this text. */
	sameAs?: KnownText;
}

export type IntakeResult = IntakeAccepted | IntakeRefused;

/** A file as the browser's File gives it (or a test's stand-in). */
export interface FileLike {
	name: string;
	size: number;
	arrayBuffer(): Promise<ArrayBuffer>;
}

export interface IntakeContext {
	/** The texts the atlas has, to recognise one brought twice. */
	known: readonly KnownText[];
	/** How HTML is parsed (the browser's DOMParser by default). */
	parseHtml?: HtmlParser;
	/** PDF.js, loaded only when a PDF is opened. */
	loadPdfjs?: () => Promise<PdfjsLike>;
	/** Told after each page of a PDF is read. */
	onPdfPage?: (page: number, pages: number) => void;
}

/** UTF-8 length without encoding a copy of the text. */
export function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

const refuse = (reason: RefusalReason, message: string, sameAs?: KnownText): IntakeRefused => ({
	ok: false,
	reason,
	message,
	...(sameAs ? { sameAs } : {})
});

/** The format of a file by its name, or undefined when the atlas cannot read it. */
export function formatOfFileName(name: string): Exclude<SourceFormat, 'paste'> | undefined {
	const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
	if (ext === 'txt' || ext === 'text') return 'txt';
	if (ext === 'md' || ext === 'markdown') return 'md';
	if (ext === 'html' || ext === 'htm') return 'html';
	if (ext === 'pdf') return 'pdf';
	return undefined;
}

/** Checks a text that has been pasted or read from a file: not empty, not too long, not known. */
export function intakeText(
	text: string,
	context: Pick<IntakeContext, 'known'>,
	origin: { format: SourceFormat; fileName?: string; pages?: number } = { format: 'paste' }
): IntakeResult {
	const what = origin.fileName ? `The text of ${origin.fileName}` : 'The pasted text';
	if (!/\S/.test(text))
		return refuse(
			'empty',
			origin.format === 'paste'
				? 'The text is empty: paste the text of the source, or open its file.'
				: `${origin.fileName ?? 'The file'} holds no text (it is empty or only spaces and blank lines).`
		);
	const bytes = utf8Length(text);
	if (bytes > MAX_SOURCE_TEXT_BYTES)
		return refuse(
			'too-large',
			`${what} is too long: it is ${limitWords(bytes)}, and a source may be at most ${limitWords(MAX_SOURCE_TEXT_BYTES)} of text. Split it into several sources.`
		);
	if (text.includes('\u0000'))
		return refuse('binary', `${what} holds a NUL character, so it is not plain text.`);
	const fingerprint = textFingerprint(text);
	const same = findSameText(fingerprint, context.known);
	if (same)
		return refuse(
			'duplicate',
			`This text is already in the atlas: it is ${same.bundled ? 'the bundled source' : 'your source'} “${same.title}” (${same.id}). Open that source instead of adding it twice.`,
			same
		);
	return {
		ok: true,
		text,
		paragraphs: splitParagraphs(text),
		format: origin.format,
		...(origin.fileName ? { fileName: origin.fileName } : {}),
		fingerprint,
		...(origin.pages ? { pages: origin.pages } : {})
	};
}

/** HTML bytes to text: UTF-8, or the encoding the page declares when its bytes are not UTF-8. */
function decodeHtml(bytes: Uint8Array, fileName: string): { ok: true; html: string } | IntakeRefused {
	const decoded = decodeTextBytes(bytes, fileName);
	if (decoded.ok) return { ok: true, html: decoded.text };
	const charset = declaredCharset(bytes);
	if (decoded.reason === 'not-utf8' && charset && charset !== 'utf-8' && charset !== 'utf8') {
		try {
			return { ok: true, html: new TextDecoder(charset, { fatal: true }).decode(bytes) };
		} catch {
			return refuse(
				'not-utf8',
				`${fileName} declares the encoding “${charset}”, but its bytes are not in it.`
			);
		}
	}
	return refuse(decoded.reason, decoded.message);
}

/** Reads a file the user opened to a source text, or says why it cannot be one. */
export async function intakeFile(file: FileLike, context: IntakeContext): Promise<IntakeResult> {
	const format = formatOfFileName(file.name);
	if (!format)
		return refuse(
			'unsupported',
			`${file.name} is not a kind of file the atlas reads: open a ${ACCEPTED_EXTENSIONS.join(', ')} file, or paste the text.`
		);
	const limit = MAX_SOURCE_FILE_BYTES[format === 'md' || format === 'txt' ? 'text' : format];
	if (file.size > limit)
		return refuse(
			'too-large',
			`${file.name} is too large: it is ${limitWords(file.size)}, and the limit for ${format === 'pdf' ? 'a PDF' : format === 'html' ? 'a web page' : 'a text file'} is ${limitWords(limit)}.`
		);
	if (file.size === 0) return refuse('empty', `${file.name} is empty.`);
	let bytes: Uint8Array;
	try {
		bytes = new Uint8Array(await file.arrayBuffer());
	} catch {
		return refuse('unreadable', `${file.name} could not be read (was it moved or deleted?).`);
	}
	const origin = { format, fileName: file.name };

	if (format === 'pdf') {
		if (!context.loadPdfjs) return refuse('unsupported', 'PDF files cannot be read here.');
		const pdf = await extractPdfText(bytes, file.name, await context.loadPdfjs(), context.onPdfPage);
		if (!pdf.ok) return refuse(pdf.reason, pdf.message);
		return intakeText(pdf.text, context, { ...origin, pages: pdf.pages });
	}
	if (format === 'html') {
		const html = decodeHtml(bytes, file.name);
		if (!html.ok) return html;
		return intakeText(htmlToText(html.html, context.parseHtml), context, origin);
	}
	const decoded = decodeTextBytes(bytes, file.name);
	if (!decoded.ok) return refuse(decoded.reason, decoded.message);
	return intakeText(decoded.text, context, origin);
}
