/**
 * Recognising a text the atlas already has, bundled or the user's own, however its lines and
 * spaces were laid out: the fingerprint is a hash of the text in Unicode NFC with every run of
 * whitespace folded to one space (the same folding as quotes, ../corpus/paragraphs.ts). Two
 * 53-bit cyrb53 hashes and the folded length make an accidental match of two different texts
 * practically impossible; the hash is synchronous and needs no secure context (../workspace/rev.ts).
 */
import { foldSpace } from '../corpus/paragraphs.ts';
import { hashText } from '../workspace/rev.ts';

/** A text of the atlas, by its fingerprint. */
export interface KnownText {
	/** The source's id. */
	id: string;
	title: string;
	fingerprint: string;
	/** A source the atlas ships, rather than one of the user's. */
	bundled: boolean;
}

export function textFingerprint(text: string): string {
	const folded = foldSpace(text.normalize('NFC'));
	return `${folded.length.toString(16)}-${hashText(folded, 1)}${hashText(folded, 2)}`;
}

/** The known text with this fingerprint, if any. */
export function findSameText(fingerprint: string, known: readonly KnownText[]): KnownText | undefined {
	return known.find((k) => k.fingerprint === fingerprint);
}
