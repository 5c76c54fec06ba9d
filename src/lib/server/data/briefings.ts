/**
 * The briefing validator: parses every `briefings/<deck-id>.json` against the deck schema
 * (src/lib/schema/briefing.ts), then checks it against the rest of geodata/: the deck id matches
 * its file, ids are unique, every group, event and place resolves, the camera is in the mapped
 * region, the time window is real and ordered, every quote is verbatim, and every highlighted
 * event is visible in its scene (its group shown, its date inside the window). A problem names
 * the file, the record (the deck, or `<deck>#<scene>`), the field and what is wrong.
 */
import { Deck } from '../../schema/briefing.ts';
import type { Event, LayerGroup, Place } from '../../schema/model.ts';
import { REGION_BBOX } from '../../geo/region.ts';
import { firstDay, formatDateSpan, isRealDate, lastDay, overlaps } from '../../time/dates.ts';
import { citationProblem, type QuotableSource } from './citations.ts';
import { GEODATA_FILES, type GeodataFiles } from './read.ts';
import { pathToField, type Problem } from './problems.ts';

/** What decks are checked against: the validated records of the rest of geodata/. */
export interface BriefingContext {
	places: readonly Place[];
	events: readonly Event[];
	groups: readonly LayerGroup[];
	/** Sources with their paragraphs (the validator's `SourceRecord`s). */
	sources: readonly (QuotableSource & { meta: { id: string } })[];
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

function duplicates(ids: string[]): string[] {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const id of ids) (seen.has(id) ? dup : seen).add(id);
	return [...dup];
}

export function validateBriefings(
	files: GeodataFiles,
	data: BriefingContext
): { decks: Deck[]; problems: Problem[] } {
	const problems: Problem[] = [];
	const decks: Deck[] = [];
	const dir = `${GEODATA_FILES.briefingsDir}/`;

	for (const file of [...files.keys()].filter((f) => f.startsWith(dir) && f.endsWith('.json')).sort()) {
		let value: unknown;
		try {
			value = JSON.parse(files.get(file)!);
		} catch (e) {
			problems.push({ file, message: `not valid JSON: ${(e as Error).message}` });
			continue;
		}
		const result = Deck.safeParse(value);
		if (!result.success) {
			const id = (value as { id?: unknown } | null)?.id;
			for (const issue of result.error.issues) {
				problems.push({
					file,
					id: typeof id === 'string' ? id : undefined,
					field: pathToField(issue.path) || undefined,
					message: issue.message
				});
			}
			continue;
		}
		const deck = result.data;
		const expected = `${dir}${deck.id}.json`;
		if (file !== expected)
			problems.push({ file, id: deck.id, field: 'id', message: `must match the file name (${expected})` });
		problems.push(...checkDeck(file, deck, data));
		decks.push(deck);
	}
	for (const id of duplicates(decks.map((d) => d.id)))
		problems.push({ file: GEODATA_FILES.briefingsDir, id, message: 'deck id used by more than one file' });

	return { decks, problems };
}

function checkDeck(file: string, deck: Deck, data: BriefingContext): Problem[] {
	const problems: Problem[] = [];
	const groupIds = new Set(data.groups.map((g) => g.id));
	const placeIds = new Set(data.places.map((p) => p.id));
	const eventById = new Map(data.events.map((e) => [e.id, e]));
	const sourceById = new Map(data.sources.map((s) => [s.meta.id, s]));

	const seen = new Set<string>();
	deck.scenes.forEach((scene, i) => {
		const at = `scenes[${i}]`;
		const where = { file, id: `${deck.id}#${scene.id}` };
		const push = (field: string, message: string) => problems.push({ ...where, field, message });

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
		scene.fit?.forEach((id, j) => {
			if (!placeIds.has(id)) push(`${at}.fit[${j}]`, `unknown place "${id}"`);
		});

		// What is shown.
		scene.groups.forEach((id, j) => {
			if (!groupIds.has(id)) push(`${at}.groups[${j}]`, `unknown layer group "${id}"`);
		});
		for (const id of duplicates(scene.groups)) push(`${at}.groups`, `layer group "${id}" is listed twice`);

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
		scene.highlight.events.forEach((id, j) => {
			const field = `${at}.highlight.events[${j}]`;
			const event = eventById.get(id);
			if (!event) return push(field, `unknown event "${id}"`);
			if (!scene.groups.includes(event.group))
				push(
					field,
					`event "${id}" is highlighted but hidden by the scene's groups (its group "${event.group}" is not shown)`
				);
			if (window && !overlaps(event.date, window.from, window.to))
				push(
					field,
					`event "${id}" is highlighted but hidden by the scene's time window (it is dated ${formatDateSpan(event.date)}, the window is ${window.from} to ${window.to})`
				);
		});
		for (const id of duplicates(scene.highlight.events))
			push(`${at}.highlight.events`, `event "${id}" is listed twice`);
		scene.highlight.places.forEach((id, j) => {
			if (!placeIds.has(id)) push(`${at}.highlight.places[${j}]`, `unknown place "${id}"`);
		});
		for (const id of duplicates(scene.highlight.places))
			push(`${at}.highlight.places`, `place "${id}" is listed twice`);

		// What it rests on.
		scene.citations.forEach((c, j) => {
			const message = citationProblem(c, sourceById);
			if (message) push(`${at}.citations[${j}]`, message);
		});
	});
	return problems;
}
