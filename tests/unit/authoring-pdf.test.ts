/**
 * The PDF intake: small PDFs written by hand in the test (a text page of two paragraphs, a
 * second page, a page with only a drawing, a file that is not a PDF) read with PDF.js's legacy
 * build in node, the build the browser loads; and the layout rules that join a page's text
 * pieces into lines and paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { extractPdfText, type PdfjsLike } from '$lib/authoring/pdf-text';
import { linesToParagraphs, piecesToLines, type PdfTextPiece } from '$lib/authoring/pdf-lines';
import { intakeFile } from '$lib/authoring/source-intake';
import { buildPdf } from '../support/minimal-pdf';

/** A text page: 12-point lines 14 points apart, and a wider gap before the second paragraph. */
const TEXT_PAGE =
	'BT /F1 12 Tf 72 720 Td 14 TL (Trucks queued at Torkham on the road from Peshawar to the) Tj T* ' +
	'(border crossing, officials said.) Tj 0 -40 Td (Talks resumed in Kabul.) Tj ET';
const SECOND_PAGE = 'BT /F1 12 Tf 72 720 Td (Second page.) Tj ET';
/** A page with a filled rectangle and no text: what a scanned page's text layer looks like. */
const DRAWING_PAGE = '0.5 g 72 72 468 648 re f';

const loadPdfjs = async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfjsLike;

function pdfFile(name: string, bytes: Uint8Array) {
	return { name, size: bytes.length, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}

describe('extractPdfText with PDF.js', () => {
	it('reads the text of every page, one paragraph per line', async () => {
		const pages: number[] = [];
		const result = await extractPdfText(buildPdf([TEXT_PAGE, SECOND_PAGE]), 'r.pdf', await loadPdfjs(), (n) =>
			pages.push(n)
		);
		expect(result).toEqual({
			ok: true,
			pages: 2,
			text:
				'Trucks queued at Torkham on the road from Peshawar to the border crossing, officials said.\n' +
				'Talks resumed in Kabul.\n' +
				'Second page.\n'
		});
		expect(pages).toEqual([1, 2]);
	});

	it('says a PDF has no text layer when its pages are only pictures', async () => {
		const result = await extractPdfText(
			buildPdf([DRAWING_PAGE, DRAWING_PAGE]),
			'scan.pdf',
			await loadPdfjs()
		);
		expect(result).toMatchObject({ ok: false, reason: 'no-text-layer' });
		expect(!result.ok && result.message).toContain('scan.pdf has no text layer: its 2 pages are pictures');
	});

	it('says a file is not a PDF', async () => {
		const bytes = new TextEncoder().encode('This is not a PDF at all, only a text named .pdf');
		const result = await extractPdfText(bytes, 'fake.pdf', await loadPdfjs());
		expect(result).toMatchObject({ ok: false, reason: 'unreadable' });
		expect(!result.ok && result.message).toContain('fake.pdf is not a valid PDF file');
	});

	it('takes a PDF file through the intake, and refuses one without text', async () => {
		const context = { known: [], loadPdfjs };
		const ok = await intakeFile(pdfFile('report.pdf', buildPdf([TEXT_PAGE])), context);
		expect(ok).toMatchObject({ ok: true, format: 'pdf', pages: 1 });
		expect(ok.ok && ok.paragraphs.map((p) => p.id)).toEqual(['p1', 'p2']);
		expect(await intakeFile(pdfFile('scan.pdf', buildPdf([DRAWING_PAGE])), context)).toMatchObject({
			ok: false,
			reason: 'no-text-layer',
			message: expect.stringContaining('its page is a picture')
		});
	});
});

/** A piece of text at (x, y) in a 10-point font, as wide as 5 points a character. */
const piece = (text: string, x: number, y: number, extra: Partial<PdfTextPiece> = {}): PdfTextPiece => ({
	text,
	x,
	y,
	width: text.length * 5,
	size: 10,
	endsLine: false,
	...extra
});

describe('piecesToLines and linesToParagraphs', () => {
	it('joins pieces of a baseline, adding a space only where the PDF left a gap', () => {
		const lines = piecesToLines([
			piece('Kun', 72, 700),
			piece('ar', 87, 700),
			piece('province', 100, 700),
			piece('next line', 72, 688)
		]);
		expect(lines.map((l) => l.text)).toEqual(['Kunar province', 'next line']);
	});

	it('starts a new line after an end-of-line flag even on the same baseline', () => {
		const lines = piecesToLines([piece('one', 72, 700, { endsLine: true }), piece('two', 200, 700)]);
		expect(lines.map((l) => l.text)).toEqual(['one', 'two']);
	});

	it('tells paragraphs by gaps, indents, headings and short last lines, and keeps hyphens', () => {
		const W = 'x'.repeat(80); // a full line: 400 points wide
		const lines = piecesToLines([
			piece('Heading', 72, 760, { size: 16, width: 80 }),
			piece(`${W} cross-`, 72, 730),
			piece(`border ${W}`, 72, 718),
			piece('ends short.', 72, 706),
			piece(`${W} a`, 72, 694),
			piece(`${W} b`, 72, 682),
			piece(`${W} c`, 90, 670),
			piece(`${W} d`, 72, 640)
		]);
		expect(linesToParagraphs(lines)).toEqual([
			'Heading',
			`${W} cross-border ${W} ends short.`,
			`${W} a ${W} b`,
			`${W} c`,
			`${W} d`
		]);
	});
});
