/**
 * One way of comparing names typed by a reader with names written by the sources: the sources spell
 * the same place "Khyber-Pakhtunkhwa", "Khyber Pakhtūnkhwā" or "khyber pakhtunkhwa", and a search
 * box must treat those alike. Everything that compares text in search goes through here.
 */

/** Letters that Unicode decomposition leaves whole but a reader types as plain Latin letters. */
const LETTER_FOLDS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i'
};

/** Invisible characters that join the letters around them rather than separating words. */
const INVISIBLE_JOINERS = /\u00ad|\u200b|\u200d|\u2060|\ufeff/g;

/**
 * Lower-case, accent-free, punctuation-free form of a name: compatibility decomposition (NFKD, a
 * superset of NFD that also unfolds ligatures and full-width letters), combining marks removed,
 * apostrophes, hyphens and all other punctuation or symbols turned into spaces, whitespace collapsed.
 * Letters and digits of any script are kept, so Urdu, Pashto and Dari spellings still compare.
 */
export function normalizeName(s: string): string {
	return s
		.normalize('NFKD')
		.replace(INVISIBLE_JOINERS, '')
		.replace(/\p{M}+/gu, '')
		.toLowerCase()
		.replace(/[ßæœøłđðþı]/g, (c) => LETTER_FOLDS[c] ?? c)
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();
}

/** The words of a name in normalized form ("Mir-Ali tehsil" → ["mir", "ali", "tehsil"]). */
export function nameTokens(s: string): string[] {
	const normalized = normalizeName(s);
	return normalized ? normalized.split(' ') : [];
}

/**
 * Whether `a` becomes `b` with at most one edit: one insertion, deletion, substitution or swap of two
 * adjacent characters (restricted Damerau–Levenshtein distance ≤ 1). Linear time, no table.
 */
export function isWithinOneEdit(a: string, b: string): boolean {
	if (a === b) return true;
	const lengthDifference = a.length - b.length;
	if (lengthDifference > 1 || lengthDifference < -1) return false;
	const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
	let i = 0;
	while (i < shorter.length && shorter[i] === longer[i]) i++;
	if (shorter.length !== longer.length) return shorter.slice(i) === longer.slice(i + 1);
	// Same length: one substitution, or one transposition of neighbours.
	if (shorter.slice(i + 1) === longer.slice(i + 1)) return true;
	return (
		shorter[i] === longer[i + 1] &&
		shorter[i + 1] === longer[i] &&
		shorter.slice(i + 2) === longer.slice(i + 2)
	);
}
