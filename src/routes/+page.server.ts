// The atlas page's build-time data: the validated layer groups, and the ids a shared link may name
// (so that a link's parameters are checked before the data files have even arrived).
import { loadGeodata } from '$lib/server/data/load';

export function load() {
	const { groups, events, places, sources, briefings } = loadGeodata();
	return {
		groups: [...groups].sort((a, b) => a.order - b.order),
		known: {
			groups: [...groups].sort((a, b) => a.order - b.order).map((g) => g.id),
			events: events.map((e) => e.id),
			places: places.map((p) => p.id),
			sources: Object.fromEntries(sources.map((s) => [s.meta.id, s.paragraphs.length]))
		},
		decks: briefings.map((d) => ({ id: d.id, title: d.title })),
		sources: sources.map(({ meta }) => ({
			id: meta.id,
			title: meta.title,
			publisher: meta.publisher,
			kind: meta.kind
		})),
		counts: { events: events.length, places: places.length, sources: sources.length }
	};
}
