/**
 * Paragraphs and quotes of the source texts. A paragraph is a line of the text that holds
 * anything but whitespace; `pN` is its ordinal, stable as long as the text (kept byte-for-byte)
 * does not change. Quotes match their paragraph with whitespace runs folded, never otherwise.
 */

export interface Paragraph {
	id: string;
	text: string;
}

export function splitParagraphs(text: string): Paragraph[] {
	const out: Paragraph[] = [];
	for (const line of text.split('\n')) {
		if (/\S/.test(line)) out.push({ id: `p${out.length + 1}`, text: line.replace(/\r$/, '') });
	}
	return out;
}

/** Folds every run of whitespace (including no-break and other Unicode spaces) to one space. */
export function foldSpace(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/**
 * Where `quote` stands in `text`, as offsets into the original text, matching with whitespace
 * folded on both sides; null when it is not there verbatim.
 */
export function locateQuote(text: string, quote: string): { start: number; end: number } | null {
	const needle = foldSpace(quote);
	if (!needle) return null;
	// Fold the text while remembering, for each folded character, where it came from.
	let folded = '';
	const origin: number[] = [];
	let inSpace = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i]!;
		if (/\s/.test(ch)) {
			if (!inSpace && folded.length > 0) {
				folded += ' ';
				origin.push(i);
			}
			inSpace = true;
		} else {
			folded += ch;
			origin.push(i);
			inSpace = false;
		}
	}
	const at = folded.indexOf(needle);
	if (at < 0) return null;
	return { start: origin[at]!, end: origin[at + needle.length - 1]! + 1 };
}
