/**
 * Checking a user's deck in the browser: the paragraphs of each cited source are fetched once,
 * from the published data/sources/<id>.json (never for an id that is not one), and a problem is
 * named in words: the scene by number and title, the citation by number.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deckContext, deckProblems, sourceParagraphsFetcher } from '$lib/briefing/deck-references';
import { fieldWords, problemWords } from '$lib/briefing/deck-problems';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import type { Deck } from '$lib/schema/briefing';
import type { EventFeature, PlaceFeature } from '$lib/schema/exported';
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON, placesGeoJSON } from '$lib/server/data/export';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const shipped: Deck = json('geodata/briefings/border-story.json');
const evidence = {
	groups: json('geodata/groups.json').groups as { id: string }[],
	// The published features, as the build writes them from geodata/.
	places: placesGeoJSON(loadGeodata()).features as PlaceFeature[],
	events: eventsGeoJSON(loadGeodata()).features as EventFeature[]
};

/** A fetch of the published paragraph files, served from geodata/ as the build writes them. */
function fakeSite() {
	const asked: string[] = [];
	const fetcher = sourceParagraphsFetcher(
		(id) => `/data/sources/${id}.json`,
		async (url) => {
			asked.push(url);
			const id = /^\/data\/sources\/(.+)\.json$/.exec(url)![1]!;
			try {
				const paragraphs = splitParagraphs(readFileSync(`geodata/sources/${id}.txt`, 'utf8')).map(
					(p) => p.text
				);
				return { ok: true, json: async () => ({ id, paragraphs }) };
			} catch {
				return { ok: false, json: async () => ({}) };
			}
		}
	);
	return { asked, context: deckContext(evidence, fetcher) };
}

describe('checking a deck in the browser', () => {
	it('finds nothing wrong with the shipped deck, fetching each cited source once', async () => {
		const { asked, context } = fakeSite();
		expect(await deckProblems(shipped, context)).toEqual([]);
		expect(await deckProblems(shipped, context)).toEqual([]);
		const cited = new Set(shipped.scenes.flatMap((s) => s.citations.map((c) => c.source)));
		expect(asked.sort()).toEqual([...cited].map((id) => `/data/sources/${id}.json`).sort());
	});

	it('names the scene and citation whose quote no longer checks out', async () => {
		const { context } = fakeSite();
		const deck = structuredClone(shipped);
		deck.scenes[2]!.citations[1]!.quote = 'Words no source has ever printed.';
		const problems = await deckProblems(deck, context);
		expect(problems.map((p) => problemWords(deck, p))).toEqual([
			expect.stringMatching(
				new RegExp(
					`^Scene 3 “${deck.scenes[2]!.title}”, citation 2: quote is not verbatim in [a-z0-9-]+ p\\d+: “Words no source`
				)
			)
		]);
	});

	it('never fetches a source id that is not an id', async () => {
		const { asked, context } = fakeSite();
		expect(await context.sourceParagraphs('../../etc/passwd')).toBeUndefined();
		expect(await context.sourceParagraphs('no-such-source')).toBeUndefined();
		expect(asked).toEqual(['/data/sources/no-such-source.json']);
	});
});

describe('fields in words', () => {
	it.each([
		[undefined, 'The deck'],
		['title', "The deck's title"],
		['scenes[0].title', 'Scene 1 “Kabul falls to the Taliban”, title'],
		['scenes[0].citations[2]', 'Scene 1 “Kabul falls to the Taliban”, citation 3'],
		['scenes[0].highlight.events[1]', 'Scene 1 “Kabul falls to the Taliban”, highlighted event 2'],
		['scenes[40].text', 'Scene 41, text']
	])('%s is %s', (field, words) => {
		expect(fieldWords(shipped, field)).toBe(words);
	});
});
