/**
 * A deck's problems in the words of someone editing it: "Scene 2 “Torkham closes”, citation 1:
 * quote is not verbatim in …" rather than `scenes[1].citations[0]`. The problems come from the
 * deck checks (src/lib/briefing/validate-deck.ts) or the schema; this only names where they are.
 */
import type { Deck } from '../schema/briefing.ts';
import type { DeckProblem } from './validate-deck.ts';

const FIELD_WORDS: Record<string, string> = {
	title: 'title',
	subtitle: 'subtitle',
	summary: 'summary',
	text: 'text',
	notes: 'speaker notes',
	camera: 'camera',
	fit: 'places to fit',
	groups: 'layer groups',
	hidden: 'hidden overlays',
	time: 'time window',
	passage: 'open passage',
	citations: 'citations',
	schemaVersion: 'schema version',
	id: 'id',
	scenes: 'scenes'
};

const LIST_ITEM_WORDS: Record<string, string> = {
	citations: 'citation',
	fit: 'place to fit',
	groups: 'layer group',
	hidden: 'hidden overlay',
	events: 'highlighted event',
	places: 'highlighted place'
};

/** `scenes[1].citations[0].quote` → ["scenes", 1, "citations", 0, "quote"]. */
function fieldPath(field: string): (string | number)[] {
	return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]!));
}

/** Where a field is, in words: `Scene 2 “Kabul falls”, citation 1`, `The deck's title`. */
export function fieldWords(deck: Pick<Deck, 'scenes'> | undefined, field: string | undefined): string {
	if (!field) return 'The deck';
	const path = fieldPath(field);
	const parts: string[] = [];
	let i = 0;
	if (path[0] === 'scenes' && typeof path[1] === 'number') {
		const scene = deck?.scenes[path[1]];
		parts.push(`Scene ${path[1] + 1}${scene?.title ? ` “${scene.title}”` : ''}`);
		i = 2;
	} else parts.push('The deck');
	for (; i < path.length; i++) {
		const key = path[i]!;
		const next = path[i + 1];
		if (typeof key === 'number') continue;
		if (typeof next === 'number' && LIST_ITEM_WORDS[key]) {
			parts.push(`${LIST_ITEM_WORDS[key]} ${next + 1}`);
			i++;
		} else if (FIELD_WORDS[key]) parts.push(FIELD_WORDS[key]);
		else if (key !== 'highlight') parts.push(key);
	}
	const [head, ...rest] = parts;
	// "The deck, title" reads better as "The deck's title".
	if (head === 'The deck' && rest.length) return `The deck's ${rest.join(', ')}`;
	return [head, ...rest].join(', ');
}

/** Zod's wording made plain for the few messages an editor meets. */
export function plainMessage(message: string): string {
	if (/^Too small: expected string to have >=1 characters?$/.test(message)) return 'is empty';
	if (/^Too small: expected array to have >=1 items?$/.test(message)) return 'needs at least one';
	return message;
}

/** One problem in words: where, then what. */
export function problemWords(deck: Pick<Deck, 'scenes'> | undefined, p: DeckProblem): string {
	return `${fieldWords(deck, p.field)}: ${plainMessage(p.message)}`;
}
