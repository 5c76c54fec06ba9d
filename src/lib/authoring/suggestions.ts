/**
 * Completions for the event form: actors and event types the atlas already uses (so that the
 * same actor is written the same way everywhere: "Afghan Taliban", not "the Afghan Taliban"), and
 * places by any of their names. Matching ignores case and diacritics; a match at the start of a
 * word ranks before one inside a word, then the more often used, then the alphabetical.
 */
import type { Event, Place } from '../schema/model.ts';
import { foldName } from '../corpus/name-matching.ts';

export interface Known {
	value: string;
	/** How many events use it. */
	uses: number;
}

const key = (s: string) => foldName(s).toLowerCase();

function countValues(values: Iterable<string>): Known[] {
	const counts = new Map<string, number>();
	for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
	return [...counts]
		.map(([value, uses]) => ({ value, uses }))
		.sort((a, b) => b.uses - a.uses || (a.value < b.value ? -1 : 1));
}

/** Every actor of the events, most used first. */
export const knownActors = (events: readonly Pick<Event, 'actors'>[]): Known[] =>
	countValues(events.flatMap((e) => e.actors));

/** Every event type of the events, most used first. */
export const knownTypes = (events: readonly Pick<Event, 'type'>[]): Known[] =>
	countValues(events.map((e) => e.type));

/** 0 for a match at the start of the text or of a word, 1 inside a word, -1 for none. */
function matchRank(candidate: string, input: string): number {
	const at = key(candidate).indexOf(input);
	if (at < 0) return -1;
	return at === 0 || /[\s\-(/'’]/.test(key(candidate)[at - 1]!) ? 0 : 1;
}

/** The known values matching what was typed, best first, leaving out those already chosen. */
export function suggest(
	input: string,
	known: readonly Known[],
	chosen: readonly string[] = [],
	limit = 8
): string[] {
	const typed = key(input.trim());
	const taken = new Set(chosen.map(key));
	return known
		.filter((k) => !taken.has(key(k.value)))
		.map((k) => ({ k, rank: typed ? matchRank(k.value, typed) : 0 }))
		.filter((m) => m.rank >= 0)
		.sort((a, b) => a.rank - b.rank || b.k.uses - a.k.uses || (a.k.value < b.k.value ? -1 : 1))
		.slice(0, limit)
		.map((m) => m.k.value);
}

export interface PlaceOption {
	id: string;
	/** "Kabul (city, AF)". */
	label: string;
}

/** The places matching what was typed by any of their names, best first. */
export function suggestPlaces(
	input: string,
	places: readonly Pick<Place, 'id' | 'name' | 'aliases' | 'type' | 'country'>[],
	limit = 8
): PlaceOption[] {
	const typed = key(input.trim());
	return places
		.map((p) => {
			const ranks = [p.name, ...p.aliases, p.id]
				.map((n) => (typed ? matchRank(n, typed) : 0))
				.filter((r) => r >= 0);
			return { p, rank: ranks.length ? Math.min(...ranks) : -1 };
		})
		.filter((m) => m.rank >= 0)
		.sort((a, b) => a.rank - b.rank || (a.p.name < b.p.name ? -1 : a.p.name > b.p.name ? 1 : 0))
		.slice(0, limit)
		.map(({ p }) => ({
			id: p.id,
			label: `${p.name} (${p.type.replace(/-/g, ' ')}${p.country ? `, ${p.country}` : ''})`
		}));
}
