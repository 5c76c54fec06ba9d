import { loadGeodata } from '$lib/server/data/load';

export function load() {
	return {
		decks: loadGeodata().briefings.map((d) => ({
			id: d.id,
			title: d.title,
			subtitle: d.subtitle ?? null,
			summary: d.summary,
			scenes: d.scenes.length
		}))
	};
}
