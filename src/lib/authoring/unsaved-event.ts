/**
 * The event being written from a passage and not yet saved, kept in the browser's localStorage as
 * it is typed, so that a reload, a crash or a closed tab does not lose it: the readers offer to
 * resume it. localStorage, not the workspace: it is written on every keystroke, synchronously, and
 * is one small draft (the workspace keeps what is saved). Storage refused is not an error here:
 * the draft then lives as long as the page.
 */
import type { Citation } from '../schema/model.ts';
import type { EventDraft } from './event-draft.ts';

export const UNSAVED_EVENT_KEY = 'frontier-atlas:unsaved-passage-event';

export interface UnsavedEvent {
	draft: EventDraft;
	/** The event being added to (its workspace revision, null for the atlas's), or null for a new one. */
	editing: { id: string; rev: string | null } | null;
	citation: Citation;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The kept draft, or null when there is none or what is kept is not one (it is then let go). */
export function readUnsavedEvent(
	storage: Pick<Storage, 'getItem' | 'removeItem'> | undefined = globalStorage()
): UnsavedEvent | null {
	try {
		const text = storage?.getItem(UNSAVED_EVENT_KEY);
		if (!text) return null;
		const value: unknown = JSON.parse(text);
		if (
			isObject(value) &&
			isObject(value.draft) &&
			Array.isArray(value.draft.citations) &&
			Array.isArray(value.draft.places) &&
			isObject(value.citation) &&
			typeof value.citation.quote === 'string' &&
			(value.editing === null || (isObject(value.editing) && typeof value.editing.id === 'string'))
		)
			return value as unknown as UnsavedEvent;
		storage?.removeItem(UNSAVED_EVENT_KEY);
	} catch {
		// Unreadable or refused: nothing to resume.
	}
	return null;
}

export function keepUnsavedEvent(
	value: UnsavedEvent,
	storage: Pick<Storage, 'setItem'> | undefined = globalStorage()
) {
	try {
		storage?.setItem(UNSAVED_EVENT_KEY, JSON.stringify(value));
	} catch {
		// Storage refused or full: the draft lives as long as the page.
	}
}

export function forgetUnsavedEvent(storage: Pick<Storage, 'removeItem'> | undefined = globalStorage()) {
	try {
		storage?.removeItem(UNSAVED_EVENT_KEY);
	} catch {
		// Nothing kept.
	}
}

function globalStorage(): Storage | undefined {
	try {
		return typeof localStorage === 'undefined' ? undefined : localStorage;
	} catch {
		return undefined;
	}
}
