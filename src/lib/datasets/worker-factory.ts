/**
 * The import worker as the app loads it: bundled by Vite from its own module (`?worker`), served
 * from the site's origin (CSP `worker-src 'self'`). Kept apart from import-client.ts so that the
 * client can be tested in Node with a stand-in worker.
 */
import ImportWorker from './import.worker.ts?worker';
import type { WorkerLike } from './import-client.ts';

export function createImportWorker(): WorkerLike {
	return new ImportWorker();
}
