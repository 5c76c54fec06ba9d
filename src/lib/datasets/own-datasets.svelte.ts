/**
 * The user's imported datasets on the dashboard: read from the workspace when the page opens and
 * rebuilt into events by the import worker (from the stored rows, see stored.ts), saved when an
 * import finishes, removed on request; each one is a collection of the evidence store with a
 * layer group of its own. A dataset imported, renamed or removed in another tab of this browser
 * is followed here too. The dashboard loads this module on its own (a dynamic import), after
 * its first paint.
 */
import type { AtlasState } from '../state/atlas.svelte.ts';
import { failureWords, ownWorkspace } from '../briefing/own-decks.ts';
import type { Workspace } from '../workspace/workspace.ts';
import type { DatasetMeta } from '../workspace/datasets.ts';
import { datasetCollection, datasetRecord, type ImportedDataset } from './collection.ts';
import { ImportClient } from './import-client.ts';
import { storedDatasetFile, storedSettings } from './stored.ts';
import type { EventFeature } from '../schema/exported.ts';
import { createImportWorker } from './worker-factory.ts';

type StoredDataset = { id: string; rev: string; data: DatasetMeta };

export interface OwnDataset {
	id: string;
	title: string;
	file: string;
	/** "1,200 imported, 3 rejected" */
	words: string;
	/** Whether it is kept in the workspace (false: this page only, the browser refused storage). */
	saved: boolean;
	/** Being written to the workspace now. */
	saving?: boolean;
}

export class OwnDatasets {
	list = $state<OwnDataset[]>([]);
	/** What went wrong reading or writing, in words (the workspace's own messages). */
	problem = $state('');
	/** Datasets being rebuilt from the workspace. */
	loading = $state(0);
	/** Whether every stored dataset has been read back (or there was no storage to read). */
	loaded = $state(false);
	readonly #atlas: AtlasState;
	/** The revision each dataset on the map was read at, so another tab's rewrite is noticed. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never shown
	readonly #revs = new Map<string, string>();
	#unsubscribe = () => {};
	/** Another tab's changes, followed one at a time in the order they came. */
	#following: Promise<void> = Promise.resolve();

	constructor(atlas: AtlasState) {
		this.#atlas = atlas;
	}

	/** The ids a new dataset must not take: every collection, group and source already in use. */
	get takenIds(): string[] {
		const ev = this.#atlas.evidence;
		return [
			...ev.collections.map((c) => c.id),
			...ev.groups.map((g) => g.id),
			...ev.sources.map((s) => s.id)
		];
	}

