import { error } from '@sveltejs/kit';
import { briefingData, sceneEntries } from '$lib/server/data/briefing-pages';

export const entries = sceneEntries;

export function load({ params }) {
	const { deck, sources, groups } = briefingData(params.deck);
	if (!deck || !deck.scenes.some((s) => s.id === params.scene)) error(404, `No scene "${params.scene}"`);
	return { deck, sources, groups };
}
