/**
 * The page's side of the import worker: ask for a preview, start an import and follow it
 * (progress, batches of events and rejections, the summary), cancel it. One operation runs at a
 * time; cancelling terminates the worker (PapaParse cannot be stopped mid-chunk otherwise) and
 * the next operation starts a fresh one.
 *
 *   const client = new ImportClient(createImportWorker);   // from worker-factory.ts
 *   const preview = await client.preview(file);
 *   const job = client.start(file, { dataset, mapping: preview.detected.mapping }, { onProgress, onBatch });
 *   job.cancel();                                            // or:
 *   const outcome = await job.done;                          // { status: 'done', summary } | cancelled | failed
 */
import type {
	FileLike,
	FilePreview,
	ImportProgress,
	ImportSettings,
	WorkerMessage,
	WorkerRequest
} from './import-protocol.ts';
import type { ChunkResult, ImportSummary } from './types.ts';

/** What the client needs of a Worker (a real one in the app, a stand-in in tests). */
export interface WorkerLike {
	postMessage(message: WorkerRequest): void;
	terminate(): void;
	onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
	onerror: ((event: ErrorEvent) => void) | null;
}

export type ImportOutcome =
	| { status: 'done'; summary: ImportSummary }
	| { status: 'cancelled' }
	| { status: 'failed'; message: string };

export interface ImportHandlers {
	onProgress?: (progress: ImportProgress) => void;
	onBatch?: (batch: ChunkResult) => void;
}

export interface ImportJob {
	/** Settles once: done, cancelled or failed (never rejects). */
	done: Promise<ImportOutcome>;
	cancel(): void;
}

/** A preview that was cancelled by a newer request or by `cancel()`. */
export class PreviewCancelled extends Error {}

const WORKER_FAILED =
	'The import worker stopped unexpectedly. Nothing was imported; reload the page and try again.';

export class ImportClient {
	private worker: WorkerLike | undefined;
	/** Ends the operation in progress as cancelled. */
	private stopCurrent: (() => void) | undefined;

	constructor(private readonly createWorker: () => WorkerLike) {}

	private open(onMessage: (m: WorkerMessage) => void, onFailure: (message: string) => void): WorkerLike {
		this.cancel();
		const worker = (this.worker ??= this.createWorker());
		worker.onmessage = (e) => onMessage(e.data);
		worker.onerror = (e) => {
			e.preventDefault?.();
			this.discard();
			onFailure(WORKER_FAILED);
		};
		return worker;
	}

	private discard(): void {
		this.worker?.terminate();
		this.worker = undefined;
	}

	/** The first rows of a file and the proposed mapping; rejects with the worker's message. */
	preview(file: FileLike, delimiter?: string): Promise<FilePreview> {
		return new Promise<FilePreview>((resolve, reject) => {
			const finish = () => (this.stopCurrent = undefined);
			const worker = this.open(
				(m) => {
					if (m.type === 'preview') {
						finish();
						resolve(m.preview);
					} else if (m.type === 'failed') {
						finish();
						reject(new Error(m.message));
					}
				},
				(message) => {
					finish();
					reject(new Error(message));
				}
			);
			this.stopCurrent = () => reject(new PreviewCancelled('The preview was cancelled.'));
			worker.postMessage({ type: 'preview', file, ...(delimiter !== undefined ? { delimiter } : {}) });
		});
	}

	/** Starts an import; its outcome is `job.done`. */
	start(file: FileLike, settings: ImportSettings, handlers: ImportHandlers = {}): ImportJob {
		let settle!: (o: ImportOutcome) => void;
		const done = new Promise<ImportOutcome>((resolve) => (settle = resolve));
		let settled = false;
		const end = (o: ImportOutcome) => {
			if (settled) return;
			settled = true;
			this.stopCurrent = undefined;
			settle(o);
		};
		const worker = this.open(
			(m) => {
				if (settled) return;
				if (m.type === 'progress') handlers.onProgress?.(m.progress);
				else if (m.type === 'batch') handlers.onBatch?.(m.batch);
				else if (m.type === 'done') end({ status: 'done', summary: m.summary });
				else if (m.type === 'failed') end({ status: 'failed', message: m.message });
			},
			(message) => end({ status: 'failed', message })
		);
		this.stopCurrent = () => end({ status: 'cancelled' });
		worker.postMessage({ type: 'import', file, settings });
		return {
			done,
			cancel: () => {
				if (!settled) this.cancel();
			}
		};
	}

	/** Stops whatever is running: the worker is terminated, the operation ends as cancelled. */
	cancel(): void {
		const stop = this.stopCurrent;
		if (!stop) return;
		this.stopCurrent = undefined;
		this.discard();
		stop();
	}

	/** Stops everything and lets the worker go (when the panel closes). */
	dispose(): void {
		this.cancel();
		this.discard();
	}
}
