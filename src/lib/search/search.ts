/**
 * The atlas search box: finds places (by name or any spelling the sources use), events (by title,
 * actors, type, places and summary) and actors (one result per actor, listing their events). The
 * index is built once from the published properties; each keystroke only compares precomputed
 * normalized words, so a search over a few hundred records stays well under a millisecond or two.
 */
import { placesDrawn, type EventProperties, type PlaceProperties } from '../schema/exported.ts';
import { isWithinOneEdit, normalizeName } from './normalize.ts';

export type SearchResultKind = 'place' | 'event' | 'actor';

export interface SearchResult {
	kind: SearchResultKind;
	/** Place id, event id, or for an actor the actor's name as most events spell it. */
	id: string;
	label: string;
	/** One line of context: "crossing · Khyber Pakhtunkhwa, Pakistan", "March 2024 · Mir Ali", "3 events". */
	detail: string;
	/** Why the result matched when it is not its own name or title ("as ‘Sawabi’"); otherwise ''. */
	matched: string;
	/** Higher is better; comparable across kinds within one search. */
	score: number;
	/** For actors: the events naming the actor, in the order the events were given. */
	eventIds?: string[];
}

/** What a field of a record is, which decides how much a match on it counts. */
type FieldRole =
	'name' | 'alias' | 'title' | 'actor-name' | 'actor' | 'type' | 'place' | 'place-alias' | 'summary';

/** A match on a record's own name counts fully; on its summary, least. */
const FIELD_WEIGHT: Record<FieldRole, number> = {
	name: 1,
	alias: 0.95,
	title: 0.9,
	'actor-name': 0.9,
	actor: 0.7,
	type: 0.6,
	place: 0.5,
	'place-alias': 0.45,
	summary: 0.3
};

/**
 * How well a query matches one field: the whole field, its beginning, every query word as a whole
 * word of the field, every query word as a word or the start of one, the whole field with one typo,
 * or some words only with a typo.
 */
const MATCH_SCORE = {
	exact: 100,
	prefix: 80,
	token: 60,
	tokenPrefix: 50,
	fuzzyWhole: 40,
	fuzzy: 30
} as const;

/**
 * Within a kind of match, a field the query covers more of ranks higher ("waziristan" is more
 * nearly "North Waziristan" than "Mehsud belt (South Waziristan)"). Smaller than any gap between
 * kinds of match, so it never reorders them.
 */
const COVERAGE_BONUS = 5;

/** A query matching words spread over several fields of one record counts a little less. */
const CROSS_FIELD_FACTOR = 0.8;

/** Query words this long or longer may contain one typo. */
const MIN_FUZZY_LENGTH = 5;

/** Longer queries are cut: nobody types more, and it bounds the work per keystroke. */
const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TOKENS = 12;

/** At equal score: places, then actors (which gather events), then single events. */
const KIND_ORDER: Record<SearchResultKind, number> = { place: 0, actor: 1, event: 2 };

interface SearchField {
	role: FieldRole;
	/** The text as written, shown in `matched`. */
	text: string;
	/** For a place alias inside an event: the place's name. */
	of?: string;
	normalized: string;
	tokens: readonly string[];
}

interface SearchEntry {
	kind: SearchResultKind;
	id: string;
	label: string;
	detail: string;
	eventIds?: string[];
	fields: SearchField[];
}

/** Built once by `buildSearchIndex`; treat as opaque. */
export interface SearchIndex {
	readonly entries: readonly SearchEntry[];
}

function field(role: FieldRole, text: string, of?: string): SearchField | undefined {
	const normalized = normalizeName(text);
	if (!normalized) return undefined;
	const tokens = [...new Set(normalized.split(' '))];
	return of === undefined ? { role, text, normalized, tokens } : { role, text, of, normalized, tokens };
}

/** The name and the aliases that differ from it (and from each other) once normalized. */
function nameFields(
	name: string,
	aliases: readonly string[],
	nameRole: FieldRole,
	aliasRole: FieldRole
): SearchField[] {
	const fields: SearchField[] = [];
	const seen = new Set<string>();
	const nameField = field(nameRole, name);
	if (nameField) {
		fields.push(nameField);
		seen.add(nameField.normalized);
	}
	for (const alias of aliases) {
		const aliasField = field(aliasRole, alias, name);
		if (!aliasField || seen.has(aliasField.normalized)) continue;
		seen.add(aliasField.normalized);
		fields.push(aliasField);
	}
	return fields;
}

const words = (identifier: string) => identifier.replace(/-/g, ' ');

function countryNameFallback(code: string): string {
	try {
		return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
	} catch {
		return code;
	}
}

