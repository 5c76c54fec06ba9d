/**
 * The editing state of one deck of the workspace: the deck as edited, the revision it is based
 * on, and whether it is saved. Changes save as you type: each edit restarts a short timer, and
 * the deck is then written with the revision it was based on, so a write never overwrites a
 * change made in another tab meanwhile; that is a conflict, shown as one, with the choice to
 * reload the other version or keep this one as a copy. Changes from other tabs arrive through
 * `subscribe()`: with nothing unsaved here, the editor reloads to stay in step.
 *
 * The save state in words is `words`, for a live region: "Saved", "Saving…", "Not saved: …".
 */
import type { Deck as DeckData } from '../schema/briefing.ts';
import { parseDeck } from '../briefing/validate-deck.ts';
import { problemWords } from '../briefing/deck-problems.ts';
import type { Workspace } from './workspace.ts';
import type { WorkspaceRecord } from './records.ts';
import type { Origin } from './origin.ts';

export type SaveState =
	'loading' | 'missing' | 'saved' | 'pending' | 'saving' | 'invalid' | 'failed' | 'conflict';

/** What the editor needs of a workspace (a real one, or a test's). */
export type DeckStore = Pick<Workspace, 'get' | 'put' | 'subscribe' | 'list'>;

export interface DeckEditorOptions {
	/** How long typing must pause before the deck is saved (ms). */
	delay?: number;
}

const codeOf = (e: unknown) => (e as { code?: unknown } | null)?.code;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class DeckEditor {
	readonly id: string;
	/** The deck as edited (null until loaded, or when there is no such deck). */
	deck = $state.raw<DeckData | null>(null);
	/** The revision of the last version read or saved. */
	rev = $state<string | null>(null);
	/** When that version was saved (ISO). */
	changed = $state<string | null>(null);
	origin = $state.raw<Origin | null>(null);
	state = $state<SaveState>('loading');
	/** Why it is not saved, in words. */
	problem = $state('');
	/** Set when another tab's version replaced this one (nothing was unsaved here). */
	updatedElsewhere = $state(false);

	readonly #store: DeckStore;
	readonly #delay: number;
	#timer: ReturnType<typeof setTimeout> | undefined;
	/** Edits not yet written. */
	#dirty = false;
	#saving: Promise<void> | null = null;
	#unsubscribe: () => void;

	constructor(store: DeckStore, id: string, { delay = 500 }: DeckEditorOptions = {}) {
		this.#store = store;
		this.id = id;
		this.#delay = delay;
		this.#unsubscribe = store.subscribe((event) => {
			if (event.type === 'closed') {
				this.state = 'failed';
				this.problem = event.message;
				return;
			}
			const mine = event.changes.find((c) => c.kind === 'deck' && c.id === this.id);
			if (!mine || mine.rev === this.rev || event.fromThisTab) return;
			if (this.#dirty || this.#saving) this.#conflict(mine.deleted);
			else if (mine.deleted) this.#conflict(true);
			else void this.load({ elsewhere: true });
		});
	}

	/** The save state in words, for the page's live region. */
	get words(): string {
		switch (this.state) {
			case 'loading':
				return 'Opening the deck…';
			case 'missing':
				return 'Not found';
			case 'saved':
				return 'Saved';
			case 'pending':
			case 'saving':
				return 'Saving…';
			default:
				return `Not saved: ${this.problem}`;
		}
	}

	/** Reads the deck from the workspace, dropping any unsaved edit. */
	async load({ elsewhere = false }: { elsewhere?: boolean } = {}): Promise<boolean> {
		clearTimeout(this.#timer);
		this.#dirty = false;
		let record: WorkspaceRecord<'deck'> | undefined;
		try {
			record = await this.#store.get('deck', this.id);
		} catch (e) {
			this.state = 'failed';
			this.problem = messageOf(e);
			return false;
		}
		if (!record || record.deleted) {
			this.deck = null;
			this.state = 'missing';
			this.problem = record?.deleted ? 'this deck is in the trash' : 'there is no such deck in this browser';
			return false;
		}
		this.#adopt(record);
		this.state = 'saved';
		this.problem = '';
		this.updatedElsewhere = elsewhere;
		return true;
	}

	/** Takes an edited deck: shown at once, saved once typing pauses. */
	edit(next: DeckData): void {
		if (this.state === 'conflict' || this.state === 'missing' || this.state === 'loading') return;
		this.deck = next;
		this.#dirty = true;
		this.updatedElsewhere = false;
		this.state = 'pending';
		clearTimeout(this.#timer);
		this.#timer = setTimeout(() => void this.flush(), this.#delay);
	}

	/** Saves now whatever is unsaved (and waits for a save under way). */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		while (this.#saving) await this.#saving;
		if (!this.#dirty || !this.deck || this.state === 'conflict') return;
		this.#saving = this.#write(this.deck);
		try {
			await this.#saving;
		} finally {
			this.#saving = null;
		}
	}

	/** Saves this version as a new deck (after a conflict, so nothing typed here is lost); its id. */
	async saveAsCopy(): Promise<string | null> {
		if (!this.deck) return null;
		const [live, trash] = await Promise.all([
			this.#store.list('deck'),
			this.#store.list('deck', { trash: true })
		]);
		const taken = [...live, ...trash].map((r) => r.id);
		let id = `${this.id}-mine`;
		for (let n = 2; taken.includes(id); n++) id = `${this.id}-mine-${n}`;
		const saved = await this.#store.put('deck', {
			...this.deck,
			id,
			title: `${this.deck.title} (my version)`
		});
		return saved.id;
	}

	dispose(): void {
		clearTimeout(this.#timer);
		this.#unsubscribe();
	}

	async #write(deck: DeckData): Promise<void> {
		const checked = parseDeck(deck);
		if (!checked.deck) {
			this.state = 'invalid';
			this.problem = checked.problems.map((p) => problemWords(deck, p)).join('; ');
			return;
		}
		this.#dirty = false;
		this.state = 'saving';
		try {
			const record = await this.#store.put('deck', deck, { baseRev: this.rev });
			this.rev = record.rev;
			this.changed = record.changed;
			// A newer edit arrived while this one was being written: it is still to save.
			if (this.#dirty) {
				this.state = 'pending';
				clearTimeout(this.#timer);
				this.#timer = setTimeout(() => void this.flush(), this.#delay);
			} else this.state = 'saved';
		} catch (e) {
			this.#dirty = true;
			if (codeOf(e) === 'conflict' || codeOf(e) === 'not-found') this.#conflict(codeOf(e) === 'not-found');
			else {
				this.state = 'failed';
				this.problem = messageOf(e);
			}
		}
	}

	#adopt(record: WorkspaceRecord<'deck'>): void {
		this.deck = record.data;
		this.rev = record.rev;
		this.changed = record.changed;
		this.origin = record.origin;
	}

	#conflict(deleted: boolean): void {
		clearTimeout(this.#timer);
		this.state = 'conflict';
		this.problem = deleted
			? 'this deck was deleted in another tab or window. Keep your version as a copy, or leave it.'
			: 'this deck was changed in another tab or window since you opened it. Reload to see that version (your changes here since then are dropped), or keep your version as a copy.';
	}
}
