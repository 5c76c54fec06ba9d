/**
 * An exported deck file is exactly a file of geodata/briefings/: the shipped deck comes out byte
 * for byte as committed, and any deck comes out as Prettier (with the project's settings) would
 * write it, so an exported deck can be committed as it is.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { canonicalDeck, deckFileName, formatDeckFile } from '$lib/briefing/deck-format';
import { duplicateScene, updateScene } from '$lib/briefing/deck-editing';
import type { Deck } from '$lib/schema/briefing';

const text = readFileSync('geodata/briefings/border-story.json', 'utf8');
const shipped = JSON.parse(text) as Deck;

async function prettierOf(file: string): Promise<string> {
	const path = 'geodata/briefings/exported.json';
	const options = await prettier.resolveConfig(path);
	return prettier.format(file, { ...options, filepath: path });
}

describe('deck files', () => {
	it('writes the shipped deck byte for byte as it is committed', () => {
		expect(formatDeckFile(shipped)).toBe(text);
		expect(deckFileName(shipped)).toBe('border-story.json');
	});

	it('puts the keys in the documented order whatever order they were in', () => {
		const scrambled = JSON.parse(JSON.stringify(shipped, Object.keys(shipped).reverse())) as Deck;
		const reordered = {
			...scrambled,
			scenes: shipped.scenes.map((s) => Object.fromEntries(Object.entries(s).reverse()))
		} as Deck;
		expect(Object.keys(reordered)[0]).not.toBe('schemaVersion');
		expect(formatDeckFile(reordered)).toBe(text);
		expect(Object.keys(canonicalDeck(reordered).scenes[0]!).slice(0, 3)).toEqual(['id', 'title', 'text']);
	});

	it('writes an edited deck with the new optional fields as Prettier would', async () => {
		let deck = duplicateScene(shipped, 2).deck;
		deck = updateScene(deck, 3, {
			hidden: ['belt', 'places'],
			passage: {
				source: deck.scenes[3]!.citations[0]!.source,
				paragraph: deck.scenes[3]!.citations[0]!.paragraph
			},
			notes:
				'A note with "quotes", a tab\there and a line\nbreak, long enough to need a line of its own in the file.',
			camera: { center: [69.12345, 33.5], zoom: 6.25, bearing: -12.5, pitch: 30 },
			groups: [
				'attacks',
				'strikes',
				'diplomacy',
				'crossings',
				'militancy',
				'surveillance',
				'displacement',
				'opposition'
			]
		});
		const file = formatDeckFile(deck);
		expect(JSON.parse(file)).toEqual(canonicalDeck(deck));
		expect(await prettierOf(file)).toBe(file);
	});
});