	#index(id: string): number {
		const at = this.list.findIndex((d) => d.id === id);
		return at < 0 ? this.list.length : at;
	}

	/** Reads the stored datasets and draws each as it is rebuilt. */
	async load(): Promise<void> {
		try {
			await this.#loadAll();
		} finally {
			this.loaded = true;
		}
	}

	async #loadAll(): Promise<void> {
		let ws: Workspace;
		try {
			ws = await ownWorkspace();
		} catch {
			return; // No storage: there is nothing stored to show (an import says so when it saves).
		}
		this.#unsubscribe = ws.subscribe((e) => {
			if (e.type !== 'changed' || e.fromThisTab) return;
			for (const c of e.changes)
				if (c.kind === 'dataset') this.#following = this.#following.then(() => this.#follow(ws, c.id));
		});
		const stored = await ws.list('dataset').catch((e: unknown) => {
			this.problem = `Your imported datasets could not be read: ${failureWords(e)}`;
			return [];
		});
		// One worker rebuilds every stored dataset in turn (an import runs one at a time anyway).
		const client = new ImportClient(createImportWorker);
		try {
			for (const record of stored) await this.#readBack(ws, client, record);
		} finally {
			client.dispose();
		}
	}

	/** Stops following other tabs (the page is closing). */
	close(): void {
		this.#unsubscribe();
	}

	/** Brings one dataset to what the workspace holds now, after another tab changed it. */
	async #follow(ws: Workspace, id: string): Promise<void> {
		const record = await ws.get('dataset', id).catch(() => undefined);
		if (!record || record.deleted) {
			this.#atlas.removeCollection(id);
			this.#revs.delete(id);
			this.list = this.list.filter((d) => d.id !== id);
			return;
		}
		if (this.#revs.get(id) === record.rev) return;
		const client = new ImportClient(createImportWorker);
		try {
			await this.#readBack(ws, client, record);
		} finally {
			client.dispose();
		}
	}

	async #readBack(ws: Workspace, client: ImportClient, record: StoredDataset): Promise<void> {
		const settings = storedSettings(record.data);
		if (!settings) {
			this.problem = `The dataset “${record.data.title}” was stored without how to read it, so it cannot be shown.`;
			return;
		}
		this.loading++;
		try {
			const rows = await ws.rows(record.id);
			const events: EventFeature[] = [];
			const job = client.start(storedDatasetFile(record.data, rows), settings, {
				onBatch: (b) => events.push(...b.events)
			});
			const outcome = await job.done;
			if (outcome.status === 'failed') throw new Error(outcome.message);
			const words = record.data.description ?? '';
			this.#atlas.putCollection(datasetCollection(settings.dataset, events, words, this.#index(record.id)));
			this.#revs.set(record.id, record.rev);
			this.#remember({
				id: record.id,
				title: record.data.title,
				file: settings.dataset.file,
				words,
				saved: true
			});
		} catch (e) {
			this.problem = `The dataset “${record.data.title}” could not be read back: ${failureWords(e)}`;
		} finally {
			this.loading--;
		}
	}

	/**
	 * Resolves once the map has drawn what it was given (or at once without a map): saving a large
	 * dataset copies all its rows on the page's thread, which would hold back the map's first
	 * drawing of it. Never waits more than twenty seconds.
	 */
	#mapDrawn(): Promise<void> {
		const map = this.#atlas.map;
		if (!map) return Promise.resolve();
		return new Promise((done) => {
			const timer = setTimeout(done, 20_000);
			// The next frame first: the new events reach the map's source in this one.
			requestAnimationFrame(() =>
				map.once('idle', () => {
					clearTimeout(timer);
					done();
				})
			);
		});
	}

	#remember(d: OwnDataset): void {
		const at = this.list.findIndex((x) => x.id === d.id);
		this.list = at < 0 ? [...this.list, d] : this.list.with(at, d);
	}

	/**
	 * Draws a finished import at once and keeps it in the workspace. Returns what to tell the user
	 * about saving: nothing when saved, the reason when the browser would not keep it.
	 */
	async add(result: ImportedDataset): Promise<string> {
		const index = this.#index(result.dataset.id);
		this.#atlas.putCollection(datasetCollection(result.dataset, result.events, result.summary.words, index));
		const entry = {
			id: result.dataset.id,
			title: result.dataset.name,
			file: result.dataset.file,
			words: result.summary.words,
			saved: false
		};
		this.#remember({ ...entry, saving: true });
		try {
			await this.#mapDrawn();
			const ws = await ownWorkspace();
			const written = await ws.put('dataset', datasetRecord(result), {
				rows: result.rows,
				origin: { how: 'imported', file: result.dataset.file }
			});
			this.#revs.set(written.id, written.rev);
			this.#remember({ ...entry, saved: true });
			return '';
		} catch (e) {
			this.#remember(entry);
			return `Shown on this page only, not saved in this browser: ${failureWords(e)}`;
		} finally {
			// The rows as read are kept only to be saved: a large file's are a good part of the
			// tab's memory (the events hold what the views need, the workspace the rows).
			result.rows = [];
		}
	}

	/** Takes a dataset off the map and out of the workspace. */
	async remove(id: string): Promise<void> {
		const entry = this.list.find((d) => d.id === id);
		this.problem = '';
		if (entry?.saved) {
			try {
				const ws = await ownWorkspace();
				const record = await ws.get('dataset', id);
				if (record && !record.deleted) {
					const trashed = await ws.remove('dataset', id, { baseRev: record.rev });
					await ws.purge('dataset', id, { baseRev: trashed.rev });
				}
			} catch (e) {
				this.problem = `“${entry.title}” could not be removed: ${failureWords(e)}`;
				return;
			}
		}
		this.#atlas.removeCollection(id);
		this.#revs.delete(id);
		this.list = this.list.filter((d) => d.id !== id);
	}
}
