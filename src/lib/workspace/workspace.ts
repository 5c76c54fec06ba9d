/**
 * The local workspace: a user's own decks, sources, places, events and imported datasets, kept
 * in this browser's IndexedDB (through `idb` 8, about 1.5 KB gzipped; Dexie would be 33 KB) and
 * never sent anywhere. It is the storage layer the workspace UI sits on.
 *
 *   const ws = await openWorkspace();                  // rejects with a WorkspaceError, e.g. 'unavailable'
 *   const deck = await ws.put('deck', data);           // create: validated, rev 1-…, origin "made in this browser"
 *   await ws.put('deck', edited, { baseRev: deck.rev }); // update: refused with 'conflict' if another tab wrote
 *   await ws.remove('deck', deck.id, { baseRev });     // to the trash (a tombstone); ws.restore undoes it
 *   ws.subscribe((e) => refresh(e));                   // every committed change, from this tab or another
 *   const { text, fileName } = await ws.exportAll();   // the whole workspace as one JSON file
 *   const report = await ws.importAll(file);           // all or nothing; conflicts reported, not applied
 *   const { text: words } = await ws.status();         // "Saved in this browser; the browser may clear it…"
 *
 * Every record is checked with its kind's zod schema (records.ts) before it is written, carries
 * a stable id, a CouchDB-style revision, its last-changed time and its origin, and every change
 * (a batch too: `writeMany`) is one transaction. Every failure rejects with a `WorkspaceError`
 * (errors.ts) whose `code` the UI branches on and whose message it can show as it is.
 */
import type { IDBPDatabase } from 'idb';
import { version as packageVersion } from '../../../package.json';
import { CHUNK_ROWS, rowsHashInTurns, type Row } from './datasets.ts';
import {
	createChangeChannel,
	DEFAULT_CHANNEL,
	type RecordChange,
	type WorkspaceListener
} from './channel.ts';
import { openDatabase } from './db.ts';
import { toWorkspaceError, WorkspaceError } from './errors.ts';
import { importRecords, type ImportOptions, type ImportReport } from './imports.ts';
import { MIGRATIONS, type Migration, type WorkspaceDB } from './migrations.ts';
import type { Origin } from './origin.ts';
import {
	browserStorage,
	describeStorage,
	readStorageState,
	requestPersistence,
	type StorageLike,
	type StorageStatus
} from './persistence.ts';
import {
	toWorkspaceRecord,
	type RecordKind,
	type StoredRecord,
	type WorkspaceRecord,
	type WriteData
} from './records.ts';
import {
	buildWorkspaceFile,
	MAX_WORKSPACE_FILE_BYTES,
	parseJsonFile,
	parseWorkspaceFile,
	readLimitedText,
	workspaceFileName,
	type WorkspaceFile
} from './transfer.ts';
import { applyChanges, chunkRange, prepareChanges, type Change } from './writes.ts';

export const DEFAULT_DATABASE = 'frontier-atlas-workspace';

export interface WorkspaceOptions {
	/** IndexedDB factory; the page's `indexedDB` by default (tests pass a fresh fake one). */
	factory?: IDBFactory;
	/** Database name (default `frontier-atlas-workspace`). */
	name?: string;
	/** BroadcastChannel name shared by the tabs (default `frontier-atlas-workspace`). */
	channelName?: string;
	/** `navigator.storage` by default. */
	storage?: StorageLike;
	/** The clock for last-changed times and export times. */
	clock?: () => Date;
	/** The atlas version written into exports (default: package.json's). */
	appVersion?: string;
	/** The upgrade steps (default MIGRATIONS): tests only, to prove the mechanism with a future step. */
	migrations?: readonly Migration[];
}

export interface PutOptions {
	/** The revision the change is based on; omit to create a record. */
	baseRev?: string | null;
	/** Where a new record came from; default: made in this browser. */
	origin?: Origin;
	/** Datasets only: all their rows (omitted: an existing dataset keeps its rows). */
	rows?: readonly Row[];
}

export interface WorkspaceExport {
	file: WorkspaceFile;
	/** The file's text, to download as `fileName`. */
	text: string;
	fileName: string;
	bytes: number;
	/** False when the file is larger than the import limit (its datasets need re-importing from their files). */
	importable: boolean;
}

