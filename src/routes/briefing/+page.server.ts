import { loadGeodata } from '$lib/server/data/load';

export function load() {
	const { briefings, groups } = loadGeodata();
	return {
		decks: briefings.map((d) => ({
			id: d.id,
			title: d.title,
			subtitle: d.subtitle ?? null,
			summary: d.summary,
			scenes: d.scenes.length,
			firstScene: d.scenes[0]!.id
		})),
		// What an imported deck file is checked against, with the places and events fetched then.
		groups: groups.map((g) => ({ id: g.id }))
	};
}
