/**
 * The source reader's logic, shared by the build (which prepares the data) and the pages (which
 * draw it): a paragraph with its debris mark and place mentions, the split of its text into plain
 * runs, place links and the highlighted quote, debris labels, a source's metadata in words, and
 * the map's links into a source (`?p=p12&q=<quote>`). Nothing here builds markup: the components
 * render these pieces as text nodes and elements.
 */
import type { Debris, Source } from '../schema/model.ts';
import { formatDateSpan } from '../time/dates.ts';
import { DATE_BASIS_WORDS, SOURCE_KIND_WORDS } from '../evidence/words.ts';
import { foldSpace, locateQuote } from './paragraphs.ts';

export interface TextSpan {
	start: number;
	end: number;
}

export interface MentionSpan extends TextSpan {
	place: string;
}

export interface ReaderDebris {
	kind: Debris['kind'];
	of?: string;
	note?: string;
}

export interface ReaderParagraph {
	/** `p12`, also the element id the map links to. */
	id: string;
	number: number;
	text: string;
	debris: ReaderDebris | null;
	mentions: MentionSpan[];
}

export type PlainPiece = { kind: 'text'; text: string } | { kind: 'mention'; text: string; place: string };
export type Piece = PlainPiece | { kind: 'quote'; pieces: PlainPiece[] };

/** Text runs and place mentions of text[from, to), mentions clipped to the range. */
function plainPieces(text: string, mentions: MentionSpan[], from: number, to: number): PlainPiece[] {
	const pieces: PlainPiece[] = [];
	let at = from;
	for (const m of mentions) {
		const start = Math.max(m.start, at);
		const end = Math.min(m.end, to);
		if (end <= start) continue;
		if (start > at) pieces.push({ kind: 'text', text: text.slice(at, start) });
		pieces.push({ kind: 'mention', text: text.slice(start, end), place: m.place });
		at = end;
	}
	if (to > at) pieces.push({ kind: 'text', text: text.slice(at, to) });
	return pieces;
}

/**
 * Splits a paragraph into pieces whose texts, joined, are the paragraph exactly. The quote, when
 * given, is one piece (one `<mark>`) holding its own runs, so a mention inside it stays a link and
 * a mention straddling its edge is cut in two rather than breaking the quote into several marks.
 */
export function markText(text: string, mentions: MentionSpan[], quote: TextSpan | null = null): Piece[] {
	// Defensive: in order, inside the text, no overlaps (the build guarantees it; a bad link must not garble).
	const ordered: MentionSpan[] = [];
	for (const m of [...mentions].sort((a, b) => a.start - b.start)) {
		if (m.start < 0 || m.end > text.length || m.end <= m.start) continue;
		if (ordered.length && m.start < ordered[ordered.length - 1]!.end) continue;
		ordered.push(m);
	}
	if (!quote || quote.start < 0 || quote.end > text.length || quote.end <= quote.start) {
		return plainPieces(text, ordered, 0, text.length);
	}
	return [
		...plainPieces(text, ordered, 0, quote.start),
		{ kind: 'quote', pieces: plainPieces(text, ordered, quote.start, quote.end) },
		...plainPieces(text, ordered, quote.end, text.length)
	];
}

/**
 * The paragraph a line of body text continues across a page break, or null. Such a line is shown
 * as text, never hidden with the layout debris.
 */
export function continuationOf(debris: ReaderDebris | null): string | null {
	return debris?.kind === 'continuation' ? (debris.of ?? null) : null;
}

/**
 * The visible label of a debris mark: words, optionally a link to the paragraph it repeats, and
 * more words; the spaces around the link are in the words, so the label reads as one phrase.
 */
export interface DebrisLabel {
	lead: string;
	ref?: string;
	tail?: string;
}

export function debrisLabel(debris: ReaderDebris): DebrisLabel {
	const continues = continuationOf(debris);
	if (continues) return { lead: 'Continues ', ref: continues, tail: ' across a page break' };
	switch (debris.kind) {
		case 'caption':
			return { lead: 'Caption' };
		case 'pull-quote':
			return debris.of ? { lead: 'Pull quote — repeats ', ref: debris.of } : { lead: 'Pull quote' };
		case 'duplicate':
			return debris.of ? { lead: 'Duplicate of ', ref: debris.of } : { lead: 'Duplicate' };
		case 'social-media':
			return { lead: 'Social-media screenshot' };
		case 'front-matter':
			return { lead: 'Front matter' };
		case 'page-artifact':
			return { lead: 'Page artefact' };
		case 'continuation':
			return { lead: 'Continues the paragraph before, across a page break' };
	}
}

