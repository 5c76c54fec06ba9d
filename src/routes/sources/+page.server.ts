// The list of sources, built from the validated geodata: their metadata and how much text each holds.
import { loadGeodata } from '$lib/server/data/load';
import { summariseSource } from '$lib/corpus/reader';

export function load() {
	const { sources } = loadGeodata();
	return {
		sources: [...sources]
			// Oldest first: the order in which the story was told.
			.sort(
				(a, b) => a.meta.date.start.localeCompare(b.meta.date.start) || a.meta.id.localeCompare(b.meta.id)
			)
			.map((source) => ({
				...summariseSource(source.meta),
				paragraphCount: source.paragraphs.length,
				debrisCount: source.meta.debris.length
			}))
	};
}
