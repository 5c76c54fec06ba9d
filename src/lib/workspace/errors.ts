/**
 * The one error type of the workspace. Every failure comes back as a `WorkspaceError` with a
 * `code` the UI can branch on and a message it can show as it is; a raw DOMException from
 * IndexedDB never reaches the caller. Nothing is changed by a write that fails.
 */
import { formatRecordProblem, type RecordProblem } from './records.ts';
import type { RecordKind } from './origin.ts';

export type WorkspaceErrorCode =
	/** A record failed its schema: `problems` names each record, field and problem. */
	| 'invalid'
	/** The stored revision is not the one the write was based on: `conflicts` says which. */
	| 'conflict'
	/** No such record (or it was purged). */
	| 'not-found'
	/** The browser's storage for the site is full. */
	| 'quota'
	/** The browser refuses to store data (private mode, blocked storage, no IndexedDB). */
	| 'unavailable'
	/** The workspace was saved by a newer version of the atlas. */
	| 'newer-version'
	/** Another tab upgraded the workspace or the browser closed it: reload the page. */
	| 'closed'
	/** A workspace or deck file that cannot be imported: `problems` says what and where. */
	| 'bad-file'
	/** Anything else the browser reported; the message carries its words. */
	| 'failed';

/** A write refused because the record changed since the revision the write was based on. */
export interface WriteConflict {
	kind: RecordKind;
	id: string;
	/** The revision the write was based on (undefined: the write meant to create the record). */
	baseRev: string | undefined;
	/** The revision stored now (undefined: there is no such record any more). */
	currentRev: string | undefined;
	message: string;
}

export class WorkspaceError extends Error {
	readonly code: WorkspaceErrorCode;
	readonly problems: RecordProblem[];
	readonly conflicts: WriteConflict[];

	constructor(
		code: WorkspaceErrorCode,
		message: string,
		details: { problems?: RecordProblem[]; conflicts?: WriteConflict[]; cause?: unknown } = {}
	) {
		super(message, { cause: details.cause });
		this.name = 'WorkspaceError';
		this.code = code;
		this.problems = details.problems ?? [];
		this.conflicts = details.conflicts ?? [];
	}
}

export function isWorkspaceError(e: unknown): e is WorkspaceError {
	return e instanceof WorkspaceError;
}

/** The problems of records in one message, at most 20 listed. */
export function invalidRecords(problems: RecordProblem[], what = 'Nothing was saved'): WorkspaceError {
	const shown = problems.slice(0, 20).map((p) => `  - ${formatRecordProblem(p)}`);
	const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : [];
	const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
	return new WorkspaceError('invalid', `${what} (${count}):\n${[...shown, ...more].join('\n')}`, {
		problems
	});
}

export const UNAVAILABLE_MESSAGE =
	'This browser refuses to store data (private mode?): nothing made here can be kept. Export a copy of your work before closing the tab.';

export const QUOTA_MESSAGE =
	'Storage is full: the browser refused to save the change, and nothing was changed. Export a copy of your workspace, then delete datasets or decks you no longer need.';

const nameOf = (e: unknown) => (e && typeof e === 'object' && 'name' in e ? String(e.name) : '');

/**
 * Turns whatever IndexedDB threw into a WorkspaceError. A full disk shows up as a
 * QuotaExceededError on the request or as the error of the aborted transaction.
 */
export function toWorkspaceError(e: unknown, doing: string): WorkspaceError {
	if (e instanceof WorkspaceError) return e;
	const name = nameOf(e);
	const inner = e && typeof e === 'object' && 'error' in e ? nameOf((e as { error: unknown }).error) : '';
	if (name === 'QuotaExceededError' || inner === 'QuotaExceededError')
		return new WorkspaceError('quota', QUOTA_MESSAGE, { cause: e });
	if (name === 'VersionError')
		return new WorkspaceError(
			'newer-version',
			'This workspace was saved by a newer version of the atlas: reload the page to get it.',
			{ cause: e }
		);
	const detail =
		e instanceof Error || (e && typeof e === 'object' && 'message' in e)
			? String((e as Error).message)
			: String(e);
	return new WorkspaceError(
		'failed',
		`The browser could not ${doing} (${name || 'error'}: ${detail}). Nothing was changed.`,
		{
			cause: e
		}
	);
}
