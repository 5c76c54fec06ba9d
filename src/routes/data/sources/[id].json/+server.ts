// Publishes each source's paragraphs as data/sources/<id>.json, for checking in the browser that
// a user's deck or an imported deck file quotes its sources verbatim (fetched only when needed).
import { error } from '@sveltejs/kit';
import { loadGeodata } from '$lib/server/data/load';
import type { SourceParagraphsFile } from '$lib/briefing/deck-references';

export const prerender = true;

export function entries(): { id: string }[] {
	return loadGeodata().sources.map((s) => ({ id: s.meta.id }));
}

export function GET({ params }) {
	const source = loadGeodata().sources.find((s) => s.meta.id === params.id);
	if (!source) error(404, `No source "${params.id}"`);
	const file: SourceParagraphsFile = { id: source.meta.id, paragraphs: source.paragraphs.map((p) => p.text) };
	return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
}
