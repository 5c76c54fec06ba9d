/**
 * Writing records: every change of a batch is validated before anything is written, then the
 * whole batch is one IndexedDB transaction, all or nothing. Each change carries the revision it
 * was based on; if the stored revision differs (another tab wrote meanwhile), the batch is
 * refused with a conflict and nothing is written: a change is never silently overwritten.
 *
 * Deletion is a tombstone: the record stays, marked deleted, with a new revision and its data,
 * so the trash can undo it and a later sync sees the deletion. Purging (emptying the trash)
 * drops the data and a dataset's rows but keeps the tombstone.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { CHUNK_ROWS, datasetMeta, rowProblems, toChunks, type Chunk, type Row } from './datasets.ts';
import { invalidRecords, WorkspaceError, type WriteConflict } from './errors.ts';
import type { WorkspaceDB } from './migrations.ts';
import { MADE_HERE, Origin } from './origin.ts';
import {
	WRITE_SCHEMAS,
	isRecordKind,
	parseRecordData,
	recordLabel,
	type RecordData,
	type RecordKind,
	type RecordProblem,
	type StoredRecord,
	type WriteData
} from './records.ts';
import { nextRev } from './rev.ts';

/** Write a record: create it (no `baseRev`) or replace the revision `baseRev`. */
export interface PutChange<K extends RecordKind = RecordKind> {
	op: 'put';
	kind: K;
	data: WriteData<K>;
	/** The revision this change was based on; omit (or null) to create a new record. */
	baseRev?: string | null;
	/** Where a new record came from (default: made in this browser); ignored for existing ones. */
	origin?: Origin;
	/** Datasets only: all their rows. Omitted, an existing dataset keeps its rows. */
	rows?: readonly Row[];
}

/** Move to the trash, bring back from it, or empty it of a record. */
export interface StateChange {
	op: 'remove' | 'restore' | 'purge';
	kind: RecordKind;
	id: string;
	baseRev: string;
}

export type Change = { [K in RecordKind]: PutChange<K> }[RecordKind] | StateChange;

type WriteTransaction = IDBPTransaction<WorkspaceDB, ('records' | 'chunks')[], 'readwrite'>;

/** A validated change, ready to be applied in a transaction. */
interface Prepared {
	change: Change;
	kind: RecordKind;
	id: string;
	/** Put: the parsed data, and the dataset's new chunks (undefined: keep its rows). */
	data?: RecordData;
	chunks?: Chunk[];
}

/**
 * Checks every change with its kind's schema; throws `invalid` listing every problem. `rowsHashes`
 * are datasets' row hashes already computed (in turns, by the caller), by change.
 */
export function prepareChanges(
	changes: readonly Change[],
	rowsHashes?: ReadonlyMap<Change, string>
): Prepared[] {
	const problems: RecordProblem[] = [];
	const prepared: Prepared[] = [];
	const seen = new Set<string>();
	for (const change of changes) {
		if (!isRecordKind(change?.kind)) {
			const kind = (change as { kind?: unknown } | undefined)?.kind;
			problems.push({
				record: `a record of kind ${JSON.stringify(kind ?? null)}`,
				message: 'unknown record kind'
			});
			continue;
		}
		if (change.op !== 'put') {
			if (typeof change.id !== 'string' || !change.id)
				problems.push({
					record: recordLabel(change.kind, change.id),
					field: 'id',
					message: 'an id is needed'
				});
			else prepared.push({ change, kind: change.kind, id: change.id });
			continue;
		}
		const { data, problems: found } = parseRecordData(WRITE_SCHEMAS[change.kind], change.kind, change.data);
		problems.push(...found);
		const record = recordLabel(change.kind, (change.data as { id?: unknown })?.id);
		if (change.origin !== undefined && !Origin.safeParse(change.origin).success)
			problems.push({ record, field: 'origin', message: 'not a valid origin' });
		if (change.rows && change.kind !== 'dataset')
			problems.push({ record, field: 'rows', message: `only datasets have rows, not a ${change.kind}` });
		if (!data) continue;
		let chunks: Chunk[] | undefined;
		let stored: RecordData = data as RecordData;
		if (change.kind === 'dataset' && change.rows) {
			const input = data as WriteData<'dataset'>;
			const bad = rowProblems(change.rows, input.columns);
			problems.push(...bad.map((p) => ({ record, ...p })));
			if (bad.length) continue;
			stored = datasetMeta(input, change.rows, CHUNK_ROWS, rowsHashes?.get(change));
			chunks = toChunks(input.id, change.rows);
		}
		prepared.push({ change, kind: change.kind, id: data.id, data: stored, chunks });
	}
	for (const p of prepared) {
		const key = `${p.kind}\n${p.id}`;
		if (seen.has(key))
			problems.push({
				record: recordLabel(p.kind, p.id),
				message: 'changed twice in one batch: merge the changes first'
			});
		seen.add(key);
	}
	if (problems.length) throw invalidRecords(problems);
	return prepared;
}

