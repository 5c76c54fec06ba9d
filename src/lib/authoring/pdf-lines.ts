/**
 * A PDF page's text pieces (as PDF.js gives them: strings with a position, a width and a font
 * size) joined into lines and the lines into paragraphs, so that a page of running text becomes
 * one line per paragraph, as the corpus's paragraph rule wants. Pure geometry, no PDF.js.
 *
 * A piece's line is told by PDF.js's end-of-line flags and by its baseline. Lines join into one
 * paragraph unless something in the layout says a new one starts: a gap between lines clearly
 * wider than the page's usual line spacing, a change of font size (a heading), an indented first
 * line, or a short line that ends a sentence. Lines joined keep every character: a line ending in
 * a hyphen is joined without a space ("cross-" "border" → "cross-border"; a word split by
 * hyphenation keeps its hyphen, since nothing tells the two apart). Paragraphs never run across
 * pages: a sentence cut by a page break stays two paragraphs, as in the bundled sources, where
 * the second is marked a continuation.
 */

/** A piece of text on a page, in PDF units (y grows upwards). */
export interface PdfTextPiece {
	text: string;
	/** Left end of the piece's baseline. */
	x: number;
	y: number;
	width: number;
	/** The font size (the height of the text). */
	size: number;
	/** PDF.js says the line ends after this piece. */
	endsLine: boolean;
}

export interface PdfLine {
	text: string;
	left: number;
	right: number;
	y: number;
	size: number;
}

/** Two baselines closer than this share a line (a fraction of the font size: sub- and superscripts). */
const SAME_LINE = 0.5;
/** A gap between pieces wider than this (of the font size) is a space the PDF did not write. */
const SPACE_GAP = 0.2;

/** The pieces grouped into lines, in the order the page gives them. */
export function piecesToLines(pieces: readonly PdfTextPiece[]): PdfLine[] {
	const lines: PdfLine[] = [];
	let current: PdfLine | undefined;
	let breakBefore = true;
	for (const piece of pieces) {
		const size = piece.size || 1;
		const sameLine =
			current && !breakBefore && Math.abs(piece.y - current.y) <= SAME_LINE * Math.max(size, current.size);
		if (piece.text) {
			if (!current || !sameLine) {
				current = { text: '', left: piece.x, right: piece.x, y: piece.y, size };
				lines.push(current);
			}
			const gap = piece.x - current.right;
			const needsSpace =
				current.text !== '' && gap > SPACE_GAP * size && !/\s$/.test(current.text) && !/^\s/.test(piece.text);
			current.text += (needsSpace ? ' ' : '') + piece.text;
			current.left = Math.min(current.left, piece.x);
			current.right = Math.max(current.right, piece.x + piece.width);
			current.size = Math.max(current.size, size);
			breakBefore = false;
		}
		if (piece.endsLine) breakBefore = true;
	}
	return lines.map((l) => ({ ...l, text: l.text.replace(/^\s+|\s+$/g, '') })).filter((l) => l.text !== '');
}

/**
 * The page's usual line spacing: the lower quartile of the gaps between baselines, so that the
 * wider gaps between paragraphs, however many, do not count as line spacing.
 */
const usualSpacing = (gaps: number[]): number | undefined => {
	if (!gaps.length) return undefined;
	const sorted = [...gaps].sort((a, b) => a - b);
	return sorted[Math.floor((sorted.length - 1) / 4)];
};

/** Whether `next` starts a new paragraph after `line`, given the page's usual line spacing and width. */
function startsParagraph(
	line: PdfLine,
	next: PdfLine,
	spacing: number,
	textLeft: number,
	textRight: number
): boolean {
	const gap = line.y - next.y;
	// Going up the page (a new column) or a gap wider than usual.
	if (gap <= 0 || gap > 1.45 * spacing) return true;
	if (Math.abs(next.size - line.size) > 0.15 * Math.max(next.size, line.size)) return true;
	const size = Math.max(line.size, next.size);
	// An indented first line, when the line before starts at the margin.
	if (next.left - textLeft > 0.8 * size && line.left - textLeft < 0.4 * size) return true;
	// A short line ending a sentence.
	const width = textRight - textLeft;
	return width > 0 && line.right < textRight - 0.15 * width && /[.!?:;…]["”’)\]]*$/.test(line.text);
}

/** Joins two lines of one paragraph: a space, except after a hyphen ending the line. */
const joinLines = (a: string, b: string): string => (/[-‐]$/.test(a) ? a + b : `${a} ${b}`);

/** The paragraphs of one page's lines, each one line of text. */
export function linesToParagraphs(lines: readonly PdfLine[]): string[] {
	if (!lines.length) return [];
	const gaps: number[] = [];
	for (let i = 1; i < lines.length; i++) {
		const gap = lines[i - 1]!.y - lines[i]!.y;
		if (gap > 0) gaps.push(gap);
	}
	const spacing = usualSpacing(gaps) ?? 1.2 * lines[0]!.size;
	const textLeft = Math.min(...lines.map((l) => l.left));
	const textRight = Math.max(...lines.map((l) => l.right));
	const paragraphs: string[] = [lines[0]!.text];
	for (let i = 1; i < lines.length; i++) {
		if (startsParagraph(lines[i - 1]!, lines[i]!, spacing, textLeft, textRight))
			paragraphs.push(lines[i]!.text);
		else paragraphs[paragraphs.length - 1] = joinLines(paragraphs.at(-1)!, lines[i]!.text);
	}
	return paragraphs;
}