/** "crossing · Khyber Pakhtunkhwa, Pakistan": the type, then where it lies, as the gazetteer names it. */
function describePlace(
	place: PlaceProperties,
	provinces: Map<string, PlaceProperties>,
	countries: Map<string, PlaceProperties>
): string {
	const where: string[] = [];
	if (place.province) {
		const province = provinces.get(place.province);
		if (province && province.id !== place.id) where.push(province.name);
	}
	if (place.country) {
		const country = countries.get(place.country);
		if (!country) where.push(countryNameFallback(place.country));
		else if (country.id !== place.id) where.push(country.name);
	}
	const type = words(place.type);
	return where.length ? `${type} · ${where.join(', ')}` : type;
}

/** "March 2024 · Mir Ali, North Waziristan": the date, then where the event is drawn. */
function describeEvent(event: EventProperties): string {
	const names = placesDrawn(event.places).map((p) => p.name);
	const shown = names.slice(0, 2).join(', ') + (names.length > 2 ? ` +${names.length - 2}` : '');
	return shown ? `${event.dateText} · ${shown}` : event.dateText;
}

function placeEntries(places: readonly PlaceProperties[]): SearchEntry[] {
	const provinces = new Map<string, PlaceProperties>();
	const countries = new Map<string, PlaceProperties>();
	for (const p of places) {
		if (p.type === 'province' && p.province && !provinces.has(p.province)) provinces.set(p.province, p);
		if (p.type === 'country' && p.country && !countries.has(p.country)) countries.set(p.country, p);
	}
	return places.map((p) => ({
		kind: 'place',
		id: p.id,
		label: p.name,
		detail: describePlace(p, provinces, countries),
		fields: nameFields(p.name, p.aliases, 'name', 'alias')
	}));
}

function eventEntries(events: readonly EventProperties[], places: readonly PlaceProperties[]): SearchEntry[] {
	const aliasesByPlace = new Map(places.map((p) => [p.id, p.aliases]));
	return events.map((e) => {
		const fields: (SearchField | undefined)[] = [field('title', e.title)];
		for (const actor of e.actors) fields.push(field('actor', actor));
		fields.push(field('type', words(e.type)));
		for (const p of e.places) {
			fields.push(...nameFields(p.name, aliasesByPlace.get(p.id) ?? [], 'place', 'place-alias'));
		}
		fields.push(field('summary', e.summary));
		return {
			kind: 'event',
			id: e.id,
			label: e.title,
			detail: describeEvent(e),
			fields: fields.filter((f) => f !== undefined)
		};
	});
}

/** One entry per actor, actors spelt alike once normalized counting as one. */
function actorEntries(events: readonly EventProperties[]): SearchEntry[] {
	const actors = new Map<string, { spellings: Map<string, number>; eventIds: string[] }>();
	for (const e of events) {
		for (const actor of new Set(e.actors)) {
			const key = normalizeName(actor);
			if (!key) continue;
			let entry = actors.get(key);
			if (!entry) actors.set(key, (entry = { spellings: new Map(), eventIds: [] }));
			entry.spellings.set(actor, (entry.spellings.get(actor) ?? 0) + 1);
			if (entry.eventIds.at(-1) !== e.id) entry.eventIds.push(e.id);
		}
	}
	return [...actors.values()].map(({ spellings, eventIds }) => {
		// The spelling most events use; the first seen among equals (Map keeps insertion order).
		let label = '';
		let most = 0;
		for (const [spelling, count] of spellings) if (count > most) [label, most] = [spelling, count];
		return {
			kind: 'actor',
			id: label,
			label,
			detail: eventIds.length === 1 ? '1 event' : `${eventIds.length} events`,
			eventIds,
			fields: [field('actor-name', label)!]
		};
	});
}

/** Index places, events and the actors named by the events. Build once, search many times. */
export function buildSearchIndex(
	places: readonly PlaceProperties[],
	events: readonly EventProperties[]
): SearchIndex {
	return { entries: [...placeEntries(places), ...actorEntries(events), ...eventEntries(events, places)] };
}

function isFuzzyWordMatch(queryWord: string, word: string): boolean {
	if (isWithinOneEdit(queryWord, word)) return true;
	// A typo in a word still being typed: compare with the beginnings of the word of similar length.
	for (let length = queryWord.length - 1; length <= queryWord.length + 1 && length < word.length; length++) {
		if (isWithinOneEdit(queryWord, word.slice(0, length))) return true;
	}
	return false;
}

