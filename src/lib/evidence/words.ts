/** Words for the data's codes, shared by the details panel, the list and the search results. */
import type { LocationPrecision } from '$lib/schema/model';

export const PRECISION_WORDS: Record<LocationPrecision, string> = {
	exact: 'exact position',
	approximate: 'approximate position',
	district: 'district level (drawn at its headquarters)',
	area: 'area (drawn at its centre)'
};

export const BASIS_WORDS = {
	explicit: 'date as stated in the source',
	inferred: 'date inferred from the text',
	publication: 'date taken from the publication date'
} as const;

export const STANCE_WORDS = { claims: 'claims', denies: 'denies', disputes: 'disputes' } as const;

export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n} ${n === 1 ? one : many}`;
}
