/**
 * Words for the data's codes, declared once and shared by every view that shows them: the details
 * panel, the list, the search results, the source reader and the briefings.
 */
import type { DateSpan, LocationPrecision, Source } from '../schema/model.ts';

export const PRECISION_WORDS: Record<LocationPrecision, string> = {
	exact: 'exact position',
	approximate: 'approximate position',
	district: 'district level (drawn at its headquarters)',
	area: 'area (drawn at its centre)'
};

/** How a date is known, for an event's date and a source's alike: "date inferred from the text". */
export const DATE_BASIS_WORDS: Record<DateSpan['basis'], string> = {
	explicit: 'date as stated in the source',
	inferred: 'date inferred from the text',
	publication: 'date taken from the publication date'
};

export const SOURCE_KIND_WORDS: Record<Source['kind'], string> = {
	news: 'News report',
	opinion: 'Opinion',
	'policy-paper': 'Policy paper'
};

export const STANCE_WORDS = { claims: 'claims', denies: 'denies', disputes: 'disputes' } as const;

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}

/** A few names, the rest counted: "a, b, c and 2 more". */
export const listFew = (names: readonly string[], few = 3): string =>
	names.length <= few ? names.join(', ') : `${names.slice(0, few).join(', ')} and ${names.length - few} more`;
