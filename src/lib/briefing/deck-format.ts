/**
 * A deck as a file of geodata/briefings/: its keys in the order the schema documents them, laid
 * out as the project's Prettier settings lay out JSON (tabs, print width 110), so that an exported
 * deck can be committed as it is and `npm run lint` finds nothing to change. The layout rules are
 * Prettier's for JSON: an object or array stays on one line when it fits (with what follows it on
 * that line), else it breaks one member per line; an array of several objects that each have more
 * than one key always breaks. A unit test checks the output against Prettier itself.
 */
import type { Deck, Scene } from '../schema/briefing.ts';

const PRINT_WIDTH = 110;
/** Prettier counts a tab as this many columns when measuring a line. */
const TAB_WIDTH = 2;

const DECK_KEYS = ['schemaVersion', 'id', 'title', 'subtitle', 'summary', 'scenes'] as const;
const SCENE_KEYS = [
	'id',
	'title',
	'text',
	'camera',
	'fit',
	'groups',
	'hidden',
	'time',
	'highlight',
	'passage',
	'citations',
	'notes'
] as const;

/** The same object with its keys in `order` first (any others after, as they were). */
function ordered<T extends object>(value: T, order: readonly string[]): T {
	const entries = Object.entries(value).filter(([, v]) => v !== undefined);
	const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
	return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b))) as T;
}

/** The deck with its own and its scenes' keys in the documented order. */
export function canonicalDeck(deck: Deck): Deck {
	return ordered({ ...deck, scenes: deck.scenes.map((s) => ordered<Scene>(s, SCENE_KEYS)) }, DECK_KEYS);
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The value on one line, as Prettier prints it flat: `{ "a": 1 }`, `[1, 2]`. */
function flat(value: Json): string {
	if (Array.isArray(value)) return value.length ? `[${value.map(flat).join(', ')}]` : '[]';
	if (value && typeof value === 'object') {
		const entries = Object.entries(value);
		return entries.length
			? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }`
			: '{}';
	}
	return JSON.stringify(value);
}

const isObject = (v: Json): v is { [key: string]: Json } => !!v && typeof v === 'object' && !Array.isArray(v);

/** Prettier's rule: an array of two or more objects with more than one key each always breaks. */
function mustBreak(value: Json[]): boolean {
	return value.length > 1 && value.every((v) => isObject(v) && Object.keys(v).length > 1);
}

/**
 * The value laid out at `depth` tabs, where `before` columns of its line are already used (its
 * key) and `after` columns follow it (a comma).
 */
function layout(value: Json, depth: number, before: number, after: number): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	const one = flat(value);
	const breaks = Array.isArray(value) && mustBreak(value);
	if (!breaks && depth * TAB_WIDTH + before + one.length + after <= PRINT_WIDTH) return one;
	const inner = '\t'.repeat(depth + 1);
	const lines = Array.isArray(value)
		? value.map((v, i) => inner + layout(v, depth + 1, 0, i < value.length - 1 ? 1 : 0))
		: Object.entries(value).map(([k, v], i, all) => {
				const key = `${JSON.stringify(k)}: `;
				return inner + key + layout(v, depth + 1, key.length, i < all.length - 1 ? 1 : 0);
			});
	if (!lines.length) return one;
	const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
	return `${open}\n${lines.join(',\n')}\n${'\t'.repeat(depth)}${close}`;
}

/** The deck file's text: canonical key order, Prettier's layout, a final newline. */
export function formatDeckFile(deck: Deck): string {
	const value = canonicalDeck(deck) as unknown as Json;
	// The top level always breaks: a deck never fits on one line, and Prettier keeps it open.
	return layout(value, 0, 0, PRINT_WIDTH) + '\n';
}

/** The file name a deck is kept under in geodata/briefings/. */
export const deckFileName = (deck: Pick<Deck, 'id'>) => `${deck.id}.json`;
