/**
 * Briefing decks: the real deck (geodata/briefings/border-story.json) is valid and cited
 * verbatim, and intentionally broken variants of it (each one mistake, applied in memory) each
 * produce a specific problem naming the file, the record, the field and what is wrong.
 */
import { describe, expect, it } from 'vitest';
import { readGeodata, type GeodataFiles } from '$lib/server/data/read';
import { validateGeodata } from '$lib/server/data/validate';
import { countSentences, validateBriefings } from '$lib/server/data/briefings';
import { formatProblem } from '$lib/server/data/problems';
import { locateQuote } from '$lib/corpus/paragraphs';
import type { Deck } from '$lib/schema/briefing';

const DECK_FILE = 'briefings/border-story.json';
const real = readGeodata();
const realDeck: Deck = JSON.parse(real.get(DECK_FILE)!);

/** The rest of geodata/, validated without any deck: what the decks are checked against. */
const withoutDecks: GeodataFiles = new Map([...real].filter(([name]) => !name.startsWith('briefings/')));
const base = validateGeodata(withoutDecks);
const context = base.data!;

function variant(edit: (deck: Record<string, any>) => void, file = DECK_FILE): GeodataFiles {
	const files = new Map(withoutDecks);
	const deck = structuredClone(realDeck) as Record<string, any>;
	edit(deck);
	files.set(file, JSON.stringify(deck));
	return files;
}

const messages = (files: GeodataFiles) => validateBriefings(files, context).problems.map(formatProblem);

