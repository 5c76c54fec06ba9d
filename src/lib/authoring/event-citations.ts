/**
 * What a selected passage (./selection-citation.ts) can become, as pure functions on event drafts
 * (./event-draft.ts): the first citation of a new event, one more citation of an existing event
 * (another source reporting it, say), or one side's stance on a contested event (who claims,
 * denies or disputes it), cited. A passage already cited is not added twice.
 */
import type { Citation, PlaceRole } from '../schema/model.ts';
import { foldSpace, locateQuote } from '../corpus/paragraphs.ts';
import { emptyEventDraft, type EventDraft, type Stance } from './event-draft.ts';

export interface DraftChange {
	draft: EventDraft;
	/** False when nothing changed (the message says why). */
	changed: boolean;
	message?: string;
}

/** Whether `a` already covers `b`: the same paragraph, and b's words within a's. */
function covers(a: Citation, b: Citation): boolean {
	return a.source === b.source && a.paragraph === b.paragraph && locateQuote(a.quote, b.quote) !== null;
}

/**
 * A new event draft cited by the passage. Places found in the quote may be listed, each as
 * "mentioned" until the user gives its role; nothing else is guessed.
 */
export function startEventFromCitation(
	citation: Citation,
	placesInQuote: readonly string[] = []
): EventDraft {
	const places = [...new Set(placesInQuote)].map((place) => ({ place, role: 'mentioned' as PlaceRole }));
	return { ...emptyEventDraft(), places, citations: [{ ...citation }] };
}

/** The draft with the passage as one more citation, unless a citation already covers it. */
export function addCitationToEvent(draft: EventDraft, citation: Citation): DraftChange {
	const existing = draft.citations.find((c) => covers(c, citation));
	if (existing)
		return {
			draft,
			changed: false,
			message: `Already cited: ${existing.source} ${existing.paragraph} “${foldSpace(existing.quote).slice(0, 60)}${existing.quote.length > 60 ? '…' : ''}”.`
		};
	return { draft: { ...draft, citations: [...draft.citations, { ...citation }] }, changed: true };
}

/**
 * The draft with one side's stance, cited by the passage: the event becomes contested if it was
 * not (its note still to be written). The same party taking the same stance on the same passage
 * is not added twice.
 */
export function addStanceToEvent(
	draft: EventDraft,
	stance: { party: string; stance: Stance; citation: Citation }
): DraftChange {
	const contested = draft.contested ?? { note: '', stances: [] };
	const party = stance.party.trim();
	const twice = contested.stances.find(
		(s) =>
			s.party.trim().toLowerCase() === party.toLowerCase() &&
			s.stance === stance.stance &&
			covers(s.citation, stance.citation)
	);
	if (twice)
		return { draft, changed: false, message: `${party} already ${stance.stance} it on this passage.` };
	return {
		draft: {
			...draft,
			contested: {
				...contested,
				stances: [...contested.stances, { party, stance: stance.stance, citation: { ...stance.citation } }]
			}
		},
		changed: true
	};
}

/** The draft without its citation number `index`. */
export function removeCitation(draft: EventDraft, index: number): EventDraft {
	return { ...draft, citations: draft.citations.filter((_, i) => i !== index) };
}

/** The draft without stance number `index`; no longer contested when none is left and no note was written. */
export function removeStance(draft: EventDraft, index: number): EventDraft {
	if (!draft.contested) return draft;
	const stances = draft.contested.stances.filter((_, i) => i !== index);
	return {
		...draft,
		contested: stances.length || draft.contested.note.trim() ? { ...draft.contested, stances } : null
	};
}
