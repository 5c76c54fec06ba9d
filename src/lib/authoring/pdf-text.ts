/**
 * The text of a PDF, read with Mozilla's PDF.js: each page's text pieces joined into lines and
 * paragraphs (./pdf-lines.ts), one paragraph per line, pages in order. A PDF without a text layer
 * (a scan: pictures of pages) has no text to read and is refused with a message that says so, as
 * are a password-protected file and one that is not a PDF.
 *
 * PDF.js is passed in (./pdfjs-loader.ts loads it in the browser, lazily; node tests load its
 * legacy build), and is asked to run no `eval` (the site's CSP forbids it), to fetch nothing (no
 * fonts, no WebAssembly decoders: text needs neither) and to turn no font into a web font.
 */
import { linesToParagraphs, piecesToLines, type PdfTextPiece } from './pdf-lines.ts';

/** The few members of PDF.js's API that are used here. */
export interface PdfjsLike {
	getDocument(source: {
		data: Uint8Array;
		isEvalSupported: boolean;
		disableFontFace: boolean;
		useSystemFonts: boolean;
		useWasm: boolean;
		stopAtErrors: boolean;
		verbosity: number;
	}): { promise: Promise<PdfDocumentLike>; destroy(): Promise<void> };
}

interface PdfDocumentLike {
	numPages: number;
	getPage(n: number): Promise<{
		getTextContent(): Promise<{ items: readonly PdfTextItemLike[] }>;
		cleanup(): unknown;
	}>;
}

/** A text item (marked-content items have no `str` and are skipped). */
interface PdfTextItemLike {
	str?: string;
	transform?: number[];
	width?: number;
	height?: number;
	hasEOL?: boolean;
}

export type PdfText =
	| { ok: true; text: string; pages: number }
	| { ok: false; reason: 'no-text-layer' | 'unreadable'; message: string };

function toPiece(item: PdfTextItemLike): PdfTextPiece | undefined {
	if (typeof item.str !== 'string' || !item.transform) return undefined;
	const [a = 0, b = 0, , d = 0, x = 0, y = 0] = item.transform;
	// The font size is the length of the text matrix's vertical axis (the height if unrotated).
	const size = item.height || Math.hypot(b, d) || Math.abs(a);
	return { text: item.str, x, y, width: item.width ?? 0, size, endsLine: item.hasEOL === true };
}

/** What went wrong opening the PDF, in words for the user. */
function openingProblem(error: unknown, fileName: string): string {
	const name = (error as { name?: unknown } | null)?.name;
	if (name === 'PasswordException')
		return `${fileName} is protected by a password, so its text cannot be read. Open it in a PDF reader, copy its text and paste it here.`;
	if (name === 'InvalidPDFException')
		return `${fileName} is not a valid PDF file (it may be damaged, or another kind of file named .pdf).`;
	const message = (error as { message?: unknown } | null)?.message;
	return `${fileName} could not be read as a PDF${typeof message === 'string' && message ? ` (${message})` : ''}.`;
}

/**
 * The text of the PDF in `bytes`. `onPage` is told after each page is read (to show progress).
 * PDF.js takes the bytes over (the buffer is detached): pass a copy if they are needed after.
 */
export async function extractPdfText(
	bytes: Uint8Array,
	fileName: string,
	pdfjs: PdfjsLike,
	onPage?: (page: number, pages: number) => void
): Promise<PdfText> {
	const task = pdfjs.getDocument({
		data: bytes,
		isEvalSupported: false,
		disableFontFace: true,
		useSystemFonts: false,
		useWasm: false,
		stopAtErrors: false,
		// Errors only: a missing standard font's metrics (never fetched) is not the user's concern.
		verbosity: 0
	});
	try {
		let doc: PdfDocumentLike;
		try {
			doc = await task.promise;
		} catch (error) {
			return { ok: false, reason: 'unreadable', message: openingProblem(error, fileName) };
		}
		const paragraphs: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			try {
				const page = await doc.getPage(n);
				const content = await page.getTextContent();
				const pieces = content.items.flatMap((item) => toPiece(item) ?? []);
				paragraphs.push(...linesToParagraphs(piecesToLines(pieces)));
				page.cleanup();
			} catch (error) {
				const detail = (error as { message?: unknown } | null)?.message;
				return {
					ok: false,
					reason: 'unreadable',
					message: `Page ${n} of ${fileName} could not be read${typeof detail === 'string' && detail ? ` (${detail})` : ''}; nothing was added.`
				};
			}
			onPage?.(n, doc.numPages);
		}
		if (!paragraphs.length)
			return {
				ok: false,
				reason: 'no-text-layer',
				message: `${fileName} has no text layer: its ${doc.numPages === 1 ? 'page is a picture' : `${doc.numPages} pages are pictures`} (a scan, say), with no words the atlas can read. Run it through text recognition (OCR) first, or paste its text.`
			};
		return { ok: true, text: paragraphs.join('\n') + '\n', pages: doc.numPages };
	} finally {
		await task.destroy();
	}
}
