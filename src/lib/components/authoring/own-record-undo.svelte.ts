/**
 * The one status bar of the map page for changes to the user's own events and places: what was
 * last done and how to undo it, and the delete from the details panel that hands it its undo.
 * Kept outside the details panel, which closes when its record is deleted. Light on purpose: the
 * workspace is opened only when a delete asks for it.
 */
import type { Workspace } from '$lib/workspace/workspace';
import type { WorkspaceRecord } from '$lib/workspace/records';
import { changeWords, undoWrite } from '$lib/authoring/record-undo';
import { failureCode, failureWords, ownWorkspace } from '$lib/briefing/own-decks';

export interface UndoEntry {
	message: string;
	/** Takes the change back; absent once undone (one level only). */
	undo?: () => Promise<void>;
	/** Move focus to the Undo button (the control that made the change is gone). */
	focus: boolean;
	serial: number;
}

let serial = 0;
export const undoBar = $state<{ entry: UndoEntry | null }>({ entry: null });

export function announce(message: string, undo?: () => Promise<void>, focus = false) {
	undoBar.entry = { message, undo, focus, serial: ++serial };
}

type UndoableKind = 'event' | 'place';

/** Offers the undo of the change from `before` to `after` of a user's event or place. */
export function offerUndo<K extends UndoableKind>(
	ws: Workspace,
	kind: K,
	before: WorkspaceRecord<K>,
	after: WorkspaceRecord<K>,
	focus: boolean
) {
	const write = undoWrite(before, after);
	const data = after.data as { title?: string; name?: string };
	const undo = write
		? async () => {
				if (write.op === 'restore') await ws.restore(kind, write.id, { baseRev: write.baseRev });
				else await ws.put(kind, write.data, { baseRev: write.baseRev });
			}
		: undefined;
	announce(changeWords(before, after, data.title ?? data.name ?? after.id), undo, focus);
}

/**
 * Moves one of the user's events or places to the trash and offers its undo (focused: the
 * control that asked is gone once `ondeleted` closes the panel). Returns what went wrong, in
 * words, or '' once deleted.
 */
export async function deleteOwnRecord(
	kind: UndoableKind,
	id: string,
	ondeleted: () => void
): Promise<string> {
	try {
		const ws = await ownWorkspace();
		const before = await ws.get(kind, id);
		if (!before || before.deleted)
			return `This ${kind} is no longer in this browser (it was deleted, perhaps in another tab).`;
		const after = (await ws.remove(kind, id, { baseRev: before.rev })) as typeof before;
		ondeleted();
		offerUndo(ws, kind, before, after, true);
		return '';
	} catch (e) {
		return failureCode(e) === 'conflict'
			? `This ${kind} was changed in another tab just now, so it was not deleted.`
			: `The ${kind} was not deleted: ${failureWords(e)}`;
	}
}
