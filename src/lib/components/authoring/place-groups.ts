/**
 * The place finder's hits in a new source, grouped for the user to accept or reject: one row
 * per place (however often the text names it), an atlas place or a gazetteer proposal, with the
 * spellings used, how many times, and the first sentence that names it.
 */
import type { Place } from '$lib/schema/model';
import type { Paragraph } from '$lib/corpus/paragraphs';
import type { PlaceHit } from '$lib/corpus/place-finder';
import { foldName } from '$lib/corpus/name-matching';
import { gazetteerPlaceType, sentenceAround } from '$lib/authoring/place-proposals';

export interface PlaceGroup {
	key: string;
	kind: 'atlas' | 'gazetteer';
	/** The place's name, and what kind of place it is. */
	label: string;
	/** Where the place comes from, in words. */
	detail: string;
	/** The spellings the text uses. */
	said: string[];
	hits: PlaceHit[];
	/** The first sentence naming it. */
	sentence: string;
}

export function groupPlaceHits(
	hits: readonly PlaceHit[],
	paragraphs: readonly Paragraph[],
	places: readonly Place[]
): PlaceGroup[] {
	const byKey = new Map<string, PlaceGroup>();
	const placeById = new Map(places.map((p) => [p.id, p]));
	for (const hit of hits) {
		const key = hit.kind === 'atlas' ? `atlas:${hit.place}` : `gazetteer:${hit.entry.key}`;
		let group = byKey.get(key);
		if (!group) {
			const text = paragraphs.find((p) => p.id === hit.paragraph)?.text ?? '';
			const range = sentenceAround(text, hit.start, hit.end);
			const sentence = text.slice(range.start, range.end);
			if (hit.kind === 'atlas') {
				const place = placeById.get(hit.place);
				group = {
					key,
					kind: 'atlas',
					label: place ? `${place.name} (${place.type.replace(/-/g, ' ')})` : hit.place,
					detail: 'In the atlas: this source is added to its passages.',
					said: [],
					hits: [],
					sentence
				};
			} else {
				const e = hit.entry;
				const others = hit.alternatives.length;
				group = {
					key,
					kind: 'gazetteer',
					label: `${e.asciiName === foldName(e.name) ? e.asciiName : e.name} (${gazetteerPlaceType(e)}, ${e.province ?? e.country})`,
					detail: `New place from the outside gazetteer: ${e.provenance}.${others ? ` ${others} other place${others === 1 ? '' : 's'} of this name.` : ''}`,
					said: [],
					hits: [],
					sentence
				};
			}
			byKey.set(key, group);
		}
		if (!group.said.includes(hit.text)) group.said.push(hit.text);
		group.hits.push(hit);
	}
	return [...byKey.values()];
}
