/**
 * The checks of a briefing deck, pure and browser-safe: one implementation for the build (the
 * geodata validator, src/lib/server/data/briefings.ts, which reads geodata/) and for a deck file a
 * user imports in the browser. Beyond the schema (src/lib/schema/briefing.ts) it checks that
 * scene ids are unique, every group, event and place resolves, the camera is in the mapped
 * region, the time window is real and ordered, every quote is verbatim in its paragraph, and
 * every highlighted event is visible in its scene. A problem names the record (the deck, or
 * `<deck>#<scene>`), the field and what is wrong; the caller adds the file.
 */
import { Deck } from '../schema/briefing.ts';
import type { Event } from '../schema/model.ts';
import { pathToField } from '../schema/field-path.ts';
import { citationProblem, type ParagraphLookup } from '../corpus/citations.ts';
import { REGION_BBOX } from '../geo/region.ts';
import { firstDay, formatDateSpan, isRealDate, lastDay, overlaps } from '../time/dates.ts';

/** A problem of a deck: the record (`deck` or `deck#scene`), the field, what is wrong. */
export interface DeckProblem {
	id?: string;
	field?: string;
	message: string;
}

/** What a deck is checked against: the atlas's layer groups, places and events, and the source texts. */
export interface DeckReferences {
	groups: readonly { id: string }[];
	places: readonly { id: string }[];
	events: readonly Pick<Event, 'id' | 'group' | 'date'>[];
	/** The paragraphs of a cited source (synchronous: see `citedParagraphs` for a fetch). */
	paragraphs: ParagraphLookup;
}

/** The most sentences a scene's text may have. */
export const MAX_SCENE_SENTENCES = 4;

/**
 * Counts sentences: a sentence ends at . ! ? or … (with any closing quote or bracket) followed by
 * a space and a capital, a digit or an opening quote, or at the end of the text. Write "US", not
 * "U.S.", in scene texts.
 */
export function countSentences(text: string): number {
	const t = text.trim();
	if (!t) return 0;
	return t.split(/(?<=[.!?…]["”’)]*)\s+(?=["“‘(]?[A-Z0-9])/u).length;
}

function duplicates(ids: readonly string[]): string[] {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const id of ids) (seen.has(id) ? dup : seen).add(id);
	return [...dup];
}

/** Parses a deck against the schema; every schema issue is a problem of the deck record. */
export function parseDeck(value: unknown): { deck?: Deck; problems: DeckProblem[] } {
	const result = Deck.safeParse(value);
	if (result.success) return { deck: result.data, problems: [] };
	const id = (value as { id?: unknown } | null)?.id;
	return {
		problems: result.error.issues.map((issue) => ({
			id: typeof id === 'string' ? id : undefined,
			field: pathToField(issue.path) || undefined,
			message: issue.message
		}))
	};
}

/**
 * Fetches the paragraphs of every source the deck cites, once each, so that `checkDeck` can run
 * synchronously on them. `fetchParagraphs` returns undefined (or rejects) for an unknown source.
 */
export async function citedParagraphs(
	deck: Deck,
	fetchParagraphs: (source: string) => Promise<readonly { text: string }[] | undefined>
): Promise<ParagraphLookup> {
	const ids = [...new Set(deck.scenes.flatMap((s) => s.citations.map((c) => c.source)))];
	const found = await Promise.all(ids.map((id) => fetchParagraphs(id).catch(() => undefined)));
	const byId = new Map(ids.map((id, i) => [id, found[i]]));
	return (id) => byId.get(id);
}

/** Everything a schema cannot check about a parsed deck. */
export function checkDeck(deck: Deck, refs: DeckReferences): DeckProblem[] {
	const problems: DeckProblem[] = [];
	const groupIds = new Set(refs.groups.map((g) => g.id));
	const placeIds = new Set(refs.places.map((p) => p.id));
	const eventById = new Map(refs.events.map((e) => [e.id, e]));

	const seen = new Set<string>();
	deck.scenes.forEach((scene, i) => {
		const at = `scenes[${i}]`;
		const id = `${deck.id}#${scene.id}`;
		const push = (field: string, message: string) => problems.push({ id, field, message });

		if (seen.has(scene.id)) push(`${at}.id`, `scene id "${scene.id}" is used more than once in the deck`);
		seen.add(scene.id);

		const sentences = countSentences(scene.text);
		if (sentences > MAX_SCENE_SENTENCES)
			push(`${at}.text`, `must be 1–${MAX_SCENE_SENTENCES} sentences (it has ${sentences})`);

		// Where the camera goes.
		if (!scene.camera && !scene.fit) push(at, 'a scene needs a camera or a fit (or both)');
		if (scene.camera) {
			const [lng, lat] = scene.camera.center;
			if (lng < REGION_BBOX[0] || lng > REGION_BBOX[2] || lat < REGION_BBOX[1] || lat > REGION_BBOX[3])
				push(
					`${at}.camera.center`,
					`[${lng}, ${lat}] is outside the mapped region ${JSON.stringify(REGION_BBOX)}`
				);
		}
		scene.fit?.forEach((place, j) => {
			if (!placeIds.has(place)) push(`${at}.fit[${j}]`, `unknown place "${place}"`);
		});

		// What is shown.
		scene.groups.forEach((group, j) => {
			if (!groupIds.has(group)) push(`${at}.groups[${j}]`, `unknown layer group "${group}"`);
		});
		for (const group of duplicates(scene.groups))
			push(`${at}.groups`, `layer group "${group}" is listed twice`);

		let window: { from: string; to: string } | undefined;
		if (scene.time) {
			const { from, to } = scene.time;
			if (!isRealDate(from)) push(`${at}.time.from`, `${from} is not a real date`);
			if (!isRealDate(to)) push(`${at}.time.to`, `${to} is not a real date`);
			if (isRealDate(from) && isRealDate(to)) {
				if (lastDay(to) < firstDay(from))
					push(`${at}.time.to`, `the window ends (${to}) before it starts (${from})`);
				else window = { from: firstDay(from), to: lastDay(to) };
			}
		}

		// What is highlighted: it exists, and the scene shows it.
		scene.highlight.events.forEach((eventId, j) => {
			const field = `${at}.highlight.events[${j}]`;
			const event = eventById.get(eventId);
			if (!event) return push(field, `unknown event "${eventId}"`);
			if (!scene.groups.includes(event.group))
				push(
					field,
					`event "${eventId}" is highlighted but hidden by the scene's groups (its group "${event.group}" is not shown)`
				);
			if (window && !overlaps(event.date, window.from, window.to))
				push(
					field,
					`event "${eventId}" is highlighted but hidden by the scene's time window (it is dated ${formatDateSpan(event.date)}, the window is ${window.from} to ${window.to})`
				);
		});
		for (const eventId of duplicates(scene.highlight.events))
			push(`${at}.highlight.events`, `event "${eventId}" is listed twice`);
		scene.highlight.places.forEach((place, j) => {
			if (!placeIds.has(place)) push(`${at}.highlight.places[${j}]`, `unknown place "${place}"`);
		});
		for (const place of duplicates(scene.highlight.places))
			push(`${at}.highlight.places`, `place "${place}" is listed twice`);

		// What it rests on.
		scene.citations.forEach((c, j) => {
			const message = citationProblem(c, refs.paragraphs);
			if (message) push(`${at}.citations[${j}]`, message);
		});
	});
	return problems;
}