/** How well one query word matches the best of a field's words; 0 when none does. */
function wordScore(queryWord: string, fieldWords: readonly string[]): number {
	let best = 0;
	const mayBeFuzzy = queryWord.length >= MIN_FUZZY_LENGTH;
	for (const word of fieldWords) {
		if (word === queryWord) return MATCH_SCORE.token;
		if (word.startsWith(queryWord)) best = MATCH_SCORE.tokenPrefix;
		else if (!best && mayBeFuzzy && isFuzzyWordMatch(queryWord, word)) best = MATCH_SCORE.fuzzy;
	}
	return best;
}

interface PreparedQuery {
	normalized: string;
	tokens: string[];
}

/** Score of the whole query against one field (before the field's weight); 0 when it does not match. */
function fieldScore(query: PreparedQuery, f: SearchField): number {
	if (f.normalized === query.normalized) return MATCH_SCORE.exact;
	if (f.normalized.startsWith(query.normalized)) {
		return MATCH_SCORE.prefix + (COVERAGE_BONUS * query.normalized.length) / f.normalized.length;
	}
	if (query.normalized.length >= MIN_FUZZY_LENGTH && isWithinOneEdit(query.normalized, f.normalized)) {
		return MATCH_SCORE.fuzzyWhole;
	}
	let worst: number = MATCH_SCORE.token;
	for (const token of query.tokens) {
		const score = wordScore(token, f.tokens);
		if (!score) return 0;
		worst = Math.min(worst, score);
	}
	return worst + (COVERAGE_BONUS * Math.min(query.tokens.length, f.tokens.length)) / f.tokens.length;
}

function describeMatch(f: SearchField | undefined): string {
	if (!f) return '';
	switch (f.role) {
		case 'alias':
			return `as ‘${f.text}’`;
		case 'actor':
			return `actor ‘${f.text}’`;
		case 'type':
			return `type ‘${f.text}’`;
		case 'place':
			return `place ‘${f.text}’`;
		case 'place-alias':
			return `place ‘${f.of}’ as ‘${f.text}’`;
		case 'summary':
			return 'in the summary';
		default:
			// Its own name or title: nothing to explain.
			return '';
	}
}

function scoreEntry(query: PreparedQuery, entry: SearchEntry): { score: number; field?: SearchField } {
	let best = 0;
	let bestField: SearchField | undefined;
	for (const f of entry.fields) {
		const score = fieldScore(query, f) * FIELD_WEIGHT[f.role];
		if (score > best) [best, bestField] = [score, f];
	}
	if (query.tokens.length < 2) return { score: best, field: bestField };
	// Words found in different fields ("ttp chitral": an actor and a place of the same event).
	let crossField = Infinity;
	for (const token of query.tokens) {
		let tokenBest = 0;
		for (const f of entry.fields) {
			tokenBest = Math.max(tokenBest, wordScore(token, f.tokens) * FIELD_WEIGHT[f.role]);
		}
		crossField = Math.min(crossField, tokenBest);
		if (!crossField) break;
	}
	crossField *= CROSS_FIELD_FACTOR;
	return crossField > best ? { score: crossField } : { score: best, field: bestField };
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Best first: score, then places before actors before events, then label, then id (total and stable). */
export function compareSearchResults(a: SearchResult, b: SearchResult): number {
	return (
		b.score - a.score ||
		KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
		collator.compare(a.label, b.label) ||
		(a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
	);
}

function prepareQuery(query: string): PreparedQuery {
	const normalized = normalizeName(String(query ?? '').slice(0, MAX_QUERY_LENGTH));
	const tokens = [...new Set(normalized ? normalized.split(' ') : [])].slice(0, MAX_QUERY_TOKENS);
	return { normalized, tokens };
}

/**
 * The best matches for what the reader typed, best first: exact name > exact alias > beginning of a
 * name > whole words > words with one typo; places before actors before events at equal score, then
 * by label. An empty query (or one of only punctuation or emoji) gives no results. Never throws.
 */
export function search(index: SearchIndex, query: string, limit = 20): SearchResult[] {
	const prepared = prepareQuery(query);
	if (!prepared.tokens.length) return [];
	const results: SearchResult[] = [];
	for (const entry of index.entries) {
		const { score, field: matchedField } = scoreEntry(prepared, entry);
		if (score <= 0) continue;
		const result: SearchResult = {
			kind: entry.kind,
			id: entry.id,
			label: entry.label,
			detail: entry.detail,
			matched: describeMatch(matchedField),
			score: Math.round(score * 100) / 100
		};
		if (entry.eventIds) result.eventIds = [...entry.eventIds];
		results.push(result);
	}
	results.sort(compareSearchResults);
	const count = Number.isNaN(limit) ? 20 : Math.max(0, Math.floor(limit));
	return results.slice(0, count);
}
