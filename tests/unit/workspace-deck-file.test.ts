/**
 * Importing one deck file in the browser, checked like the build checks the shipped decks (the
 * same code, src/lib/briefing/validate-deck.ts): schema and version, known groups, events and
 * places, and every citation verbatim in its paragraph, the source texts fetched through an
 * async lookup as the site would. A bad file is refused in words, never with an exception.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { freshOptions, open, shippedDeck } from './workspace-fixtures';
import { readDeckFile, MAX_DECK_FILE_BYTES, type DeckFileContext } from '$lib/workspace/deck-file';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import { describeOrigin } from '$lib/workspace/origin';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const fetched: string[] = [];

const context: DeckFileContext = {
	groups: json('geodata/groups.json').groups,
	places: json('geodata/places.json').places,
	events: json('geodata/events.json').events,
	// As the site will: fetch the source's text, then split it into paragraphs.
	sourceParagraphs: async (id) => {
		fetched.push(id);
		if (!/^[a-z0-9-]+$/.test(id)) return undefined;
		try {
			return splitParagraphs(readFileSync(`geodata/sources/${id}.txt`, 'utf8'));
		} catch {
			return undefined;
		}
	}
};

function variant(edit: (deck: Record<string, any>) => void): string {
	const deck = structuredClone(shippedDeck) as Record<string, any>;
	edit(deck);
	return JSON.stringify(deck, null, '\t');
}

describe('deck file import', () => {
	it('accepts the shipped deck, fetching each cited source once', async () => {
		fetched.length = 0;
		const result = await readDeckFile(new File([JSON.stringify(shippedDeck)], 'border-story.json'), context);
		expect(result.ok).toBe(true);
		expect(result.ok && result.deck.scenes.length).toBe(shippedDeck.scenes.length);
		const cited = new Set(shippedDeck.scenes.flatMap((s) => s.citations.map((c) => c.source)));
		expect([...fetched].sort()).toEqual([...cited].sort());
	});

	it('is then stored with its origin, "imported from file …"', async () => {
		const result = await readDeckFile(JSON.stringify(shippedDeck), context);
		const ws = await open(freshOptions());
		if (!result.ok) throw new Error(result.message);
		const saved = await ws.put('deck', result.deck, {
			origin: { how: 'imported', file: 'border-story.json' }
		});
		expect(describeOrigin(saved.origin)).toBe('imported from file border-story.json');
	});

	it.each<[string, () => string | Blob, RegExp]>([
		['bad JSON', () => '{ "schemaVersion": 1, ', /^not valid JSON: .* \(line 1, column 23\)$/],
		[
			'another schema version',
			() => variant((d) => (d.schemaVersion = 2)),
			/^record "border-story" › field schemaVersion: Invalid input: expected 1$/
		],
		[
			'an unknown layer group',
			() => variant((d) => d.scenes[0].groups.push('weather')),
			/^record "border-story#kabul-falls" › field scenes\[0\]\.groups\[\d+\]: unknown layer group "weather"$/
		],
		[
			'an unknown event',
			() => variant((d) => d.scenes[0].highlight.events.push('kabul-airlift')),
			/field scenes\[0\]\.highlight\.events\[\d+\]: unknown event "kabul-airlift"$/
		],
		[
			'an unknown place',
			() => variant((d) => (d.scenes[1].fit = ['atlantis'])),
			/field scenes\[1\]\.fit\[0\]: unknown place "atlantis"$/
		],
		[
			'a quote not verbatim in its paragraph',
			() => variant((d) => (d.scenes[0].citations[0].quote = 'The Taliban were invited to Kabul.')),
			/field scenes\[0\]\.citations\[0\]: quote is not verbatim in fnf-2024-04 p96: “The Taliban were invited to Kabul\.”$/
		],
		[
			'an unknown source',
			() => variant((d) => (d.scenes[0].citations[0].source = 'made-up-source')),
			/field scenes\[0\]\.citations\[0\]: unknown source "made-up-source"$/
		],
		[
			'a file too large to be a deck',
			() => new Blob([new Uint8Array(MAX_DECK_FILE_BYTES * 1.5)]),
			/^3\.0 MB is over the limit of 2\.0 MB$/
		]
	])('refuses %s, saying what and where', async (_, make, expected) => {
		const result = await readDeckFile(make(), context);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		const lines = result.problems.map(
			(p) =>
				[p.id ? `record "${p.id}"` : '', p.field ? `field ${p.field}` : ''].filter(Boolean).join(' › ') +
				(p.id || p.field ? ': ' : '') +
				p.message
		);
		expect(
			lines.some((l) => expected.test(l)),
			lines.join('\n')
		).toBe(true);
		expect(result.message).toMatch(/^This deck cannot be imported \(\d+ problems?\):\n/);
	});
});
