/**
 * Id proposals for a user's records: lower-case kebab-case, as the model wants
 * (../schema/model.ts `Id`), readable, and unique among the atlas's and the user's records. A
 * source is named by its publisher and date (`dawn-2024-05`, as the bundled `voa-2024-01`), an
 * event by its title and date (`torkham-closed-2024-03`). The user may change either.
 */
import type { PartialDate } from '../schema/model.ts';

/** Words too small to name anything by. */
const SMALL_WORDS = new Set([
	'the',
	'a',
	'an',
	'of',
	'and',
	'for',
	'in',
	'on',
	'at',
	'to',
	'by',
	'de',
	'al',
	'el'
]);

/** Text to kebab-case: diacritics dropped, every run of other characters one hyphen. */
export function kebabCase(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** `base`, or `base-2`, `base-3` … the first not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
	if (!taken.has(base)) return base;
	for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The date part of an id: the year and month when the month is known (as the bundled ids). */
const datePart = (date: PartialDate | undefined): string =>
	date && /^\d{4}(-\d{2})?/.test(date) ? date.slice(0, 7) : '';

/**
 * A short name for a publisher: an acronym it gives in brackets or capitals ("Voice of America
 * (VOA News)" → voa, "The Friday Times (TFT)" → tft), one or two words as they are ("Dawn",
 * "Express Tribune"), and the initials of a longer name ("Friedrich Naumann Foundation for
 * Freedom" → fnff).
 */
export function publisherShortName(publisher: string): string {
	const acronym = /\(([A-Z]{2,})\b/.exec(publisher)?.[1] ?? /\b([A-Z]{2,6})\b/.exec(publisher)?.[1];
	if (acronym) return acronym.toLowerCase();
	const words = kebabCase(publisher.replace(/\(.*?\)/g, ' '))
		.split('-')
		.filter((w) => w && !SMALL_WORDS.has(w));
	if (words.length <= 2) return words.join('-');
	return words.map((w) => w[0]).join('');
}

/** A source id from its publisher and date: `dawn-2024-05`. */
export function proposeSourceId(
	publisher: string,
	date: PartialDate | undefined,
	taken: ReadonlySet<string>
): string {
	const base = [publisherShortName(publisher) || 'source', datePart(date)].filter(Boolean).join('-');
	return uniqueId(base, taken);
}

/** The most words of a title an event id keeps. */
const EVENT_ID_WORDS = 6;

/** An event id from its title and date: `taliban-take-kabul-2021-08`. */
export function proposeEventId(
	title: string,
	date: PartialDate | undefined,
	taken: ReadonlySet<string>
): string {
	const words = kebabCase(title)
		.split('-')
		.filter((w) => w && !SMALL_WORDS.has(w))
		.slice(0, EVENT_ID_WORDS);
	const base = [words.join('-') || 'event', datePart(date)].filter(Boolean).join('-');
	return uniqueId(base, taken);
}

/** A place id from its name, as the gazetteer names them (`peshawar`, `khyber-district`). */
export function proposePlaceId(name: string, suffix: string | undefined, taken: ReadonlySet<string>): string {
	const base = [kebabCase(name) || 'place', suffix].filter(Boolean).join('-');
	return uniqueId(base, taken);
}
