/**
 * Data integrity of the committed geodata/: everything the validator checks (quotes verbatim in
 * their paragraphs, references, dates, coordinates inside their provinces) plus completeness
 * properties of the corpus as a whole.
 */
import { describe, expect, it } from 'vitest';
import { readGeodata } from '$lib/server/data/read';
import { validateGeodata } from '$lib/server/data/validate';
import { formatProblem } from '$lib/server/data/problems';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import { readFileSync } from 'node:fs';

const files = readGeodata();
const { data, problems } = validateGeodata(files);

describe('geodata/', () => {
	it('is valid', () => {
		expect(problems.map(formatProblem)).toEqual([]);
	});

	it('keeps every source text byte-for-byte as published in the seeds', () => {
		for (const s of data!.sources) {
			const text = readFileSync(`geodata/sources/${s.meta.textFile}`);
			expect(s.text).toBe(text.toString('utf8'));
			expect(s.paragraphs.length).toBe(splitParagraphs(s.text).length);
		}
		// The five seed sources are all there; a contributed source may join them.
		expect(data!.sources.map((s) => s.meta.id)).toEqual(
			expect.arrayContaining(['fnf-2024-04', 'harici-2023-02', 'tft-2023-12', 'voa-2024-01', 'wenews-2023'])
		);
	});

	it('mentions every place at least once and uses every layer group', () => {
		for (const p of data!.places) expect(p.mentions.length, p.id).toBeGreaterThan(0);
		const used = new Set(data!.events.map((e) => e.group));
		for (const g of data!.groups) expect(used, g.id).toContain(g.id);
	});

	it('names the places the product promises', () => {
		const ids = new Set(data!.places.map((p) => p.id));
		for (const id of [
			'torkham',
			'chitral-district',
			'mir-ali',
			'kunar-province',
			'khost-province',
			'khyber-pakhtunkhwa-province',
			'balochistan-province',
			'kabul',
			'kabul-province',
			'kandahar',
			'kandahar-province',
			'ghaziabad-district',
			'swabi-district'
		]) {
			expect(ids, id).toContain(id);
		}
	});

	it('labels outside-knowledge coordinates with their provenance', () => {
		for (const p of data!.places) expect(p.coordinateSource.length, p.id).toBeGreaterThan(10);
	});
});
