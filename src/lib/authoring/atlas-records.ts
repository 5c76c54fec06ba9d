/**
 * The atlas's records as the pages of a user's own sources need them in the browser, fetched
 * from the site itself (never from elsewhere) and only by those pages: /data/atlas-records.json
 * (places and events as geodata/ has them, the layer groups, the bundled sources' paragraphs and
 * fingerprints) and the outside gazetteer, /data/gazetteer.json. Each is fetched once per page;
 * a failed fetch is not kept, so a retry can work.
 */
import { asset } from '$app/paths';
import type { Event, Place } from '../schema/model.ts';
import { decodeGazetteer, GazetteerFile, type GazetteerEntry } from '../schema/gazetteer.ts';

export interface AtlasRecordsFile {
	places: Place[];
	events: Event[];
	groups: { id: string; label: string }[];
	sources: { id: string; title: string; fingerprint: string; paragraphs: string[] }[];
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | undefined;
	return () => {
		pending ??= load().catch((e: unknown) => {
			pending = undefined;
			throw e;
		});
		return pending;
	};
}

async function fetchJson(path: string, what: string): Promise<unknown> {
	const response = await fetch(asset(path));
	if (!response.ok) throw new Error(`${what} could not be read (HTTP ${response.status}).`);
	return response.json();
}

export const fetchAtlasRecords = once(
	async () => (await fetchJson('/data/atlas-records.json', 'The atlas’s records')) as AtlasRecordsFile
);

export const fetchGazetteer = once(async (): Promise<GazetteerEntry[]> =>
	decodeGazetteer(GazetteerFile.parse(await fetchJson('/data/gazetteer.json', 'The gazetteer')))
);
