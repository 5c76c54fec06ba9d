/**
 * What the briefing pages need from the validated data, computed at build time: the decks, the
 * layer groups, and the cited sources' titles and dates in words.
 */
import { formatDateSpan } from '../../time/dates.ts';
import { loadGeodata } from './load.ts';

export function briefingData(deckId: string) {
	const data = loadGeodata();
	const deck = data.briefings.find((d) => d.id === deckId);
	const sources = Object.fromEntries(
		data.sources.map((s) => [
			s.meta.id,
			{ title: s.meta.title, publisher: s.meta.publisher, date: formatDateSpan(s.meta.date) }
		])
	);
	const groups = [...data.groups].sort((a, b) => a.order - b.order);
	return { deck, sources, groups };
}

export function deckEntries(): { deck: string }[] {
	return loadGeodata().briefings.map((d) => ({ deck: d.id }));
}

export function sceneEntries(): { deck: string; scene: string }[] {
	return loadGeodata().briefings.flatMap((d) => d.scenes.map((s) => ({ deck: d.id, scene: s.id })));
}
