/**
 * The records of a workspace: the kinds it holds, the one zod schema each kind's data is checked
 * against (the same schemas as geodata/: a deck is exactly a geodata/briefings/<id>.json), and
 * the envelope every record carries: a stable id, a CouchDB-style revision, the time it last
 * changed, where it came from, and whether it is in the trash.
 */
import { z } from 'zod';
import { Deck } from '../schema/briefing.ts';
import { Event, Place, Source } from '../schema/model.ts';
import { pathToField } from '../schema/field-path.ts';
import { DatasetInput, DatasetMeta } from './datasets.ts';
import { RECORD_KINDS, type Origin, type RecordKind } from './origin.ts';

export { RECORD_KINDS, type RecordKind } from './origin.ts';

/** A source of the user's: the metadata of geodata/sources/<id>.json plus its verbatim text. */
export const WorkspaceSource = Source.extend({ text: z.string().min(1) });

/** The schema of each kind's data as stored. */
export const RECORD_SCHEMAS = {
	deck: Deck,
	source: WorkspaceSource,
	place: Place,
	event: Event,
	dataset: DatasetMeta
} as const;

/** The schema of what a caller writes: a dataset's row counts and hash are computed, not given. */
export const WRITE_SCHEMAS = { ...RECORD_SCHEMAS, dataset: DatasetInput } as const;

export type RecordData<K extends RecordKind = RecordKind> = z.infer<(typeof RECORD_SCHEMAS)[K]>;
export type WriteData<K extends RecordKind = RecordKind> = z.infer<(typeof WRITE_SCHEMAS)[K]>;

/** A record as the workspace returns it. */
export interface WorkspaceRecord<K extends RecordKind = RecordKind> {
	kind: K;
	/** The data's own id (kebab-case), unique within the kind and never changed. */
	id: string;
	/** `<generation>-<hash>`, a new one on every write (see rev.ts). */
	rev: string;
	/** When it was last written, ISO 8601 UTC. */
	changed: string;
	origin: Origin;
	/** In the trash: still here, can be restored; a later sync sees the deletion. */
	deleted: boolean;
	data: RecordData<K>;
}

/**
 * A record as IndexedDB holds it. A purged record (the trash emptied) keeps its tombstone, with
 * no data, so that its deletion outlives it (for a later sync) and its id's generations go on.
 */
export type StoredRecord = Omit<WorkspaceRecord, 'data'> & { purged: boolean; data: RecordData | null };

/** How a record is named in messages: deck "border-story". */
export function recordLabel(kind: string, id: unknown): string {
	return typeof id === 'string' && id ? `${kind} "${id}"` : `${kind} (without a valid id)`;
}

/** A problem of one record: which record, which field, what is wrong. */
export interface RecordProblem {
	/** Where the record is, e.g. `records[3] (deck "x")`, or just `deck "x"`. */
	record: string;
	field?: string;
	message: string;
}

export function formatRecordProblem(p: RecordProblem): string {
	return `${p.record}${p.field ? ` › field ${p.field}` : ''}: ${p.message}`;
}

export function isRecordKind(kind: unknown): kind is RecordKind {
	return (RECORD_KINDS as readonly unknown[]).includes(kind);
}

/** Parses data of a kind with its schema; every issue becomes a problem naming the record and field. */
export function parseRecordData<S extends z.ZodType>(
	schema: S,
	kind: RecordKind,
	value: unknown,
	record = recordLabel(kind, (value as { id?: unknown } | null)?.id),
	fieldPrefix = ''
): { data?: z.infer<S>; problems: RecordProblem[] } {
	const result = schema.safeParse(value);
	if (result.success) return { data: result.data, problems: [] };
	return {
		problems: result.error.issues.map((issue) => {
			const sub = pathToField(issue.path);
			const field = !fieldPrefix || !sub || sub.startsWith('[') ? fieldPrefix + sub : `${fieldPrefix}.${sub}`;
			return { record, field: field || undefined, message: issue.message };
		})
	};
}

/** The record as returned to callers (purged tombstones are never returned). */
export function toWorkspaceRecord(stored: StoredRecord): WorkspaceRecord {
	const { kind, id, rev, changed, origin, deleted, data } = stored;
	return { kind, id, rev, changed, origin, deleted, data: data! };
}
