/**
 * The one rule of a form's id field shared by every kind of record: an id must not be another
 * record's. The record being edited keeps its own id, so it is not "taken" for that record, both
 * when the form checks the id and when it proposes a free one.
 */
import { addError, type FieldErrors } from './field-errors.ts';

/** The ids of a kind of record, and which one the form is editing. */
export interface TakenIdsContext {
	/** Ids of every record of the kind, bundled and the user's. */
	takenIds: ReadonlySet<string>;
	/** The id of the record being edited (its own id is not "taken"). */
	editing?: string;
}

/** The ids a proposed id must avoid: every taken one but the edited record's own. */
export function idsTakenByOthers(context: TakenIdsContext): Set<string> {
	const taken = new Set(context.takenIds);
	if (context.editing) taken.delete(context.editing);
	return taken;
}

/**
 * Adds the "already taken" message at `id` when another record has that id and the field has no
 * message yet; `propose` is called only then, for the free id the message suggests.
 */
export function checkIdFree(
	errors: FieldErrors,
	id: string,
	context: TakenIdsContext,
	record: 'an event' | 'a source',
	propose: () => string
): void {
	if (id && !errors.id && id !== context.editing && context.takenIds.has(id))
		addError(errors, 'id', `“${id}” is already the id of ${record}: choose another (${propose()} is free).`);
}
