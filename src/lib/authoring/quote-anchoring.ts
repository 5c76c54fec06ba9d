/**
 * Where a quote stands in a paragraph, found by the corpus's quote check
 * (../corpus/paragraphs.ts `locateQuote`), but every occurrence rather than the first, so that
 * a W3C TextQuote selector's prefix and suffix, and a position hint, can tell apart two
 * occurrences of the same words in one paragraph.
 */
import { foldSpace, locateQuote } from '../corpus/paragraphs.ts';

export interface TextRange {
	start: number;
	end: number;
}

/**
 * Every occurrence of `quote` in `text` (whitespace folded), as offsets into the original text.
 * Each search resumes one character past the last match, so overlapping occurrences count too;
 * a tail of the text folds like the same stretch of the whole, since a quote never starts with
 * a space.
 */
export function findQuoteOccurrences(text: string, quote: string): TextRange[] {
	const found: TextRange[] = [];
	for (let from = 0; from < text.length;) {
		const hit = locateQuote(text.slice(from), quote);
		if (!hit) break;
		found.push({ start: from + hit.start, end: from + hit.end });
		from += hit.start + 1;
	}
	return found;
}

/** How many characters two strings share at their ends (`fromEnd`) or starts, whitespace folded. */
function sharedLength(a: string, b: string, fromEnd: boolean): number {
	const x = foldSpace(a);
	const y = foldSpace(b);
	let n = 0;
	while (n < x.length && n < y.length) {
		const cx = fromEnd ? x[x.length - 1 - n] : x[n];
		const cy = fromEnd ? y[y.length - 1 - n] : y[n];
		if (cx !== cy) break;
		n++;
	}
	return n;
}

/**
 * The occurrence of the selector's `exact` text that its prefix and suffix fit best (the text
 * just before and after it), then the one nearest `hint` (a remembered start offset), then the
 * first; null when the words are not in the paragraph.
 */
export function anchorQuote(
	text: string,
	selector: { exact: string; prefix?: string; suffix?: string },
	hint?: number
): TextRange | null {
	const found = findQuoteOccurrences(text, selector.exact);
	if (found.length <= 1) return found[0] ?? null;
	const score = (r: TextRange) =>
		(selector.prefix ? sharedLength(text.slice(0, r.start), selector.prefix, true) : 0) +
		(selector.suffix ? sharedLength(text.slice(r.end), selector.suffix, false) : 0);
	return found.reduce((best, r) => {
		const d = score(r) - score(best);
		if (d !== 0) return d > 0 ? r : best;
		if (hint === undefined) return best;
		return Math.abs(r.start - hint) < Math.abs(best.start - hint) ? r : best;
	});
}
