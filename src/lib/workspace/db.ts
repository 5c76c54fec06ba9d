/**
 * Opening the workspace database: `idb` 8 (about 1.5 KB gzipped, against Dexie's 33 KB) wraps
 * IndexedDB in promises. The factory is injected (tests pass a fresh fake-indexeddb factory each)
 * so idb's `openDB`, which uses the global `indexedDB`, is replaced by the same few lines over
 * `factory.open`, with idb's `wrap` for everything after.
 */
import { wrap, type IDBPDatabase } from 'idb';
import { UNAVAILABLE_MESSAGE, WorkspaceError, toWorkspaceError } from './errors.ts';
import { checkMigrations, migrationsBetween, type Migration, type WorkspaceDB } from './migrations.ts';

export interface OpenOptions {
	factory: IDBFactory | undefined;
	name: string;
	migrations: readonly Migration[];
	/** Another tab holds the database open at an older version and has not let go yet. */
	onBlocked?: () => void;
}

/** Opens (creating or upgrading) the database; rejects only with a WorkspaceError. */
export function openDatabase({
	factory,
	name,
	migrations,
	onBlocked
}: OpenOptions): Promise<IDBPDatabase<WorkspaceDB>> {
	checkMigrations(migrations);
	const version = migrations.at(-1)!.version;
	return new Promise((resolve, reject) => {
		if (!factory) return reject(new WorkspaceError('unavailable', UNAVAILABLE_MESSAGE));
		let request: IDBOpenDBRequest;
		try {
			request = factory.open(name, version);
		} catch (e) {
			// Some browsers throw at once when storage is blocked (SecurityError).
			return reject(new WorkspaceError('unavailable', UNAVAILABLE_MESSAGE, { cause: e }));
		}
		let failedStep: { migration: Migration; error: unknown } | undefined;

		request.addEventListener('upgradeneeded', (event) => {
			const db = wrap(request.result) as unknown as IDBPDatabase<WorkspaceDB>;
			const tx = wrap(request.transaction!) as unknown as Parameters<Migration['upgrade']>[1];
			// A failed upgrade is reported by the open request; its transaction's own rejection is not news.
			tx.done.catch(() => undefined);
			const steps = migrationsBetween(migrations, event.oldVersion, event.newVersion ?? version);
			// Steps run one after another; a step that throws aborts the whole upgrade.
			steps
				.reduce<Promise<void>>(
					(done, migration) =>
						done.then(async () => {
							try {
								await migration.upgrade(db, tx);
							} catch (error) {
								failedStep = { migration, error };
								throw error;
							}
						}),
					Promise.resolve()
				)
				.catch(() => {
					try {
						tx.abort();
					} catch {
						// Already finished: the open request reports the failure.
					}
				});
		});
		request.addEventListener('blocked', () => onBlocked?.());
		request.addEventListener('success', () =>
			resolve(wrap(request.result) as unknown as IDBPDatabase<WorkspaceDB>)
		);
		request.addEventListener('error', (event) => {
			// Handled here: without this the failed open would also surface as an uncaught error.
			event.preventDefault();
			if (failedStep) {
				const { migration, error } = failedStep;
				return reject(
					new WorkspaceError(
						'failed',
						`The workspace could not be upgraded to version ${migration.version} (${migration.description}: ${(error as Error)?.message ?? error}); it is unchanged. Reload the page to try again.`,
						{ cause: error }
					)
				);
			}
			const mapped = toWorkspaceError(request.error, 'open the workspace');
			reject(
				mapped.code === 'failed'
					? new WorkspaceError('unavailable', UNAVAILABLE_MESSAGE, { cause: request.error })
					: mapped
			);
		});
	});
}
