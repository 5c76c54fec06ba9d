/**
 * Importing a checked workspace file (transfer.ts) into the database, all or nothing, in one
 * transaction. A record new to this workspace is added with its revision; one already here with
 * the same content is left alone; one here with different content is a conflict. By default a
 * conflict changes nothing at all and is reported, so the user can choose for each: keep mine,
 * take theirs (a new revision over mine), or keep both (theirs under a new id).
 *
 * An imported record made in the other browser becomes "imported from file X"; a record that
 * was itself imported or copied keeps that origin, which still says where it first came from.
 */
import type { IDBPDatabase } from 'idb';
import { toChunks } from './datasets.ts';
import type { WorkspaceDB } from './migrations.ts';
import type { Origin } from './origin.ts';
import { type RecordData, type RecordKind, type StoredRecord } from './records.ts';
import { contentHash, nextRev, revGeneration } from './rev.ts';
import type { WorkspaceFileRecord } from './transfer.ts';
import { inTransaction, queueWrite } from './writes.ts';

export type ConflictChoice = 'mine' | 'theirs' | 'both';

/** One side of a conflict, enough for the UI to show both. */
export interface ConflictSide {
	rev: string;
	changed: string;
	deleted: boolean;
	title: string;
}

export interface ImportConflict {
	kind: RecordKind;
	id: string;
	mine: ConflictSide;
	theirs: ConflictSide;
	/** What was done; absent when the import was not applied. */
	choice?: ConflictChoice;
	/** With "both": the id theirs was stored under. */
	copyId?: string;
}

export interface RecordRef {
	kind: RecordKind;
	id: string;
}

export interface ImportOptions {
	/** The name of the file, for the records' origin. */
	fileName: string;
	/** What to do with conflicts: report them and change nothing (default), or resolve them. */
	onConflict?: 'report' | ConflictChoice | ((conflict: ImportConflict) => ConflictChoice);
}

export interface ImportReport {
	/** False when nothing was written because conflicts wait for a choice. */
	applied: boolean;
	added: RecordRef[];
	unchanged: RecordRef[];
	conflicts: ImportConflict[];
}

/** The record's title for the UI: its title, else its name, else its id. */
export function recordTitle(record: { id: string; data: RecordData | null }): string {
	const data = record.data as { title?: unknown; name?: unknown } | null;
	return typeof data?.title === 'string'
		? data.title
		: typeof data?.name === 'string'
			? data.name
			: record.id;
}

const side = (r: StoredRecord | WorkspaceFileRecord): ConflictSide => ({
	rev: r.rev,
	changed: r.changed,
	deleted: r.deleted,
	title: recordTitle(r)
});

/** A revision for the incoming content over a stored one: a generation above both sides. */
function revAbove(stored: StoredRecord, incoming: WorkspaceFileRecord): string {
	const generation = Math.max(revGeneration(stored.rev), revGeneration(incoming.rev)) + 1;
	return nextRev(stored.rev, { deleted: incoming.deleted, data: incoming.data }, generation);
}

const sameContent = (a: StoredRecord, b: WorkspaceFileRecord) =>
	a.deleted === b.deleted && contentHash(a.data) === contentHash(b.data);

function importedOrigin(origin: Origin, fileName: string): Origin {
	return origin.how === 'made-here' ? { how: 'imported', file: fileName } : origin;
}

/** The stored record of an imported one, with its revision and origin. */
function storedFrom(record: WorkspaceFileRecord, fileName: string, rev = record.rev): StoredRecord {
	const { kind, id, changed, deleted, data } = record;
	return {
		kind,
		id,
		rev,
		changed,
		origin: importedOrigin(record.origin, fileName),
		deleted,
		purged: false,
		data
	};
}

