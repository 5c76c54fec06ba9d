/**
 * The atlas as a user with their own records sees it, for the pages that add and read their own
 * sources: the atlas's records (./atlas-records.ts) with the user's (the workspace's) laid over
 * them. A user's copy of a shipped place or event stands in place of the shipped record; their
 * new ones come after. From that: the texts already known (to refuse one brought twice), the ids
 * already taken, where each source's paragraphs are (to check quotes), and what the export and
 * the import of "my evidence" check against.
 */
import type { Event, Place } from '../schema/model.ts';
import { splitParagraphs, type Paragraph } from '../corpus/paragraphs.ts';
import type { ParagraphLookup } from '../corpus/citations.ts';
import type { WorkspaceRecord } from '../workspace/records.ts';
import type { AtlasRecordsFile } from './atlas-records.ts';
import type { AtlasEvidence } from './evidence-bundle.ts';
import type { EventFormContext } from './event-draft.ts';
import type { ImportAtlas } from './evidence-import.ts';
import { textFingerprint, type KnownText } from './text-fingerprint.ts';

/** The user's live records of the three kinds. */
export interface OwnRecords {
	sources: readonly WorkspaceRecord<'source'>[];
	places: readonly WorkspaceRecord<'place'>[];
	events: readonly WorkspaceRecord<'event'>[];
}

/** The shipped records with the user's copies in their places, then the user's new records. */
export function overlay<R extends { id: string }>(shipped: readonly R[], own: readonly R[]): R[] {
	const ownById = new Map(own.map((r) => [r.id, r]));
	const shippedIds = new Set(shipped.map((r) => r.id));
	return [...shipped.map((r) => ownById.get(r.id) ?? r), ...own.filter((r) => !shippedIds.has(r.id))];
}

export const placesAsSeen = (atlas: AtlasRecordsFile, own: OwnRecords): Place[] =>
	overlay(
		atlas.places,
		own.places.map((r) => r.data)
	);

export const eventsAsSeen = (atlas: AtlasRecordsFile, own: OwnRecords): Event[] =>
	overlay(
		atlas.events,
		own.events.map((r) => r.data)
	);

/** Every text the atlas has, bundled and the user's, by fingerprint. */
export function knownTexts(atlas: AtlasRecordsFile, own: OwnRecords): KnownText[] {
	return [
		...atlas.sources.map((s) => ({ id: s.id, title: s.title, fingerprint: s.fingerprint, bundled: true })),
		...own.sources.map((r) => ({
			id: r.id,
			title: r.data.title,
			fingerprint: textFingerprint(r.data.text),
			bundled: false
		}))
	];
}

export const sourceIdsTaken = (atlas: AtlasRecordsFile, own: OwnRecords): Set<string> =>
	new Set([...atlas.sources.map((s) => s.id), ...own.sources.map((r) => r.id)]);

/** Where the paragraphs of every source are: the user's own (split as the corpus splits) and the atlas's. */
export function paragraphLookup(
	atlas: AtlasRecordsFile,
	own: OwnRecords
): (id: string) => Paragraph[] | undefined {
	const cache = new Map<string, Paragraph[]>();
	const shipped = new Map(atlas.sources.map((s) => [s.id, s]));
	const mine = new Map(own.sources.map((r) => [r.id, r.data.text]));
	return (id) => {
		let paragraphs = cache.get(id);
		if (!paragraphs) {
			const text = mine.get(id);
			if (text !== undefined) paragraphs = splitParagraphs(text);
			else paragraphs = shipped.get(id)?.paragraphs.map((t, i) => ({ id: `p${i + 1}`, text: t }));
			if (paragraphs) cache.set(id, paragraphs);
		}
		return paragraphs;
	};
}

/** What the event form checks a user's event against. */
export function eventFormContext(
	atlas: AtlasRecordsFile,
	own: OwnRecords,
	editing?: string
): EventFormContext {
	return {
		takenIds: new Set([...atlas.events.map((e) => e.id), ...own.events.map((r) => r.id)]),
		...(editing ? { editing } : {}),
		paragraphsOf: paragraphLookup(atlas, own),
		placeIds: new Set(placesAsSeen(atlas, own).map((p) => p.id)),
		groupIds: new Set(atlas.groups.map((g) => g.id))
	};
}

const shippedParagraphs = (atlas: AtlasRecordsFile): ParagraphLookup => {
	const byId = new Map(atlas.sources.map((s) => [s.id, s.paragraphs.map((text) => ({ text }))]));
	return (id) => byId.get(id);
};

/** The atlas as an export of the user's evidence merges into it. */
export const atlasEvidence = (atlas: AtlasRecordsFile): AtlasEvidence => ({
	places: atlas.places,
	events: atlas.events,
	groups: atlas.groups,
	paragraphsOf: shippedParagraphs(atlas)
});

/** The atlas as an import of someone's evidence is checked against. */
export const importAtlas = (atlas: AtlasRecordsFile): ImportAtlas => ({
	places: atlas.places,
	events: atlas.events,
	groups: atlas.groups,
	sources: atlas.sources.map((s) => ({ id: s.id, title: s.title, fingerprint: s.fingerprint })),
	paragraphsOf: shippedParagraphs(atlas)
});
