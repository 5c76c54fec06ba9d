// Publishes, at /data/atlas-records.json (prerendered to a file), what the pages of a user's own
// sources check their work against: the atlas's places and events exactly as geodata/ has them
// (an export merges the user's records into these, so they must be the committed records, key
// order and all), the layer groups, and each bundled source's paragraphs and text fingerprint (to
// recognise a text brought twice, and to check quotes of it). Fetched only by those pages.
import places from '../../../../geodata/places.json?raw';
import events from '../../../../geodata/events.json?raw';
import groups from '../../../../geodata/groups.json?raw';
import { loadGeodata } from '$lib/server/data/load';
import { textFingerprint } from '$lib/authoring/text-fingerprint';
import type { AtlasRecordsFile } from '$lib/authoring/atlas-records';

export const prerender = true;

export function GET(): Response {
	const file: AtlasRecordsFile = {
		places: JSON.parse(places).places,
		events: JSON.parse(events).events,
		groups: (JSON.parse(groups).groups as { id: string; label: string }[]).map(({ id, label }) => ({
			id,
			label
		})),
		sources: loadGeodata().sources.map((s) => ({
			id: s.meta.id,
			title: s.meta.title,
			fingerprint: textFingerprint(s.text),
			paragraphs: s.paragraphs.map((p) => p.text)
		}))
	};
	return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
}
