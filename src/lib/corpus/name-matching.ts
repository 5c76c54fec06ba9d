/**
 * Finding names in a text, for the reader's place links and for proposing places in a new text.
 * Names are matched as whole words, across any whitespace, with either apostrophe and any dash,
 * and with diacritics ignored ("Jalālābād" finds "Jalalabad" and the other way round). Offsets
 * always index the original text, which is never altered, so a caller can mark the very characters.
 *
 * The module knows nothing of places: a matcher carries whatever values its name stands for, and
 * the callers decide among them (src/lib/corpus/place-mentions.ts, src/lib/corpus/place-finder.ts).
 */

/** A letter, combining mark or digit: on either side of a match, it means the match is inside a word. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/**
 * Acronyms (KP, FATA, US, U.S.) match only as written: case-folded, "US" would match "us" and
 * "KP" would match any "kp". Everything else matches in any case ("Kunar Province", "KABUL").
 */
export function isCaseSensitive(alias: string): boolean {
	return /\p{Lu}/u.test(alias) && !/\p{Ll}/u.test(alias);
}

/** A text with its diacritics removed, and for each of its characters where it came from. */
export interface FoldedText {
	text: string;
	/** Offset in the original of the character each folded character comes from. */
	start: number[];
	/** Offset just past it, and past any combining marks after it (they fold to nothing). */
	end: number[];
}

/**
 * Canonical decomposition (NFD) with the combining marks removed, code point by code point, so
 * that every folded character can be traced back: "Jalālābād" → "Jalalabad". Letters are kept in
 * their case, and every script is kept (Arabic-script names lose only their optional vowel marks).
 */
export function foldText(original: string): FoldedText {
	let text = '';
	const start: number[] = [];
	const end: number[] = [];
	let at = 0;
	for (const ch of original) {
		const folded = ch.normalize('NFD').replace(/\p{M}/gu, '');
		const next = at + ch.length;
		if (folded === '' && end.length) {
			// A mark standing on its own belongs to the letter before it.
			for (let k = end.length - 1; k >= 0 && end[k] === at; k--) end[k] = next;
		}
		for (let k = 0; k < folded.length; k++) {
			start.push(at);
			end.push(next);
		}
		text += folded;
		at = next;
	}
	return { text, start, end };
}

/** The folded form of a name alone. */
export const foldName = (name: string): string => foldText(name).text;

/**
 * The key under which two spellings count as one name: folded, lower-cased (unless an acronym),
 * whitespace collapsed, apostrophes and dashes unified, exactly the equivalences a pattern allows.
 */
