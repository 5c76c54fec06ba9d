/**
 * The one check of a citation, shared by the geodata validator and the briefing validator: the
 * source exists, it has the paragraph, and the quote is in that paragraph verbatim (only runs of
 * whitespace may differ).
 */
import type { Citation } from '../../schema/model.ts';
import type { Paragraph } from '../../corpus/paragraphs.ts';
import { locateQuote } from '../../corpus/paragraphs.ts';

/** What the check needs of a source: its paragraphs (a `SourceRecord` of the validator will do). */
export interface QuotableSource {
	paragraphs: Paragraph[];
}

/** What is wrong with the citation, or undefined when its quote is verbatim in its paragraph. */
export function citationProblem(
	c: Citation,
	sourceById: ReadonlyMap<string, QuotableSource>
): string | undefined {
	const source = sourceById.get(c.source);
	if (!source) return `unknown source "${c.source}"`;
	const paragraph = source.paragraphs[Number(c.paragraph.slice(1)) - 1];
	if (!paragraph) return `${c.source} has no paragraph ${c.paragraph} (it has ${source.paragraphs.length})`;
	if (!locateQuote(paragraph.text, c.quote))
		return `quote is not verbatim in ${c.source} ${c.paragraph}: “${c.quote.slice(0, 80)}${c.quote.length > 80 ? '…' : ''}”`;
	return undefined;
}