export interface Workspace {
	/** A record, also when it is in the trash (`deleted`); undefined when there is none. */
	get<K extends RecordKind>(kind: K, id: string): Promise<WorkspaceRecord<K> | undefined>;
	/** The records of a kind in id order: the live ones, or with `{ trash: true }` the deleted ones. */
	list<K extends RecordKind>(kind: K, options?: { trash?: boolean }): Promise<WorkspaceRecord<K>[]>;
	/** Every row of a dataset, in order. */
	rows(datasetId: string): Promise<Row[]>;
	put<K extends RecordKind>(kind: K, data: WriteData<K>, options?: PutOptions): Promise<WorkspaceRecord<K>>;
	/** Moves a record to the trash. */
	remove(kind: RecordKind, id: string, options: { baseRev: string }): Promise<WorkspaceRecord>;
	/** Brings a record back from the trash. */
	restore(kind: RecordKind, id: string, options: { baseRev: string }): Promise<WorkspaceRecord>;
	/** Deletes a record in the trash for good (its tombstone stays, without data). */
	purge(kind: RecordKind, id: string, options: { baseRev: string }): Promise<RecordChange>;
	/** Several changes as one transaction: all are written or none is. */
	writeMany(changes: readonly Change[]): Promise<RecordChange[]>;
	/** Calls `listener` on every committed change, in this tab or another; returns the unsubscribe. */
	subscribe(listener: WorkspaceListener): () => void;
	exportAll(): Promise<WorkspaceExport>;
	/** Imports a workspace file all or nothing (see imports.ts for conflicts). */
	importAll(file: Blob | string, options?: Partial<ImportOptions>): Promise<ImportReport>;
	/** Persistence and space, in words for the UI. */
	status(): Promise<StorageStatus>;
	/** Asks the browser to keep the workspace persistently; returns the status after asking. */
	requestPersistence(): Promise<StorageStatus>;
	close(): void;
}

const changeOf = (r: StoredRecord): RecordChange => ({
	kind: r.kind,
	id: r.id,
	rev: r.rev,
	deleted: r.deleted
});

