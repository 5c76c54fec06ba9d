/**
 * The layout of the workspace database, as an ordered list of upgrade steps keyed by version.
 * Opening runs every step above the version the browser holds, in order, inside IndexedDB's one
 * upgrade transaction: all of them happen or none does, and a failed step leaves the old version
 * and its data as they were. A release that changes the layout appends a step; steps are never
 * edited once released, because browsers out there hold databases at every earlier version.
 *
 * Both steps below ship in the first release; they are two steps so that the upgrade path is
 * exercised by real steps from the start (the unit tests open at version 1 and upgrade).
 */
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Chunk } from './datasets.ts';
import type { StoredRecord } from './records.ts';

export interface WorkspaceDB extends DBSchema {
	/** Every record of every kind, keyed by [kind, id]. */
	records: { key: [string, string]; value: StoredRecord; indexes: { 'by-kind': string } };
	/** The rows of datasets, keyed by [dataset id, chunk index]. */
	chunks: { key: [string, number]; value: Chunk };
}

export type UpgradeTransaction = IDBPTransaction<WorkspaceDB, StoreNames<WorkspaceDB>[], 'versionchange'>;

export interface Migration {
	/** The version this step upgrades to: 1, 2, 3, … with no gaps. */
	version: number;
	/** What the step does, for messages and for the next reader. */
	description: string;
	/**
	 * Changes stores and indexes, and may rewrite records through `tx` (awaiting only its
	 * requests: awaiting anything else would end the upgrade transaction early).
	 */
	upgrade(db: IDBPDatabase<WorkspaceDB>, tx: UpgradeTransaction): void | Promise<void>;
}

export const MIGRATIONS: readonly Migration[] = [
	{
		version: 1,
		description: 'records of every kind, keyed by kind and id',
		upgrade(db) {
			db.createObjectStore('records', { keyPath: ['kind', 'id'] }).createIndex('by-kind', 'kind');
		}
	},
	{
		version: 2,
		description: 'the rows of imported datasets, in chunks',
		upgrade(db) {
			db.createObjectStore('chunks', { keyPath: ['dataset', 'index'] });
		}
	}
];

/** The version of the database this code reads and writes. */
export const DB_VERSION = MIGRATIONS.at(-1)!.version;

/** Refuses a list that is not versions 1, 2, 3, … in order (a programming error, caught in tests). */
export function checkMigrations(migrations: readonly Migration[]): void {
	migrations.forEach((m, i) => {
		if (m.version !== i + 1)
			throw new Error(`migration ${i} ("${m.description}") has version ${m.version}; expected ${i + 1}`);
	});
	if (!migrations.length) throw new Error('there must be at least one migration');
}

/** The steps that take a database from `oldVersion` to `newVersion`, in order. */
export function migrationsBetween(
	migrations: readonly Migration[],
	oldVersion: number,
	newVersion: number
): Migration[] {
	return migrations.filter((m) => m.version > oldVersion && m.version <= newVersion);
}
