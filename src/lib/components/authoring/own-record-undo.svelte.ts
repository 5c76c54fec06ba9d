/**
 * The one status bar of the map page for changes to the user's own events and places: what was last done
 * and how to undo it. Kept outside the details panel, which closes when its event is deleted.
 * Light on purpose: the workspace is reached only through the undo the change hands over.
 */
import type { Workspace } from '$lib/workspace/workspace';
import type { WorkspaceRecord } from '$lib/workspace/records';
import { changeWords, undoWrite } from '$lib/authoring/record-undo';

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
