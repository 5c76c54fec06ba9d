/**
 * Importing one deck file, exactly the format of geodata/briefings/<id>.json, checked the way
 * the build checks the shipped decks (src/lib/briefing/validate-deck.ts, the same code): the
 * schema and its version, every layer group, event and place known to the atlas, and every
 * citation verbatim in its source paragraph. The source texts come from the caller, fetched as
 * needed; the deck is then the caller's to `put` with origin "imported from file X".
 */
import type { Deck } from '../schema/briefing.ts';
import type { Event } from '../schema/model.ts';
import { checkDeck, citedParagraphs, parseDeck, type DeckProblem } from '../briefing/validate-deck.ts';
import { parseJsonFile, readLimitedText } from './transfer.ts';
import { isWorkspaceError } from './errors.ts';

/** A deck file larger than this is not a deck (the shipped one is about 20 KB). */
export const MAX_DECK_FILE_BYTES = 2_000_000;

/** What an imported deck is checked against: the site's groups, places and events, and its source texts. */
export interface DeckFileContext {
	groups: readonly { id: string }[];
	places: readonly { id: string }[];
	events: readonly Pick<Event, 'id' | 'group' | 'date'>[];
	/** The paragraphs of a source in order (`p1` first); undefined or a rejection for an unknown source. */
	sourceParagraphs: (source: string) => Promise<readonly { text: string }[] | undefined>;
}

export type DeckFileResult =
	{ ok: true; deck: Deck } | { ok: false; problems: DeckProblem[]; message: string };

function refused(problems: DeckProblem[]): DeckFileResult {
	const lines = problems
		.slice(0, 20)
		.map(
			(p) =>
				`  - ${[p.id ? `record "${p.id}"` : '', p.field ? `field ${p.field}` : ''].filter(Boolean).join(' › ') || 'the file'}: ${p.message}`
		);
	const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
	return {
		ok: false,
		problems,
		message: `This deck cannot be imported (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...lines, ...more].join('\n')}`
	};
}

/** Reads and checks a deck file; never throws for a bad file, it says what is wrong and where. */
export async function readDeckFile(file: Blob | string, context: DeckFileContext): Promise<DeckFileResult> {
	let value: unknown;
	try {
		value = parseJsonFile(await readLimitedText(file, MAX_DECK_FILE_BYTES, 'deck file'), 'deck file');
	} catch (e) {
		if (!isWorkspaceError(e)) throw e;
		return refused(e.problems.map((p) => ({ message: p.message })));
	}
	const parsed = parseDeck(value);
	if (!parsed.deck) return refused(parsed.problems);
	const paragraphs = await citedParagraphs(parsed.deck, context.sourceParagraphs);
	const problems = checkDeck(parsed.deck, { ...context, paragraphs });
	return problems.length ? refused(problems) : { ok: true, deck: parsed.deck };
}
