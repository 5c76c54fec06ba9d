/**
 * The event form, as logic. A draft holds the model's fields as the form edits them (a date as
 * typed, places with roles, actors, type and layer group, contested stances, citations);
 * `eventFromDraft` makes the record, checked with the one zod schema (../schema/model.ts
 * `Event`) and the validator's cross-checks that make sense in the browser: every quote verbatim
 * in its paragraph (../corpus/citations.ts), every place and group resolving, the date real and
 * ordered, nothing listed twice, the id unique. Every problem is a message at its field
 * (`date.start`, `places[1].place`, `citations[0]` …).
 *
 * Warnings do not stop a save: a summary that repeats a quote word for word is flagged, because
 * a summary is our words and the quotes are the source's.
 */
import { Event, type Citation, type PlaceRole } from '../schema/model.ts';
import { citationProblem, type ParagraphLookup } from '../corpus/citations.ts';
import { foldSpace } from '../corpus/paragraphs.ts';
import {
	dateDraftOf,
	dateSpanFromDraft,
	emptyDateDraft,
	parseDateText,
	type DateDraft
} from './date-input.ts';
import { addError, zodFieldErrors, type FieldErrors } from './field-errors.ts';
import { proposeEventId } from './ids.ts';
import { checkIdFree, idsTakenByOthers, type TakenIdsContext } from './taken-ids.ts';

export type Stance = 'claims' | 'denies' | 'disputes';

export interface PlaceDraft {
	place: string;
	role: PlaceRole | '';
}

export interface StanceDraft {
	party: string;
	stance: Stance | '';
	citation: Citation;
}

export interface EventDraft {
	id: string;
	title: string;
	/** In our words. */
	summary: string;
	date: DateDraft;
	places: PlaceDraft[];
	actors: string[];
	type: string;
	group: string;
	/** Null when the event is not contested. */
	contested: { note: string; stances: StanceDraft[] } | null;
	citations: Citation[];
}

export const emptyEventDraft = (): EventDraft => ({
	id: '',
	title: '',
	summary: '',
	date: emptyDateDraft(),
	places: [],
	actors: [],
	type: '',
	group: '',
	contested: null,
	citations: []
});

/** The draft of an event record, to edit it (or to add a citation to a bundled one). */
export function eventDraftOf(event: Event): EventDraft {
	return {
		id: event.id,
		title: event.title,
		summary: event.summary,
		date: dateDraftOf(event.date),
		places: event.places.map((p) => ({ ...p })),
		actors: [...event.actors],
		type: event.type,
		group: event.group,
		contested: event.contested
			? { note: event.contested.note, stances: event.contested.stances.map((s) => ({ ...s })) }
			: null,
		citations: event.citations.map((c) => ({ ...c }))
	};
}

/** What the cross-checks look things up in: the atlas's and the user's records. */
export interface EventFormContext extends TakenIdsContext {
	/** The paragraphs of every source, bundled and the user's. */
	paragraphsOf: ParagraphLookup;
	placeIds: ReadonlySet<string>;
	groupIds: ReadonlySet<string>;
}

export interface EventCheck {
	/** The record, when there is no problem. */
	event?: Event;
	errors: FieldErrors;
	warnings: FieldErrors;
}

const REQUIRED: Record<string, string> = {
	id: 'Required: a short lower-case name such as torkham-closed-2024-03.',
	title: 'Required: a short title in your words.',
	summary: 'Required: what happened, in your own words, saying nothing the citations do not say.',
	type: 'Required: the kind of event (airstrike, talks, border-closure …).',
	group: 'Choose the layer the event is drawn in.',
	places: 'Add at least one place, with its role.',
	citations: 'Cite at least one passage: select it in the source.',
	'contested.note': 'Required: say what is disputed, or who the claim rests on.',
	'contested.stances': 'Add at least one side: who claims, denies or disputes it, cited.'
};

/** The ids a draft proposes for itself: from its title and date, unique among events. */
export function proposeIdForEvent(draft: EventDraft, context: TakenIdsContext): string {
	const date = parseDateText(draft.date.start);
	return proposeEventId(draft.title, date.ok ? date.start : undefined, idsTakenByOthers(context));
}

const citationKey = (c: Citation) => `${c.source}\u0000${c.paragraph}\u0000${foldSpace(c.quote)}`;

/** The number of words of a text. */
const wordCount = (s: string) => foldSpace(s).split(' ').filter(Boolean).length;

/** A quote this long (in words) repeated whole in a summary is a copy, not a summary. */
const COPIED_QUOTE_WORDS = 6;

