/**
 * The briefing validator of the build: reads every `briefings/<deck-id>.json`, then runs the
 * shared, browser-safe deck checks (src/lib/briefing/validate-deck.ts: the schema, then every
 * reference, date, camera, quote and highlight) against the rest of geodata/. What only files
 * have is checked here: valid JSON, a deck id that matches its file name and is not used twice.
 * A problem names the file, the record (the deck, or `<deck>#<scene>`), the field and what is wrong.
 */
import type { Deck } from '../../schema/briefing.ts';
import type { Event, LayerGroup, Place } from '../../schema/model.ts';
import { checkDeck, parseDeck, type DeckReferences } from '../../briefing/validate-deck.ts';
import type { QuotableSource } from './citations.ts';
import { GEODATA_FILES, type GeodataFiles } from './read.ts';
import type { Problem } from './problems.ts';

export { countSentences, MAX_SCENE_SENTENCES } from '../../briefing/validate-deck.ts';

/** What decks are checked against: the validated records of the rest of geodata/. */
export interface BriefingContext {
	places: readonly Place[];
	events: readonly Event[];
	groups: readonly LayerGroup[];
	/** Sources with their paragraphs (the validator's `SourceRecord`s). */
	sources: readonly (QuotableSource & { meta: { id: string } })[];
}

function duplicates(ids: string[]): string[] {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const id of ids) (seen.has(id) ? dup : seen).add(id);
	return [...dup];
}

export function validateBriefings(
	files: GeodataFiles,
	data: BriefingContext
): { decks: Deck[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const decks: Deck[] = [];
	const dir = `${GEODATA_FILES.briefingsDir}/`;
	const sourceById = new Map(data.sources.map((s) => [s.meta.id, s]));
	const refs: DeckReferences = {
		groups: data.groups,
		places: data.places,
		events: data.events,
		paragraphs: (id) => sourceById.get(id)?.paragraphs
	};

	for (const file of [...files.keys()].filter((f) => f.startsWith(dir) && f.endsWith('.json')).sort()) {
		let value: unknown;
		try {
			value = JSON.parse(files.get(file)!);
		} catch (e) {
			problems.push({ file, message: `not valid JSON: ${(e as Error).message}` });
			continue;
		}
		const parsed = parseDeck(value);
		problems.push(...parsed.problems.map((p) => ({ file, ...p })));
		const deck = parsed.deck;
		if (!deck) continue;
		const expected = `${dir}${deck.id}.json`;
		if (file !== expected)
			problems.push({ file, id: deck.id, field: 'id', message: `must match the file name (${expected})` });
		problems.push(...checkDeck(deck, refs).map((p) => ({ file, ...p })));
		decks.push(deck);
	}
	for (const id of duplicates(decks.map((d) => d.id)))
		problems.push({ file: GEODATA_FILES.briefingsDir, id, message: 'deck id used by more than one file' });

	return { decks, problems };
}
