/**
 * The one check of a citation: the source exists, it has the paragraph, and the quote is in that
 * paragraph verbatim (only runs of whitespace may differ). Browser-safe: the geodata validator
 * passes the paragraphs it read from geodata/, the browser those of the site's source texts.
 */
import type { Citation } from '../schema/model.ts';
import { locateQuote } from './paragraphs.ts';

/** The paragraphs of a source in order (`p1` first), or undefined when there is no such source. */
export type ParagraphLookup = (source: string) => readonly { text: string }[] | undefined;

/** What is wrong with the citation, or undefined when its quote is verbatim in its paragraph. */
export function citationProblem(c: Citation, paragraphsOf: ParagraphLookup): string | undefined {
	const paragraphs = paragraphsOf(c.source);
	if (!paragraphs) return `unknown source "${c.source}"`;
	const paragraph = paragraphs[Number(c.paragraph.slice(1)) - 1];
	if (!paragraph) return `${c.source} has no paragraph ${c.paragraph} (it has ${paragraphs.length})`;
	if (!locateQuote(paragraph.text, c.quote))
		return `quote is not verbatim in ${c.source} ${c.paragraph}: “${c.quote.slice(0, 80)}${c.quote.length > 80 ? '…' : ''}”`;
	return undefined;
}