/** The record of a draft, and every problem at its field. */
export function eventFromDraft(draft: EventDraft, context: EventFormContext): EventCheck {
	const dated = dateSpanFromDraft(draft.date);
	const id = draft.id.trim();
	const note = draft.contested?.note.trim() ?? '';
	const candidate = {
		id,
		title: draft.title.trim(),
		summary: draft.summary.trim(),
		// A stand-in that passes the schema when the date has problems of its own, reported below.
		date: dated.span ?? { start: '1000', precision: 'year', basis: 'explicit' },
		places: draft.places.map((p) => ({ place: p.place.trim(), role: p.role })),
		actors: draft.actors.map((a) => a.trim()),
		type: draft.type.trim(),
		group: draft.group.trim(),
		...(draft.contested
			? {
					contested: {
						note,
						stances: draft.contested.stances.map((s) => ({
							party: s.party.trim(),
							stance: s.stance,
							citation: s.citation
						}))
					}
				}
			: {}),
		citations: draft.citations
	};
	const parsed = Event.safeParse(candidate);
	const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
	for (const [field, message] of Object.entries(errors))
		if (REQUIRED[field] && (message === 'Required.' || message === 'Add at least one.'))
			errors[field] = REQUIRED[field];
	for (const [field, message] of Object.entries(errors)) {
		if (/^places\[\d+\]\.role$/.test(field))
			errors[field] = 'Choose the place’s role (site, target, origin …).';
		else if (/^places\[\d+\]\.place$/.test(field) && message === 'Required.')
			errors[field] = 'Choose a place.';
		else if (/^contested\.stances\[\d+\]\.stance$/.test(field))
			errors[field] = 'Choose claims, denies or disputes.';
		else if (/^contested\.stances\[\d+\]\.party$/.test(field))
			errors[field] = 'Required: who takes this side.';
		else if (/^actors\[\d+\]$/.test(field)) errors[field] = 'An actor needs a name (or remove it).';
	}
	for (const [field, message] of Object.entries(dated.errors)) errors[field] = message;

	// Cross-checks, each at its field.
	checkIdFree(errors, id, context, 'an event', () => proposeIdForEvent(draft, context));
	if (candidate.group && !context.groupIds.has(candidate.group))
		addError(errors, 'group', `No layer group “${candidate.group}” in the atlas.`);
	const seenPlaces = new Map<string, number>();
	candidate.places.forEach((p, i) => {
		if (!p.place) return;
		if (!context.placeIds.has(p.place))
			addError(errors, `places[${i}].place`, `No place “${p.place}” in the atlas.`);
		else if (seenPlaces.has(p.place))
			addError(
				errors,
				`places[${i}].place`,
				`Listed twice (also place ${seenPlaces.get(p.place)! + 1}): give it one role.`
			);
		seenPlaces.set(p.place, i);
	});
	const seenActors = new Map<string, number>();
	candidate.actors.forEach((a, i) => {
		const key = a.toLowerCase();
		if (key && seenActors.has(key)) addError(errors, `actors[${i}]`, `“${a}” is listed twice.`);
		seenActors.set(key, i);
	});
	const seenCitations = new Set<string>();
	candidate.citations.forEach((c, i) => {
		const problem = citationProblem(c, context.paragraphsOf);
		if (problem) addError(errors, `citations[${i}]`, problem);
		const key = citationKey(c);
		if (seenCitations.has(key)) addError(errors, `citations[${i}]`, 'This passage is cited twice.');
		seenCitations.add(key);
	});
	draft.contested?.stances.forEach((s, i) => {
		const problem = citationProblem(s.citation, context.paragraphsOf);
		if (problem) addError(errors, `contested.stances[${i}].citation`, problem);
	});

	const warnings: FieldErrors = {};
	const summary = foldSpace(candidate.summary);
	const copied = [...candidate.citations, ...(draft.contested?.stances.map((s) => s.citation) ?? [])].find(
		(c) => wordCount(c.quote) >= COPIED_QUOTE_WORDS && summary.includes(foldSpace(c.quote))
	);
	if (copied)
		warnings.summary = `The summary repeats a quote of ${copied.source} ${copied.paragraph} word for word: write it in your own words (the quote is shown with it anyway).`;

	if (Object.keys(errors).length || !parsed.success) return { errors, warnings };
	return { event: parsed.data, errors, warnings };
}

/** One message per field of the draft (empty when it can be saved). */
export function eventFieldErrors(draft: EventDraft, context: EventFormContext): FieldErrors {
	return eventFromDraft(draft, context).errors;
}
