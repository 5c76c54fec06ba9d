// One source's full text for the reader, prepared at build time: each paragraph with its debris
// mark and the place names found in it (linked to the map), plus the names of those places.
import { error } from '@sveltejs/kit';
import { loadGeodata } from '$lib/server/data/load';
import { findPlaceMentions } from '$lib/server/data/mentions';
import { summariseSource, type ReaderParagraph } from '$lib/corpus/reader';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => loadGeodata().sources.map((s) => ({ id: s.meta.id }));

export function load({ params }) {
	const { sources, places } = loadGeodata();
	const source = sources.find((s) => s.meta.id === params.id);
	if (!source) error(404, `No source "${params.id}"`);

	const mentions = findPlaceMentions(source, places);
	const debrisByParagraph = new Map(source.meta.debris.map((d) => [d.paragraph, d]));
	const paragraphs: ReaderParagraph[] = source.paragraphs.map((p, i) => {
		const debris = debrisByParagraph.get(p.id);
		return {
			id: p.id,
			number: i + 1,
			text: p.text,
			debris: debris ? { kind: debris.kind, of: debris.of, note: debris.note } : null,
			mentions: mentions[p.id] ?? []
		};
	});

	// Only the places this text names, labelled with their type: "Kabul" is a city and a province.
	const mentioned = new Set(Object.values(mentions).flatMap((list) => list.map((m) => m.place)));
	const placeLabels: Record<string, string> = {};
	for (const place of places) {
		if (mentioned.has(place.id)) placeLabels[place.id] = `${place.name} (${place.type.replaceAll('-', ' ')})`;
	}

	return { source: summariseSource(source.meta), paragraphs, placeLabels };
}
