import { describe, expect, it } from 'vitest';
import { foldSpace, locateQuote, splitParagraphs } from '$lib/corpus/paragraphs';

describe('splitParagraphs', () => {
	it('numbers the lines that hold text, skipping blank and whitespace-only lines', () => {
		const text = 'First line.\n\n   \nSecond\u00a0line.\r\n\u00a0\nThird.';
		expect(splitParagraphs(text)).toEqual([
			{ id: 'p1', text: 'First line.' },
			{ id: 'p2', text: 'Second\u00a0line.' },
			{ id: 'p3', text: 'Third.' }
		]);
	});
});

describe('locateQuote', () => {
	const text = 'The spokesperson said:  “Pakistan’s patience\u00a0is running out,” on Monday.';
	it('finds a quote with whitespace folded, returning offsets into the original', () => {
		const at = locateQuote(text, '“Pakistan’s patience is running out,”');
		expect(at).not.toBeNull();
		expect(text.slice(at!.start, at!.end)).toBe('“Pakistan’s patience\u00a0is running out,”');
	});
	it('does not fold anything but whitespace', () => {
		expect(locateQuote(text, '"Pakistan\'s patience is running out,"')).toBeNull();
		expect(locateQuote(text, 'pakistan’s patience')).toBeNull();
	});
	it('rejects an empty quote', () => expect(locateQuote(text, '  ')).toBeNull());
	it('folds runs of any whitespace', () => expect(foldSpace(' a \u00a0\t b ')).toBe('a b'));
});
