/**
 * One level of undo for a change to one of the user's records, as logic: given the record as it
 * was before the change and as the change left it, what to write to take the change back. The
 * write is based on the revision the change left, so that a record changed since (in another tab)
 * is refused as a conflict instead of being overwritten.
 */

/** A record as the undo needs it: its revision, whether it is in the trash, and its data. */
export interface RecordState<D> {
	id: string;
	rev: string;
	deleted: boolean;
	data: D;
}

export type UndoWrite<D> =
	/** The change moved the record to the trash: bring it back. */
	| { op: 'restore'; id: string; baseRev: string }
	/** The change edited the record: put the data it had back. */
	| { op: 'put'; id: string; data: D; baseRev: string };

/** What to write to undo the change from `before` to `after`; null when there is nothing to undo. */
export function undoWrite<D>(before: RecordState<D>, after: RecordState<D>): UndoWrite<D> | null {
	if (before.id !== after.id || before.deleted) return null;
	if (after.deleted) return { op: 'restore', id: after.id, baseRev: after.rev };
	if (after.rev === before.rev) return null;
	return { op: 'put', id: after.id, data: before.data, baseRev: after.rev };
}

/** What the status bar says of the change: `Edited “Title”.` or `Deleted “Title”.` */
export function changeWords(
	before: RecordState<unknown>,
	after: RecordState<unknown>,
	title: string
): string {
	return `${after.deleted && !before.deleted ? 'Deleted' : 'Edited'} “${title}”.`;
}