/** Whether the "Hide layout debris" switch hides this paragraph (body text cut by a page break stays). */
export function isLayoutDebris(paragraph: ReaderParagraph): boolean {
	return paragraph.debris !== null && continuationOf(paragraph.debris) === null;
}

/** A source's metadata as the reader shows it, dates and kinds in words. */
export interface SourceSummary {
	id: string;
	title: string;
	publisher: string;
	author: string | null;
	dateText: string;
	dateBasis: string;
	dateNote: string | null;
	kind: string;
	url: string | null;
	readAt: string;
}

export function summariseSource(meta: Source): SourceSummary {
	return {
		id: meta.id,
		title: meta.title,
		publisher: meta.publisher,
		author: meta.author ?? null,
		dateText: formatDateSpan(meta.date),
		dateBasis: DATE_BASIS_WORDS[meta.date.basis],
		dateNote: meta.date.note ?? null,
		kind: SOURCE_KIND_WORDS[meta.kind],
		url: meta.url ?? null,
		readAt: meta.readAt
	};
}

/** What a reader link (`?p=p12&q=…`) points at, and what to say when part of it is not there. */
export interface LinkTarget {
	/** The paragraph to scroll to and focus, when there is one. */
	paragraph: string | null;
	/** Where the quote stands in that paragraph's text, when it was found. */
	quote: TextSpan | null;
	/** A sentence for the reader naming what the link asked for and could not be found; '' when all was. */
	notice: string;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const shorten = (s: string, max = 120) => (s.length > max ? s.slice(0, max - 1).trimEnd() + '…' : s);

/**
 * Resolves the map's link into a source: `p` names a paragraph, `q` a verbatim quote in it. A link
 * that is wrong in part still shows what it can: a quote found in another paragraph than `p` says
 * (an outdated link), or the paragraph without its quote; nothing is thrown for garbage.
 */
export function resolveReaderLink(
	paragraphs: ReaderParagraph[],
	p: string | null,
	q: string | null
): LinkTarget {
	const wantedParagraph = p?.trim() || null;
	const wantedQuote = q && foldSpace(q) ? q : null;
	if (!wantedParagraph && !wantedQuote) return { paragraph: null, quote: null, notice: '' };
	const paragraph = wantedParagraph ? paragraphs.find((x) => x.id === wantedParagraph) : undefined;

	if (paragraph) {
		if (!wantedQuote) return { paragraph: paragraph.id, quote: null, notice: '' };
		const at = locateQuote(paragraph.text, wantedQuote);
		if (at) return { paragraph: paragraph.id, quote: at, notice: '' };
	}

	// The quote is not where the link says (or the link names no paragraph): look through the text.
	const elsewhere = wantedQuote
		? paragraphs
				.map((x) => ({ x, at: locateQuote(x.text, wantedQuote) }))
				.find((found): found is { x: ReaderParagraph; at: TextSpan } => found.at !== null)
		: undefined;
	const quoteText = wantedQuote ? `the quote “${shorten(foldSpace(wantedQuote))}”` : '';
	const paragraphText = wantedParagraph ? `paragraph “${shorten(wantedParagraph, 40)}”` : '';

	if (paragraph) {
		if (elsewhere) {
			return {
				paragraph: elsewhere.x.id,
				quote: elsewhere.at,
				notice: `${capitalise(quoteText)} is not in ¶${paragraph.number}; it was found in ¶${elsewhere.x.number}, shown here.`
			};
		}
		return {
			paragraph: paragraph.id,
			quote: null,
			notice: `${capitalise(quoteText)} was not found in ¶${paragraph.number} or anywhere else in this source; showing the paragraph.`
		};
	}
	if (elsewhere) {
		const missing = wantedParagraph ? `There is no ${paragraphText} in this source; ` : '';
		return {
			paragraph: elsewhere.x.id,
			quote: elsewhere.at,
			notice: missing ? `${missing}${quoteText} was found in ¶${elsewhere.x.number}, shown here.` : ''
		};
	}
	if (wantedParagraph && wantedQuote) {
		return {
			paragraph: null,
			quote: null,
			notice: `There is no ${paragraphText} in this source, and ${quoteText} was not found anywhere in it.`
		};
	}
	if (wantedParagraph)
		return { paragraph: null, quote: null, notice: `There is no ${paragraphText} in this source.` };
	return {
		paragraph: null,
		quote: null,
		notice: `${capitalise(quoteText)} was not found anywhere in this source.`
	};
}
