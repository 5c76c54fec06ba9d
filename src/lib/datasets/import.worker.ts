/**
 * The import worker: a thin shell over import-job.ts, which does the work (and which the tests
 * call directly). It runs PapaParse's parser on text it decodes itself, never PapaParse's own
 * `worker: true`, which breaks in Vite production builds (PapaParse #1122). Imported by the page
 * with Vite's `?worker` suffix (worker-factory.ts); cancelling an import terminates it.
 */
import { DocumentCache, handleRequest } from './import-job.ts';
import type { WorkerMessage, WorkerRequest } from './import-protocol.ts';

const cache = new DocumentCache();
const post = (message: WorkerMessage) => self.postMessage(message);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
	void handleRequest(event.data, post, cache);
};
