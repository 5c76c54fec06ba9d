// The atlas page's build-time data: the validated layer groups (prerendered into the page).
import { loadGeodata } from '$lib/server/data/load';

export function load() {
	const { groups, events, places, sources } = loadGeodata();
	return {
		groups: [...groups].sort((a, b) => a.order - b.order),
		counts: { events: events.length, places: places.length, sources: sources.length }
	};
}