/** Applies the file's records; every write happens in one transaction or none does. */
export function importRecords(
	db: IDBPDatabase<WorkspaceDB>,
	records: readonly WorkspaceFileRecord[],
	{ fileName, onConflict = 'report' }: ImportOptions
): Promise<{ report: ImportReport; written: StoredRecord[] }> {
	return inTransaction(db, async (tx) => {
		const store = tx.objectStore('records');
		const report: ImportReport = { applied: false, added: [], unchanged: [], conflicts: [] };
		const writes: { record: StoredRecord; rows?: WorkspaceFileRecord['rows'] }[] = [];
		const pending: { incoming: WorkspaceFileRecord; stored: StoredRecord; conflict: ImportConflict }[] = [];
		// Ids a copy must not take: those of the file (the workspace's are checked as we go).
		const taken = new Set(records.map((r) => `${r.kind}\n${r.id}`));

		for (const incoming of records) {
			const stored = await store.get([incoming.kind, incoming.id]);
			const ref = { kind: incoming.kind, id: incoming.id };
			if (!stored || stored.purged) {
				// Over a purged tombstone, a generation above it, so a later sync sees the return.
				const rev = stored ? revAbove(stored, incoming) : incoming.rev;
				writes.push({ record: storedFrom(incoming, fileName, rev), rows: incoming.rows });
				report.added.push(ref);
			} else if (sameContent(stored, incoming)) report.unchanged.push(ref);
			else
				pending.push({ incoming, stored, conflict: { ...ref, mine: side(stored), theirs: side(incoming) } });
		}

		if (pending.length && onConflict === 'report') {
			report.conflicts = pending.map((p) => p.conflict);
			return { report, written: [] };
		}

		for (const { incoming, stored, conflict } of pending) {
			const choice = typeof onConflict === 'function' ? onConflict(conflict) : (onConflict as ConflictChoice);
			conflict.choice = choice;
			if (choice === 'theirs') {
				writes.push({
					record: storedFrom(incoming, fileName, revAbove(stored, incoming)),
					rows: incoming.rows
				});
			} else if (choice === 'both') {
				const copyId = await freeId(incoming, taken, (id) => store.getKey([incoming.kind, id]));
				conflict.copyId = copyId;
				const data = { ...incoming.data, id: copyId } as RecordData;
				const rev = nextRev(undefined, { deleted: incoming.deleted, data });
				writes.push({
					record: storedFrom({ ...incoming, id: copyId, data }, fileName, rev),
					rows: incoming.rows
				});
			}
			report.conflicts.push(conflict);
		}

		const queued = writes.flatMap(({ record, rows }) =>
			queueWrite(
				tx,
				record,
				record.kind === 'dataset'
					? toChunks(record.id, rows ?? [], (record.data as RecordData<'dataset'>).chunkSize)
					: 'keep'
			)
		);
		await Promise.all(queued);
		report.applied = true;
		return { report, written: writes.map((w) => w.record) };
	});
}

/** `<id>-copy`, `<id>-copy-2`, …: the first id not used in the workspace or by this import. */
async function freeId(
	record: WorkspaceFileRecord,
	taken: Set<string>,
	exists: (id: string) => Promise<unknown>
): Promise<string> {
	for (let n = 1; ; n++) {
		const id = `${record.id}-copy${n === 1 ? '' : `-${n}`}`;
		const key = `${record.kind}\n${id}`;
		if (!taken.has(key) && (await exists(id)) === undefined) {
			taken.add(key);
			return id;
		}
	}
}

/** The import in words: "Imported 3 records; 1 already here; 2 conflicts wait for a choice." */
export function describeImport(report: ImportReport): string {
	const n = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
	const parts = [
		report.applied ? `Imported ${n(report.added.length, 'record')}` : 'Nothing was imported',
		report.unchanged.length ? `${report.unchanged.length} already here` : '',
		report.conflicts.length
			? report.applied
				? `${n(report.conflicts.length, 'conflict')} resolved`
				: `${n(report.conflicts.length, 'record')} here differ${report.conflicts.length === 1 ? 's' : ''} from the file's: choose for each (keep mine, take theirs or keep both)`
			: ''
	];
	return `${parts.filter(Boolean).join('; ')}.`;
}