describe('briefing decks', () => {
	it('are checked against valid data', () => {
		expect(base.problems.map(formatProblem)).toEqual([]);
	});

	it('include the real deck, valid and returned by the validator as Geodata.briefings', () => {
		const { decks, problems } = validateBriefings(real, context);
		expect(problems.map(formatProblem)).toEqual([]);
		expect(decks.map((d) => d.id)).toContain('border-story');
		const { data } = validateGeodata(real);
		expect(data?.briefings.find((d) => d.id === 'border-story')?.scenes.length).toBe(realDeck.scenes.length);
	});

	it('tells the story in 8–12 scenes, each cited verbatim, its highlights visible', () => {
		expect(realDeck.scenes.length).toBeGreaterThanOrEqual(8);
		expect(realDeck.scenes.length).toBeLessThanOrEqual(12);
		const paragraphs = new Map(context.sources.map((s) => [s.meta.id, s.paragraphs]));
		for (const scene of realDeck.scenes) {
			expect(scene.citations.length, scene.id).toBeGreaterThanOrEqual(1);
			expect(scene.citations.length, scene.id).toBeLessThanOrEqual(4);
			expect(countSentences(scene.text), scene.id).toBeLessThanOrEqual(4);
			expect(scene.highlight.events.length + scene.highlight.places.length, scene.id).toBeGreaterThan(0);
			for (const c of scene.citations) {
				const paragraph = paragraphs.get(c.source)?.[Number(c.paragraph.slice(1)) - 1];
				expect(paragraph && locateQuote(paragraph.text, c.quote), `${scene.id}: ${c.quote}`).toBeTruthy();
			}
		}
		// From the Taliban takeover to the March 2024 airstrikes and the April 2024 drone reports.
		const highlighted = realDeck.scenes.flatMap((s) => s.highlight.events);
		expect(highlighted[0]).toBe('taliban-takeover-kabul-2021-08');
		expect(highlighted).toContain('pakistan-airstrikes-in-afghanistan-2024-03-18');
		expect(realDeck.scenes.at(-1)!.highlight.events).toContain('us-drone-flights-over-afghan-provinces-2024');
	});

	it('are optional: no briefings/ folder means no decks', () => {
		expect(validateBriefings(withoutDecks, context)).toEqual({ decks: [], problems: [] });
		expect(readGeodata('tests/unit').size).toBe(0);
	});

	it.each<[string, () => GeodataFiles, RegExp]>([
		[
			'an unknown layer group',
			() => variant((d) => d.scenes[0].groups.push('weather')),
			/^briefings\/border-story\.json › record "border-story#kabul-falls" › field scenes\[0\]\.groups\[3\]: unknown layer group "weather"$/
		],
		[
			'an unknown highlighted event',
			() => variant((d) => d.scenes[0].highlight.events.push('kabul-airlift')),
			/record "border-story#kabul-falls" › field scenes\[0\]\.highlight\.events\[4\]: unknown event "kabul-airlift"$/
		],
		[
			'an unknown place to fit',
			() => variant((d) => (d.scenes[1].fit = ['atlantis'])),
			/record "border-story#ttp-steps-up-attacks" › field scenes\[1\]\.fit\[0\]: unknown place "atlantis"$/
		],
		[
			'an unknown highlighted place',
			() => variant((d) => d.scenes[0].highlight.places.push('atlantis')),
			/field scenes\[0\]\.highlight\.places\[1\]: unknown place "atlantis"$/
		],
		[
			'a scene with neither camera nor fit',
			() => variant((d) => delete d.scenes[0].camera),
			/record "border-story#kabul-falls" › field scenes\[0\]: a scene needs a camera or a fit \(or both\)$/
		],
		[
			'a camera zoom out of range',
			() => variant((d) => (d.scenes[0].camera.zoom = 15)),
			/^briefings\/border-story\.json › record "border-story" › field scenes\[0\]\.camera\.zoom: zoom must be between 3\.5 and 12$/
		],
		[
			'a camera centre outside the mapped region',
			() => variant((d) => (d.scenes[0].camera.center = [10, 50])),
			/field scenes\[0\]\.camera\.center: \[10, 50\] is outside the mapped region \[46,14,88,46\]$/
		],
		[
			'a time window that ends before it starts',
			() => variant((d) => (d.scenes[0].time = { from: '2021-09', to: '2021-08' })),
			/record "border-story#kabul-falls" › field scenes\[0\]\.time\.to: the window ends \(2021-08\) before it starts \(2021-09\)$/
		],
		[
			'a date that is not real',
			() => variant((d) => (d.scenes[0].time.from = '2021-02-30')),
			/field scenes\[0\]\.time\.from: 2021-02-30 is not a real date$/
		],
		[
			'a malformed date',
			() => variant((d) => (d.scenes[0].time.from = 'August 2021')),
			/record "border-story" › field scenes\[0\]\.time\.from: must be YYYY, YYYY-MM or YYYY-MM-DD$/
		],
		[
			'a quote not verbatim in its paragraph',
			() =>
				variant(
					(d) =>
						(d.scenes[0].citations[0].quote =
							'The abrupt withdrawal of the U.S.-led forces enabled the Taliban to capture Kabul.')
				),
			/record "border-story#kabul-falls" › field scenes\[0\]\.citations\[0\]: quote is not verbatim in fnf-2024-04 p96: “The abrupt withdrawal/
		],
		[
			'a paragraph that does not exist',
			() => variant((d) => (d.scenes[0].citations[0].paragraph = 'p9999')),
			/field scenes\[0\]\.citations\[0\]: fnf-2024-04 has no paragraph p9999 \(it has \d+\)$/
		],
		[
			'a scene with no citation',
			() => variant((d) => (d.scenes[0].citations = [])),
			/record "border-story" › field scenes\[0\]\.citations: Too small/
		],
		[
			'a duplicate scene id',
			() => variant((d) => (d.scenes[1].id = 'kabul-falls')),
			/record "border-story#kabul-falls" › field scenes\[1\]\.id: scene id "kabul-falls" is used more than once in the deck$/
		],
		[
			"a highlighted event hidden by the scene's groups",
			() => variant((d) => (d.scenes[0].groups = ['militancy', 'diplomacy'])),
			/field scenes\[0\]\.highlight\.events\[1\]: event "us-forces-exit-afghanistan-2021-08-31" is highlighted but hidden by the scene's groups \(its group "strikes" is not shown\)$/
		],
		[
			"a highlighted event hidden by the scene's time window",
			() => variant((d) => (d.scenes[0].time = { from: '2022', to: '2022' })),
			/field scenes\[0\]\.highlight\.events\[1\]: event "us-forces-exit-afghanistan-2021-08-31" is highlighted but hidden by the scene's time window \(it is dated 31 August 2021, the window is 2022-01-01 to 2022-12-31\)$/
		],
		[
			'a text of more than four sentences',
			() => variant((d) => (d.scenes[0].text += ' One more. And another.')),
			/field scenes\[0\]\.text: must be 1–4 sentences \(it has 5\)$/
		],
		[
			'an unexpected field',
			() => variant((d) => (d.scenes[0].casualties = 12)),
			/record "border-story" › field scenes\[0\]: Unrecognized key: "casualties"$/
		],
		[
			'a deck id that does not match the file name',
			() => variant((d) => (d.id = 'border-story-2')),
			/^briefings\/border-story\.json › record "border-story-2" › field id: must match the file name \(briefings\/border-story-2\.json\)$/
		],
		[
			'a deck id used by two files',
			() => {
				const files = variant(() => {});
				files.set('briefings/copy.json', files.get(DECK_FILE)!);
				return files;
			},
			/^briefings › record "border-story": deck id used by more than one file$/
		],
		[
			'a wrong schema version',
			() => variant((d) => (d.schemaVersion = 2)),
			/record "border-story" › field schemaVersion: Invalid input: expected 1$/
		]
	])('reports %s', (_, make, expected) => {
		const found = messages(make());
		expect(
			found.some((m) => expected.test(m)),
			found.join('\n')
		).toBe(true);
	});

	it('reports malformed JSON by file, and still checks the other decks', () => {
		const files = variant((d) => (d.scenes[0].groups = ['weather']), 'briefings/other.json');
		files.set(DECK_FILE, '{ "schemaVersion": 1, "scenes": [ ');
		const found = messages(files);
		expect(found.some((m) => /^briefings\/border-story\.json: not valid JSON/.test(m))).toBe(true);
		expect(found.some((m) => /^briefings\/other\.json › .*unknown layer group "weather"/.test(m))).toBe(true);
	});

	it('stops the build: a broken deck makes the whole of geodata/ invalid', () => {
		const files = new Map(real);
		const deck = structuredClone(realDeck);
		deck.scenes[0]!.groups = [];
		files.set(DECK_FILE, JSON.stringify(deck));
		const { data, problems } = validateGeodata(files);
		expect(data).toBeUndefined();
		expect(problems.map(formatProblem)).toContain(
			'briefings/border-story.json › record "border-story#kabul-falls" › field scenes[0].highlight.events[0]: event "taliban-takeover-kabul-2021-08" is highlighted but hidden by the scene\'s groups (its group "militancy" is not shown)'
		);
	});

	it('counts sentences the way scene texts are written', () => {
		expect(countSentences('One. Two! Three? "Four."')).toBe(4);
		expect(countSentences('It cost the "lack of interest" talks. On 5 September it ended.')).toBe(2);
		expect(countSentences('Pakistan’s patience wore thin')).toBe(1);
	});
});