/** Opens the workspace; rejects with a WorkspaceError ('unavailable', 'newer-version', …). */
export async function openWorkspace(options: WorkspaceOptions = {}): Promise<Workspace> {
	const {
		factory = (globalThis as { indexedDB?: IDBFactory }).indexedDB,
		name = DEFAULT_DATABASE,
		channelName = DEFAULT_CHANNEL,
		storage = browserStorage(),
		clock = () => new Date(),
		appVersion = packageVersion,
		migrations = MIGRATIONS
	} = options;

	const db: IDBPDatabase<WorkspaceDB> = await openDatabase({ factory, name, migrations });
	const channel = createChangeChannel(channelName);
	let closedMessage: string | undefined;
	let quotaExceeded = false;

	const shutDown = (message: string) => {
		if (closedMessage) return;
		closedMessage = message;
		db.close();
		channel.notifyHere({ type: 'closed', message });
	};
	// A newer version of the atlas in another tab needs this tab to let go of the database.
	db.addEventListener('versionchange', () =>
		shutDown('The atlas was updated in another tab: reload this page to keep working on your workspace.')
	);
	db.addEventListener('close', () =>
		shutDown('The browser closed the workspace (was the site’s data cleared?): reload this page.')
	);

	/** Runs an operation, turning every failure into a WorkspaceError. */
	async function guarded<T>(doing: string, run: () => Promise<T>): Promise<T> {
		if (closedMessage) throw new WorkspaceError('closed', closedMessage);
		try {
			return await run();
		} catch (e) {
			const error = closedMessage
				? new WorkspaceError('closed', closedMessage, { cause: e })
				: toWorkspaceError(e, doing);
			if (error.code === 'quota') quotaExceeded = true;
			throw error;
		}
	}

	async function write(changes: readonly Change[]): Promise<StoredRecord[]> {
		// A large dataset's rows are hashed before anything is checked or written, in turns, so the
		// page keeps answering (the hash is the same as the one prepareChanges would compute).
		const rowsHashes = new Map<Change, string>();
		for (const change of changes)
			if (
				change.op === 'put' &&
				change.kind === 'dataset' &&
				Array.isArray(change.rows) &&
				change.rows.length > CHUNK_ROWS
			)
				rowsHashes.set(change, await rowsHashInTurns(change.rows));
		const prepared = prepareChanges(changes, rowsHashes);
		const written = await applyChanges(db, prepared, clock().toISOString());
		quotaExceeded = false;
		channel.announce(written.map(changeOf));
		return written;
	}

	const one = async (change: Change) => toWorkspaceRecord((await write([change]))[0]!);

	const status = async () =>
		describeStorage(await readStorageState(storage, { available: true, quotaExceeded }));

	const workspace: Workspace = {
		get: (kind, id) =>
			guarded('read the workspace', async () => {
				const stored = await db.get('records', [kind, id]);
				return stored && !stored.purged
					? (toWorkspaceRecord(stored) as WorkspaceRecord<typeof kind>)
					: undefined;
			}),
		list: (kind, { trash = false } = {}) =>
			guarded('read the workspace', async () => {
				const all = await db.getAllFromIndex('records', 'by-kind', kind);
				return all
					.filter((r) => !r.purged && r.deleted === trash)
					.map((r) => toWorkspaceRecord(r) as WorkspaceRecord<typeof kind>);
			}),
		rows: (datasetId) =>
			guarded('read the dataset', async () => {
				const tx = db.transaction(['records', 'chunks']);
				const [record, chunks] = await Promise.all([
					tx.objectStore('records').get(['dataset', datasetId]),
					tx.objectStore('chunks').getAll(chunkRange(datasetId))
				]);
				if (!record || record.purged)
					throw new WorkspaceError('not-found', `There is no dataset "${datasetId}".`);
				// The key order of chunks is their index order.
				return chunks.flatMap((c) => c.rows);
			}),
		put: (kind, data, { baseRev, origin, rows } = {}) =>
			guarded('save the change', async () => {
				const change = { op: 'put', kind, data, baseRev, origin, rows } as Change;
				return (await one(change)) as WorkspaceRecord<typeof kind>;
			}),
		remove: (kind, id, { baseRev }) =>
			guarded('move it to the trash', () => one({ op: 'remove', kind, id, baseRev })),
		restore: (kind, id, { baseRev }) =>
			guarded('restore it from the trash', () => one({ op: 'restore', kind, id, baseRev })),
		purge: (kind, id, { baseRev }) =>
			guarded('delete it', async () => changeOf((await write([{ op: 'purge', kind, id, baseRev }]))[0]!)),
		writeMany: (changes) => guarded('save the changes', async () => (await write(changes)).map(changeOf)),
		subscribe: (listener) => channel.subscribe(listener),
		exportAll: () =>
			guarded('export the workspace', async () => {
				const tx = db.transaction(['records', 'chunks']);
				const [records, chunks] = await Promise.all([
					tx.objectStore('records').getAll(),
					tx.objectStore('chunks').getAll()
				]);
				const rowsById = new Map<string, Row[]>();
				for (const chunk of chunks) {
					const rows = rowsById.get(chunk.dataset) ?? [];
					for (const row of chunk.rows) rows.push(row);
					rowsById.set(chunk.dataset, rows);
				}
				const when = clock();
				const file = buildWorkspaceFile(records, (id) => rowsById.get(id) ?? [], appVersion, when);
				const text = JSON.stringify(file);
				const bytes = new Blob([text]).size;
				return {
					file,
					text,
					fileName: workspaceFileName(when),
					bytes,
					importable: bytes <= MAX_WORKSPACE_FILE_BYTES
				};
			}),
		importAll: (file, { fileName, onConflict } = {}) =>
			guarded('import the workspace file', async () => {
				const name = fileName ?? (file as { name?: unknown }).name;
				const text = await readLimitedText(file, MAX_WORKSPACE_FILE_BYTES, 'workspace file');
				const parsed = parseWorkspaceFile(parseJsonFile(text, 'workspace file'));
				const { report, written } = await importRecords(db, parsed.records, {
					fileName: typeof name === 'string' && name ? name : 'a workspace file',
					onConflict
				});
				quotaExceeded = false;
				channel.announce(written.map(changeOf));
				return report;
			}),
		status: () => status(),
		requestPersistence: async () => {
			await requestPersistence(storage);
			return status();
		},
		close: () => {
			closedMessage ??= 'This workspace was closed.';
			channel.close();
			db.close();
		}
	};
	return workspace;
}

/** The status to show when the workspace could not be opened at all. */
export async function unavailableStatus(
	storage: StorageLike | undefined = browserStorage()
): Promise<StorageStatus> {
	return describeStorage(await readStorageState(storage, { available: false, quotaExceeded: false }));
}
