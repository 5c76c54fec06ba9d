import { describe, expect, it } from 'vitest';
import {
	NO_EVIDENCE_FILTER,
	isFiltering,
	passesEvidenceFilter,
	sourcesOf,
	type EvidenceFilter,
	type SourceKind
} from '$lib/state/evidence-filter';
import type { EventFeature, EventPlace } from '$lib/schema/exported';

const cite = (source: string) => ({
	source,
	sourceTitle: source,
	publisher: source,
	sourceDate: '2024',
	paragraph: 'p1',
	quote: 'q'
});

function event(
	id: string,
	sources: string[],
	places: EventPlace[],
	contestedBy: string[] = []
): EventFeature {
	return {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: [70, 33] },
		properties: {
			id,
			citations: sources.map(cite),
			places,
			contested: contestedBy.length
				? {
						note: 'n',
						stances: contestedBy.map((s) => ({ party: 'x', stance: 'denies', citation: cite(s) }))
					}
				: null
		} as unknown as EventFeature['properties']
	};
}

const exact: EventPlace = { id: 'torkham', name: 'Torkham', role: 'site', precision: 'exact' };
const area: EventPlace = { id: 'khost-province', name: 'Khost', role: 'site', precision: 'area' };

const single = event('single', ['voa'], [exact]);
const corroborated = event('corroborated', ['voa', 'fnf'], [exact, area]);
const contested = event('contested', ['tft'], [area], ['harici']);
const kinds: Record<string, SourceKind> = { voa: 'news', fnf: 'policy-paper', tft: 'news', harici: 'news' };
const kindOf = (s: string) => kinds[s];

const pass = (f: Partial<EvidenceFilter>) =>
	[single, corroborated, contested]
		.filter((e) => passesEvidenceFilter(e, { ...NO_EVIDENCE_FILTER, ...f }, kindOf))
		.map((e) => e.properties.id);

describe('evidence filter', () => {
	it('passes everything when nothing is set', () => {
		expect(isFiltering(NO_EVIDENCE_FILTER)).toBe(false);
		expect(pass({})).toEqual(['single', 'corroborated', 'contested']);
	});

	it.each([
		[{ sources: ['fnf'] }, ['corroborated']],
		[{ sources: ['harici'] }, ['contested']],
		[{ sources: ['voa', 'tft'] }, ['single', 'corroborated', 'contested']],
		[{ kinds: ['policy-paper'] as SourceKind[] }, ['corroborated']],
		[{ kinds: ['opinion'] as SourceKind[] }, []],
		[{ only: ['corroborated'] as const }, ['corroborated', 'contested']],
		[{ only: ['contested'] as const }, ['contested']],
		[{ only: ['exact'] as const }, ['single']],
		[{ only: ['corroborated', 'exact'] as const }, []],
		[{ sources: ['voa'], only: ['exact'] as const }, ['single']]
	])('%o keeps %o', (filter, kept) => {
		expect(isFiltering({ ...NO_EVIDENCE_FILTER, ...filter })).toBe(true);
		expect(pass(filter)).toEqual(kept);
	});

	it('counts a contested stance’s source as a source of the event', () => {
		expect(sourcesOf(contested)).toEqual(['tft', 'harici']);
		expect(sourcesOf(corroborated)).toEqual(['voa', 'fnf']);
	});
});