/** Why a change cannot be applied to what is stored, or undefined when it can. */
function conflictOf(p: Prepared, stored: StoredRecord | undefined): WriteConflict | undefined {
	const { change, kind, id } = p;
	const label = recordLabel(kind, id);
	const baseRev = change.baseRev ?? undefined;
	const exists = stored && !stored.purged;
	const conflict = (message: string): WriteConflict => ({
		kind,
		id,
		baseRev,
		currentRev: exists ? stored.rev : undefined,
		message
	});
	if (change.op === 'put' && baseRev === undefined) {
		if (!exists) return undefined;
		return conflict(
			stored.deleted
				? `${label} is in the trash: restore it, or give the new one another id.`
				: `${label} already exists (saved in another tab?): open it to change it.`
		);
	}
	if (!exists)
		return conflict(
			stored ? `${label} was deleted for good in another tab.` : `There is no ${label} in this workspace.`
		);
	if (stored.rev !== baseRev)
		return conflict(
			stored.deleted && change.op !== 'restore' && change.op !== 'purge'
				? `${label} was moved to the trash in another tab; nothing was changed.`
				: `${label} was changed in another tab (you started from revision ${baseRev}, it is now at revision ${stored.rev}). Reload it to see that change, then make yours again.`
		);
	if (change.op === 'remove' && stored.deleted) return conflict(`${label} is already in the trash.`);
	if ((change.op === 'restore' || change.op === 'purge') && !stored.deleted)
		return conflict(`${label} is not in the trash.`);
	return undefined;
}

/** The record after the change. */
function nextRecord(p: Prepared, stored: StoredRecord | undefined, changed: string): StoredRecord {
	const { change, kind, id } = p;
	if (change.op === 'put') {
		let data = p.data!;
		// A dataset written without rows keeps its rows and what is computed from them.
		if (kind === 'dataset' && !p.chunks) {
			const old = stored && !stored.purged ? (stored.data as RecordData<'dataset'>) : undefined;
			data = old
				? { ...(data as WriteData<'dataset'>), ...pickComputed(old) }
				: datasetMeta(data as WriteData<'dataset'>, []);
		}
		const live = stored && !stored.purged;
		return {
			kind,
			id,
			rev: nextRev(stored?.rev, { deleted: false, data }),
			changed,
			origin: live ? stored.origin : (change.origin ?? MADE_HERE),
			deleted: false,
			purged: false,
			data
		};
	}
	const old = stored!;
	const deleted = change.op !== 'restore';
	const data = change.op === 'purge' ? null : old.data;
	return {
		...old,
		rev: nextRev(old.rev, { deleted, data }),
		changed,
		deleted,
		purged: change.op === 'purge',
		data
	};
}

function pickComputed({ rowCount, chunkSize, chunkCount, rowsHash }: RecordData<'dataset'>) {
	return { rowCount, chunkSize, chunkCount, rowsHash };
}

/** The key range of every chunk of a dataset. */
export function chunkRange(dataset: string): IDBKeyRange {
	return IDBKeyRange.bound([dataset, 0], [dataset, Number.MAX_SAFE_INTEGER]);
}

/**
 * Queues a record's write (and its chunks': replaced, kept, or deleted) on the transaction. Each
 * request's promise is marked handled at once: if a later request throws and the transaction is
 * aborted, the earlier ones reject, and that must not surface as an unhandled rejection.
 */
export function queueWrite(
	tx: WriteTransaction,
	record: StoredRecord,
	chunks: Chunk[] | 'keep' | 'delete'
): Promise<unknown>[] {
	const queued: Promise<unknown>[] = [];
	const queue = (request: Promise<unknown>) => {
		request.catch(() => undefined);
		queued.push(request);
	};
	queue(tx.objectStore('records').put(record));
	if (chunks !== 'keep') {
		const store = tx.objectStore('chunks');
		queue(store.delete(chunkRange(record.id)));
		// One chunk after another, each from the previous one's success: the transaction stays
		// active, and the copying of a large dataset's rows into the store (a hundred milliseconds
		// a chunk) is spread over tasks, so the page keeps drawing while it is saved.
		if (chunks !== 'delete')
			queue(
				(async () => {
					for (const chunk of chunks) await store.put(chunk);
				})()
			);
	}
	return queued;
}

/**
 * Runs `body` in one read-write transaction over records and chunks and waits for it to commit.
 * Anything thrown aborts the transaction, so nothing of it is written.
 */
export async function inTransaction<T>(
	db: IDBPDatabase<WorkspaceDB>,
	body: (tx: WriteTransaction) => Promise<T>
): Promise<T> {
	const tx = db.transaction(['records', 'chunks'], 'readwrite');
	try {
		const result = await body(tx);
		await tx.done;
		return result;
	} catch (e) {
		try {
			tx.abort();
		} catch {
			// Already aborted by the failed request.
		}
		await tx.done.catch(() => undefined);
		throw e;
	}
}

/** Applies validated changes in one transaction; returns the records as written. */
export function applyChanges(
	db: IDBPDatabase<WorkspaceDB>,
	prepared: readonly Prepared[],
	changed: string
): Promise<StoredRecord[]> {
	return inTransaction(db, async (tx) => {
		const records = tx.objectStore('records');
		// Read everything first: a conflict anywhere refuses the batch before anything is written.
		const stored = await Promise.all(prepared.map((p) => records.get([p.kind, p.id])));
		const conflicts = prepared.map((p, i) => conflictOf(p, stored[i])).filter((c) => !!c);
		if (conflicts.length) throw conflictError(conflicts);

		const written = prepared.map((p, i) => nextRecord(p, stored[i], changed));
		const queued = written.flatMap((record, i) => {
			const p = prepared[i]!;
			const chunks = p.chunks ?? (p.change.op === 'purge' ? 'delete' : 'keep');
			return queueWrite(tx, record, chunks);
		});
		await Promise.all(queued);
		return written;
	});
}

function conflictError(conflicts: WriteConflict[]): WorkspaceError {
	const missing = conflicts.every((c) => c.currentRev === undefined && c.baseRev !== undefined);
	const message =
		conflicts.length === 1
			? conflicts[0]!.message
			: `Nothing was saved: ${conflicts.length} records changed elsewhere:\n${conflicts.map((c) => `  - ${c.message}`).join('\n')}`;
	return new WorkspaceError(missing ? 'not-found' : 'conflict', message, { conflicts });
}
