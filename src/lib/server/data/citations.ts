/**
 * The citation check of the geodata validator: the shared, browser-safe check
 * (src/lib/corpus/citations.ts) over the sources the validator read.
 */
import type { Citation } from '../../schema/model.ts';
import type { Paragraph } from '../../corpus/paragraphs.ts';
import { citationProblem as checkCitation } from '../../corpus/citations.ts';

/** What the check needs of a source: its paragraphs (a `SourceRecord` of the validator will do). */
export interface QuotableSource {
	paragraphs: Paragraph[];
}

/** What is wrong with the citation, or undefined when its quote is verbatim in its paragraph. */
export function citationProblem(
	c: Citation,
	sourceById: ReadonlyMap<string, QuotableSource>
): string | undefined {
	return checkCitation(c, (id) => sourceById.get(id)?.paragraphs);
}
