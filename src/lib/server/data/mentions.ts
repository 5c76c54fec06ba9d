/**
 * Place names in the bundled source texts, found at build time so the reader can link each to the
 * map. The matching itself is pure and lives in src/lib/corpus/place-mentions.ts (the browser uses
 * it too, for a user's own texts); this adapts it to the validator's source records.
 */
import type { Place } from '../../schema/model.ts';
import { findPlaceMentionsInParagraphs, type PlaceMention } from '../../corpus/place-mentions.ts';
import type { SourceRecord } from './validate.ts';

export { isCaseSensitive } from '../../corpus/place-mentions.ts';
export type { PlaceMention };

/**
 * The place mentions of every paragraph of a source, keyed by paragraph id; paragraphs that name
 * no place are left out.
 */
export function findPlaceMentions(source: SourceRecord, places: Place[]): Record<string, PlaceMention[]> {
	return findPlaceMentionsInParagraphs(source.meta.id, source.paragraphs, places);
}
