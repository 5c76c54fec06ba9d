/**
 * Keeping tabs consistent: every committed change is announced on a BroadcastChannel (kind, id,
 * revision) and delivered to this tab's own subscribers at once, so every view of a record, in
 * any tab, can refresh. A BroadcastChannel never delivers to its sender, hence the local list.
 * Messages are announcements only; a view reads the record itself from the database.
 */
import { isRecordKind, type RecordKind } from './records.ts';

/** One committed change of a record. */
export interface RecordChange {
	kind: RecordKind;
	id: string;
	rev: string;
	deleted: boolean;
}

export type WorkspaceEvent =
	/** Records were written; `fromThisTab` is false for changes made in another tab. */
	| { type: 'changed'; changes: RecordChange[]; fromThisTab: boolean }
	/** This tab's workspace is closed (upgraded in another tab, or closed by the browser). */
	| { type: 'closed'; message: string };

export type WorkspaceListener = (event: WorkspaceEvent) => void;

export const DEFAULT_CHANNEL = 'frontier-atlas-workspace';

interface Announcement {
	changes: RecordChange[];
}

const isChange = (c: unknown): c is RecordChange =>
	!!c &&
	typeof c === 'object' &&
	isRecordKind((c as RecordChange).kind) &&
	typeof (c as RecordChange).id === 'string' &&
	typeof (c as RecordChange).rev === 'string' &&
	typeof (c as RecordChange).deleted === 'boolean';

export interface ChangeChannel {
	announce(changes: RecordChange[]): void;
	/** Tells this tab's subscribers only (e.g. that the workspace closed). */
	notifyHere(event: WorkspaceEvent): void;
	subscribe(listener: WorkspaceListener): () => void;
	close(): void;
}

export function createChangeChannel(name = DEFAULT_CHANNEL): ChangeChannel {
	const listeners = new Set<WorkspaceListener>();
	// Older browsers without BroadcastChannel still get this tab's own changes.
	const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;

	const notifyHere = (event: WorkspaceEvent) => {
		for (const listener of [...listeners]) {
			try {
				listener(event);
			} catch (e) {
				// One broken view must not stop the others from refreshing.
				console.error('workspace listener failed', e);
			}
		}
	};

	channel?.addEventListener('message', (event: MessageEvent<Announcement>) => {
		const changes = (event.data as Partial<Announcement> | null)?.changes;
		if (!Array.isArray(changes) || !changes.every(isChange) || !changes.length) return;
		notifyHere({ type: 'changed', changes, fromThisTab: false });
	});

	return {
		announce(changes) {
			if (!changes.length) return;
			notifyHere({ type: 'changed', changes, fromThisTab: true });
			channel?.postMessage({ changes } satisfies Announcement);
		},
		notifyHere,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		close() {
			listeners.clear();
			channel?.close();
		}
	};
}