export function nameKey(name: string): string {
	const trimmed = name.trim();
	const folded = foldName(trimmed).replace(/\s+/g, ' ').replace(/’/g, "'").replace(/[‐‑–]/g, '-');
	return isCaseSensitive(trimmed) ? `exact:${folded}` : `folded:${folded.toLowerCase()}`;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The pattern of a folded name: any run of whitespace stands for any other (the texts hold no-break
 * spaces and line-wrapped names), straight and curly apostrophes are one, and so are the hyphen
 * and the dashes that typesetting puts between names ("Afghanistan–Pakistan").
 */
function namePattern(folded: string): string {
	return folded
		.trim()
		.split(/\s+/)
		.map((word) =>
			[...word]
				.map((ch) => {
					if (ch === "'" || ch === '’') return "['’]";
					if (ch === '-' || ch === '‐' || ch === '‑' || ch === '–') return '[-‐‑–]';
					return escapeRegExp(ch);
				})
				.join('')
		)
		.join('\\s+');
}

/** The first run of letters or digits of a folded text, lower-cased: what an index looks names up by. */
const WORD = /[\p{L}\p{N}]+/gu;
const firstWord = (folded: string): string => (folded.match(WORD)?.[0] ?? '').toLowerCase();

export interface NameMatcher<T> {
	/** The name as first given (one of the spellings that share its key). */
	name: string;
	regex: RegExp;
	/** A capitalised name never matches a word written in lower case: "Tank" is not "think tank". */
	capitalised: boolean;
	/** Everything the name stands for, in the order given. */
	values: T[];
}

/** Matchers for many names, looked up by their first word so a text runs only the ones it could hold. */
export interface NameIndex<T> {
	byFirstWord: Map<string, NameMatcher<T>[]>;
}

/**
 * One matcher per distinct name (by `nameKey`), with every value that carries it, so that a name
 * shared by two places is found once and then disambiguated by the caller.
 */
export function buildNameIndex<T>(entries: Iterable<{ names: readonly string[]; value: T }>): NameIndex<T> {
	const byKey = new Map<string, NameMatcher<T>>();
	for (const { names, value } of entries) {
		for (const raw of names) {
			const name = raw.trim();
			if (!name) continue;
			const key = nameKey(name);
			let matcher = byKey.get(key);
			if (!matcher) {
				const caseSensitive = isCaseSensitive(name);
				matcher = {
					name,
					regex: new RegExp(namePattern(foldName(name)), caseSensitive ? 'gu' : 'giu'),
					capitalised: !caseSensitive && /^\p{Lu}/u.test(name),
					values: []
				};
				byKey.set(key, matcher);
			}
			if (!matcher.values.includes(value)) matcher.values.push(value);
		}
	}
	const byFirstWord = new Map<string, NameMatcher<T>[]>();
	for (const matcher of byKey.values()) {
		const word = firstWord(foldName(matcher.name));
		byFirstWord.set(word, [...(byFirstWord.get(word) ?? []), matcher]);
	}
	return { byFirstWord };
}

/** The character (whole code point) just before `index`, or '' at the start. */
function charBefore(text: string, index: number): string {
	if (index <= 0) return '';
	const isLowSurrogate = /[\uDC00-\uDFFF]/.test(text[index - 1]!);
	return String.fromCodePoint(text.codePointAt(index >= 2 && isLowSurrogate ? index - 2 : index - 1)!);
}

/** Whether text[start, end) stands as whole words: no letter or digit touches either end. */
function isWholeWord(text: string, start: number, end: number): boolean {
	const after = end < text.length ? String.fromCodePoint(text.codePointAt(end)!) : '';
	return !WORD_CHAR.test(charBefore(text, start)) && !WORD_CHAR.test(after);
}

/** An occurrence of one or more names: offsets into the original text, and all they may stand for. */
export interface NameSpan<T> {
	start: number;
	end: number;
	values: T[];
}

/**
 * Every occurrence of every indexed name in `text`, overlapping ones included; the same span found
 * by several spellings pools their values. Spans are in text order.
 */
export function findNameSpans<T>(text: string, index: NameIndex<T>): NameSpan<T>[] {
	const folded = foldText(text);
	const words = new Set(['', ...[...folded.text.matchAll(WORD)].map((m) => m[0].toLowerCase())]);
	const spans = new Map<string, NameSpan<T>>();
	for (const word of words) {
		for (const matcher of index.byFirstWord.get(word) ?? []) {
			for (const match of folded.text.matchAll(matcher.regex)) {
				if (!match[0]) continue;
				const start = folded.start[match.index]!;
				const end = folded.end[match.index + match[0].length - 1]!;
				if (!isWholeWord(text, start, end)) continue;
				if (matcher.capitalised && /^\p{Ll}/u.test(text.slice(start, end))) continue;
				const key = `${start}:${end}`;
				const span = spans.get(key) ?? { start, end, values: [] };
				for (const value of matcher.values) if (!span.values.includes(value)) span.values.push(value);
				spans.set(key, span);
			}
		}
	}
	return [...spans.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The spans to keep: longest first, so "North Waziristan" claims its words before "Waziristan"
 * can, then the earlier one; never two that overlap. Returned in text order.
 */
export function longestWithoutOverlap<S extends { start: number; end: number }>(spans: readonly S[]): S[] {
	const ordered = [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
	const taken: S[] = [];
	for (const span of ordered) {
		if (taken.some((t) => span.start < t.end && t.start < span.end)) continue;
		taken.push(span);
	}
	return taken.sort((a, b) => a.start - b.start);
}
