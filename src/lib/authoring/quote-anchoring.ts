/**
 * Where a quote stands in a paragraph, with whitespace folded as the corpus's quote check folds
 * it (../corpus/paragraphs.ts `locateQuote`), but every occurrence rather than the first, so that
 * a W3C TextQuote selector's prefix and suffix, and a position hint, can tell apart two
 * occurrences of the same words in one paragraph.
 */
import { foldSpace } from '../corpus/paragraphs.ts';

export interface TextRange {
	start: number;
	end: number;
}

/** The text with whitespace runs folded to one space, and the original offset of each character. */
function foldWithOrigins(text: string): { folded: string; origin: number[] } {
	let folded = '';
	const origin: number[] = [];
	let inSpace = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (/\s/.test(ch)) {
			if (!inSpace && folded.length > 0) {
				folded += ' ';
				origin.push(i);
			}
			inSpace = true;
		} else {
			folded += ch;
			origin.push(i);
			inSpace = false;
		}
	}
	return { folded, origin };
}

/** Every occurrence of `quote` in `text` (whitespace folded), as offsets into the original text. */
export function findQuoteOccurrences(text: string, quote: string): TextRange[] {
	const needle = foldSpace(quote);
	if (!needle) return [];
	const { folded, origin } = foldWithOrigins(text);
	const found: TextRange[] = [];
	for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1))
		found.push({ start: origin[at]!, end: origin[at + needle.length - 1]! + 1 });
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
