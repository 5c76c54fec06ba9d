/**
 * Citing by selecting: a selection in a source's text, given without the DOM (the paragraph and
 * character offsets at each end, as the reader's selection handler or a text annotator reports
 * them), becomes a citation whose quote is exactly the selected characters (verbatim by
 * construction), with the W3C Web Annotation selectors a tool such as Recogito reads and writes:
 * a TextQuoteSelector (the exact words, and up to 32 characters either side) and a
 * TextPositionSelector (offsets within the paragraph's text). The reverse, `anchorSelector`,
 * finds a TextQuote selector's words again in a paragraph.
 *
 * A citation is one paragraph: a selection that runs into another is refused with a message,
 * except the common one that ends at the very start of the next paragraph (a triple click).
 */
import type { Citation } from '../schema/model.ts';
import type { Paragraph } from '../corpus/paragraphs.ts';
import { citationProblem } from '../corpus/citations.ts';
import { anchorQuote, type TextRange } from './quote-anchoring.ts';

/** One end of a selection: a paragraph and an offset into its text (0 is before its first character). */
export interface TextPoint {
	paragraph: string;
	offset: number;
}

/** A selection in a source's text, either way round (the browser's anchor may follow its focus). */
export interface TextSelection {
	source: string;
	anchor: TextPoint;
	focus: TextPoint;
}

/** W3C Web Annotation TextQuoteSelector. */
export interface TextQuoteSelector {
	type: 'TextQuoteSelector';
	exact: string;
	prefix: string;
	suffix: string;
}

/** W3C Web Annotation TextPositionSelector, relative to the paragraph's text (not the whole source). */
export interface TextPositionSelector {
	type: 'TextPositionSelector';
	start: number;
	end: number;
}

export interface SelectedPassage {
	citation: Citation;
	quote: TextQuoteSelector;
	position: TextPositionSelector;
}

export type SelectionResult = { ok: true; passage: SelectedPassage } | { ok: false; message: string };

/** Characters of context kept either side of a quote (as Hypothesis does). */
export const SELECTOR_CONTEXT = 32;

/** The shortest quote the model accepts (../schema/model.ts `Citation`). */
const MIN_QUOTE = 3;

const paragraphNumber = (id: string) => Number(/^p(\d+)$/.exec(id)?.[1] ?? NaN);

const isLowSurrogate = (text: string, at: number) => /[\uDC00-\uDFFF]/.test(text[at] ?? '');

/** The selection's ends in reading order. */
function ordered(a: TextPoint, b: TextPoint): [TextPoint, TextPoint] {
	const [na, nb] = [paragraphNumber(a.paragraph), paragraphNumber(b.paragraph)];
	return na < nb || (na === nb && a.offset <= b.offset) ? [a, b] : [b, a];
}

/** The selectors of a range of a paragraph's text. */
export function selectorsOf(
	text: string,
	range: TextRange
): { quote: TextQuoteSelector; position: TextPositionSelector } {
	return {
		quote: {
			type: 'TextQuoteSelector',
			exact: text.slice(range.start, range.end),
			prefix: text.slice(Math.max(0, range.start - SELECTOR_CONTEXT), range.start),
			suffix: text.slice(range.end, range.end + SELECTOR_CONTEXT)
		},
		position: { type: 'TextPositionSelector', start: range.start, end: range.end }
	};
}

/** The citation of a selection, or why there is none. */
export function citationFromSelection(
	paragraphs: readonly Paragraph[],
	selection: TextSelection
): SelectionResult {
	const [start, selectedEnd] = ordered(selection.anchor, selection.focus);
	let end = selectedEnd;
	const first = paragraphs.find((p) => p.id === start.paragraph);
	if (!first)
		return {
			ok: false,
			message: `The selection starts in ${start.paragraph}, which this source does not have.`
		};
	// A triple click selects a paragraph up to the start of the next one: that is still one paragraph.
	if (
		end.paragraph !== start.paragraph &&
		end.offset === 0 &&
		paragraphNumber(end.paragraph) === paragraphNumber(start.paragraph) + 1
	)
		end = { paragraph: start.paragraph, offset: first.text.length };
	if (end.paragraph !== start.paragraph)
		return {
			ok: false,
			message: `A citation is one paragraph: this selection runs from ${start.paragraph} into ${end.paragraph}. Select within one paragraph, and cite each paragraph on its own.`
		};
	const text = first.text;
	if (
		start.offset < 0 ||
		end.offset > text.length ||
		!Number.isInteger(start.offset) ||
		!Number.isInteger(end.offset)
	)
		return { ok: false, message: `The selection is outside the text of ${start.paragraph}.` };
	let from = start.offset;
	let to = end.offset;
	// Never split a character outside the Basic Multilingual Plane.
	if (isLowSurrogate(text, from)) from--;
	if (isLowSurrogate(text, to)) to++;
	// Spaces at either end are never part of a quote.
	while (from < to && /\s/.test(text[from]!)) from++;
	while (to > from && /\s/.test(text[to - 1]!)) to--;
	if (to - from < MIN_QUOTE)
		return {
			ok: false,
			message:
				to === from
					? 'Nothing is selected: select the words to cite.'
					: `Select at least ${MIN_QUOTE} characters to cite (a word or more).`
		};
	const citation: Citation = { source: selection.source, paragraph: first.id, quote: text.slice(from, to) };
	// Verbatim by construction; the shared check says so too, or the paragraphs were not this source's.
	const problem = citationProblem(citation, (id) => (id === selection.source ? paragraphs : undefined));
	if (problem) return { ok: false, message: problem };
	return { ok: true, passage: { citation, ...selectorsOf(text, { start: from, end: to }) } };
}

/**
 * A TextQuote selector anchored again in a paragraph: the range its words stand at (the best fit
 * of prefix and suffix, then the nearest to a TextPosition hint), or null when they are not there.
 */
export function anchorSelector(
	paragraph: Paragraph,
	quote: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>,
	position?: Pick<TextPositionSelector, 'start'>
): TextRange | null {
	return anchorQuote(paragraph.text, quote, position?.start);
}

/** The selectors of an existing citation, anchored at its first occurrence in the paragraph. */
export function selectorsOfCitation(
	paragraphs: readonly Paragraph[],
	citation: Citation
): { quote: TextQuoteSelector; position: TextPositionSelector } | null {
	const paragraph = paragraphs[paragraphNumber(citation.paragraph) - 1];
	if (!paragraph) return null;
	const range = anchorQuote(paragraph.text, { exact: citation.quote });
	return range ? selectorsOf(paragraph.text, range) : null;
}
