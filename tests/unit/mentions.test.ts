/**
 * Place names found in the source texts (build time), and how the reader lays mentions, quotes and
 * map links over a paragraph without altering its text.
 */
import { describe, expect, it } from 'vitest';
import { findPlaceMentions, isCaseSensitive } from '$lib/server/data/mentions';
import { loadGeodata } from '$lib/server/data/load';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import type { SourceRecord } from '$lib/server/data/validate';
import type { Place } from '$lib/schema/model';
import {
	continuationOf,
	debrisLabel,
	markText,
	resolveReaderLink,
	type Piece,
	type ReaderParagraph
} from '$lib/corpus/reader';

function place(
	id: string,
	name: string,
	aliases: string[],
	type: Place['type'] = 'province',
	cites: string[] = []
): Place {
	return {
		id,
		name,
		aliases,
		type,
		coordinates: [70, 33],
		precision: 'exact',
		coordinateSource: 'test',
		mentions: cites.length
			? cites.map((c) => {
					const [paragraph, quote] = c.split('|') as [string, string];
					return { source: 'src', paragraph, quote };
				})
			: [{ source: 'other', paragraph: 'p1', quote: name }]
	};
}

function source(text: string): SourceRecord {
	return {
		meta: {
			schemaVersion: 1,
			id: 'src',
			title: 'T',
			publisher: 'P',
			date: { start: '2024', precision: 'year', basis: 'inferred' },
			readAt: 'here',
			kind: 'news',
			textFile: 'src.txt',
			debris: []
		},
		text,
		paragraphs: splitParagraphs(text)
	};
}

/** The mentions of one paragraph as [matched text, place id] pairs. */
function found(text: string, places: Place[], paragraph = 'p1'): [string, string][] {
	const record = source(text);
	const paragraphText = record.paragraphs.find((p) => p.id === paragraph)!.text;
	return (findPlaceMentions(record, places)[paragraph] ?? []).map((m) => [
		paragraphText.slice(m.start, m.end),
		m.place
	]);
}

const normalise = (s: string) =>
	s.replace(/\s+/g, ' ').replace(/’/g, "'").replace(/[‐‑–]/g, '-').toLowerCase();
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (name: string) =>
	new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'u');

const kp = place('kp', 'Khyber Pakhtunkhwa', ['KP', 'K.P.', 'Khyber Pakhtunkhwa']);
const khyber = place('khyber', 'Khyber', ['Khyber Agency']);
const nw = place('north-waziristan', 'North Waziristan', ['N. Waziristan']);
const waziristan = place('waziristan', 'Waziristan', []);
const us = place('us', 'United States', ['US', 'U.S.', 'America'], 'country');
const tank = place('tank', 'Tank', ['Tank district'], 'district');

describe('findPlaceMentions', () => {
	it('prefers the longest name and never overlaps', () => {
		expect(
			found('Khyber Pakhtunkhwa borders Khyber; North Waziristan is in Waziristan.', [
				kp,
				khyber,
				nw,
				waziristan
			])
		).toEqual([
			['Khyber Pakhtunkhwa', 'kp'],
			['Khyber', 'khyber'],
			['North Waziristan', 'north-waziristan'],
			['Waziristan', 'waziristan']
		]);
	});

	it('matches acronyms only in capitals, other names in any case', () => {
		expect(isCaseSensitive('KP')).toBe(true);
		expect(isCaseSensitive('U.S.')).toBe(true);
		expect(isCaseSensitive('Kabul')).toBe(false);
		expect(found('Tell us about the US, KP and kp, and KHYBER PAKHTUNKHWA.', [kp, us])).toEqual([
			['US', 'us'],
			['KP', 'kp'],
			['KHYBER PAKHTUNKHWA', 'kp']
		]);
	});

	it('does not take a capitalised name for a common word written in lower case', () => {
		expect(found('A think tank in Tank, near Tank District.', [tank])).toEqual([
			['Tank', 'tank'],
			['Tank District', 'tank']
		]);
	});

	it('matches whole words only, in any script', () => {
		const kabul = place('kabul', 'Kabul', ['کابل'], 'city');
		expect(found('Kabulis, AKP, USA, Americans; but (Kabul), U.S.-led and کابل.', [kabul, kp, us])).toEqual([
			['Kabul', 'kabul'],
			['U.S.', 'us'],
			['کابل', 'kabul']
		]);
		// An Arabic-script letter joined to the name makes it another word.
		expect(found('کابلی', [kabul])).toEqual([]);
	});

	it('matches across any whitespace and either apostrophe, leaving offsets on the original text', () => {
		const prc = place('china', 'China', ["People's Republic of China"], 'country');
		const text = 'The People’s Republic\u00a0of  China and North\u00a0Waziristan.';
		expect(found(text, [prc, nw])).toEqual([
			['People’s Republic\u00a0of  China', 'china'],
			['North\u00a0Waziristan', 'north-waziristan']
		]);
	});

	it('gives an ambiguous name to the place that cites that very passage', () => {
		const city = place('kabul', 'Kabul', [], 'city', ['p2|talks in Kabul']);
		const province = place('kabul-province', 'Kabul', ['Kabul province'], 'province', ['p1|Kabul fell']);
		const text = 'Kabul fell, then Kabul province.\nTalks in Kabul, not in Kabul again.\nKabul at last.';
		expect(found(text, [province, city], 'p1')).toEqual([
			['Kabul', 'kabul-province'],
			['Kabul province', 'kabul-province']
		]);
		expect(found(text, [province, city], 'p2')).toEqual([
			['Kabul', 'kabul'],
			['Kabul', 'kabul']
		]);
	});

	it('otherwise prefers a city or town, then the first place by id', () => {
		const city = place('kandahar', 'Kandahar', [], 'city');
		const province = place('kandahar-province', 'Kandahar', [], 'province');
		expect(found('Kandahar', [province, city])).toEqual([['Kandahar', 'kandahar']]);
		// Both cite the paragraph, neither quote holds this occurrence: the city again.
		const citingCity = place('kandahar', 'Kandahar', [], 'city', ['p1|went home']);
		const citingProvince = place('kandahar-province', 'Kandahar', [], 'province', ['p1|went home']);
		expect(found('Kandahar: he went home.', [citingProvince, citingCity])).toEqual([
			['Kandahar', 'kandahar']
		]);
		const valley = place('panjshir-valley', 'Panjshir Valley', ['Panjshir'], 'valley');
		const panjshir = place('panjshir-province', 'Panjshir', [], 'province');
		expect(found('Panjshir and the Panjshir Valley', [valley, panjshir])).toEqual([
			['Panjshir', 'panjshir-province'],
			['Panjshir Valley', 'panjshir-valley']
		]);
	});

	it('keys mentions by paragraph id and leaves out paragraphs without any', () => {
		const record = source('Nothing here.\n\nKhyber Pakhtunkhwa.');
		expect(Object.keys(findPlaceMentions(record, [kp]))).toEqual(['p2']);
	});

	it('finds the gazetteer’s places in the real sources, each at its own words', () => {
		const { sources, places } = loadGeodata();
		const byId = new Map(places.map((p) => [p.id, p]));
		let total = 0;
		const mentionsBySource = new Map(
			sources.map((record) => [record.meta.id, findPlaceMentions(record, places)])
		);
		for (const record of sources) {
			for (const [paragraphId, list] of Object.entries(mentionsBySource.get(record.meta.id)!)) {
				const text = record.paragraphs.find((p) => p.id === paragraphId)!.text;
				let last = 0;
				for (const m of list) {
					expect(m.start).toBeGreaterThanOrEqual(last);
					last = m.end;
					const said = normalise(text.slice(m.start, m.end));
					const place = byId.get(m.place)!;
					expect([place.name, ...place.aliases].map(normalise)).toContain(said);
					total++;
				}
			}
		}
		expect(total).toBeGreaterThan(300);
		// A place the gazetteer cites by one of its names is found there, unless a longer name
		// holds it ("Khyber Pakhtunkhwa and Baluchistan provinces" is the border belt).
		for (const p of places) {
			for (const m of p.mentions) {
				const record = sources.find((s) => s.meta.id === m.source)!;
				const text = record.paragraphs.find((x) => x.id === m.paragraph)!.text;
				const list = mentionsBySource.get(m.source)![m.paragraph] ?? [];
				const names = [p.name, ...p.aliases].filter((n) => wholeWord(n).test(m.quote));
				if (!names.length) continue;
				const held = list.some(
					(x) => x.place === p.id || names.some((n) => wholeWord(n).test(text.slice(x.start, x.end)))
				);
				expect(held, `${p.id} in ${m.source} ${m.paragraph}`).toBe(true);
			}
		}
	});
});

const joined = (pieces: Piece[]): string =>
	pieces.map((p) => (p.kind === 'quote' ? p.pieces.map((q) => q.text).join('') : p.text)).join('');

describe('markText', () => {
	const text = 'Talks in Kabul and Islamabad ended.';
	const mentions = [
		{ start: 9, end: 14, place: 'kabul' },
		{ start: 19, end: 28, place: 'islamabad' }
	];

	it('splits the text into runs and mentions that join back to the text exactly', () => {
		const pieces = markText(text, mentions);
		expect(joined(pieces)).toBe(text);
		expect(pieces).toEqual([
			{ kind: 'text', text: 'Talks in ' },
			{ kind: 'mention', text: 'Kabul', place: 'kabul' },
			{ kind: 'text', text: ' and ' },
			{ kind: 'mention', text: 'Islamabad', place: 'islamabad' },
			{ kind: 'text', text: ' ended.' }
		]);
	});

	it('makes the quote one piece, cutting a mention that straddles its edge', () => {
		const pieces = markText(text, mentions, { start: 0, end: 23 });
		expect(joined(pieces)).toBe(text);
		expect(pieces.filter((p) => p.kind === 'quote')).toHaveLength(1);
		expect(pieces[0]).toEqual({
			kind: 'quote',
			pieces: [
				{ kind: 'text', text: 'Talks in ' },
				{ kind: 'mention', text: 'Kabul', place: 'kabul' },
				{ kind: 'text', text: ' and ' },
				{ kind: 'mention', text: 'Isla', place: 'islamabad' }
			]
		});
		expect(pieces[1]).toEqual({ kind: 'mention', text: 'mabad', place: 'islamabad' });
	});

	it('ignores overlapping or out-of-range spans rather than garbling the text', () => {
		const pieces = markText(
			text,
			[...mentions, { start: 10, end: 12, place: 'x' }, { start: 30, end: 99, place: 'y' }],
			{
				start: 5,
				end: 500
			}
		);
		expect(joined(pieces)).toBe(text);
		expect(pieces.some((p) => p.kind === 'quote')).toBe(false);
	});
});

describe('debris labels', () => {
	it('names each kind and links to the paragraph repeated', () => {
		expect(debrisLabel({ kind: 'pull-quote', of: 'p207' })).toEqual({
			lead: 'Pull quote — repeats ',
			ref: 'p207'
		});
		expect(debrisLabel({ kind: 'duplicate', of: 'p5' })).toEqual({ lead: 'Duplicate of ', ref: 'p5' });
		expect(debrisLabel({ kind: 'social-media' }).lead).toBe('Social-media screenshot');
		expect(debrisLabel({ kind: 'page-artifact', note: 'Stray "54".' }).lead).toBe('Page artefact');
	});

	it('treats body text cut off by a page break as a continuation, not debris', () => {
		const debris = {
			kind: 'continuation' as const,
			of: 'p148',
			note: 'Continues the sentence cut off at the end of p148.'
		};
		expect(continuationOf(debris)).toBe('p148');
		expect(debrisLabel(debris)).toEqual({ lead: 'Continues ', ref: 'p148', tail: ' across a page break' });
	});
});

describe('resolveReaderLink', () => {
	const paragraphs: ReaderParagraph[] = [
		'First paragraph.',
		'The quote is “here”, in  two\u00a0spaces.',
		'Third.'
	].map((text, i) => ({ id: `p${i + 1}`, number: i + 1, text, debris: null, mentions: [] }));

	it('finds the quote in the paragraph named, whitespace folded', () => {
		const link = resolveReaderLink(paragraphs, 'p2', 'in two spaces');
		expect(link).toMatchObject({ paragraph: 'p2', notice: '' });
		expect(paragraphs[1]!.text.slice(link.quote!.start, link.quote!.end)).toBe('in  two\u00a0spaces');
	});

	it('goes to the paragraph alone when no quote is given', () => {
		expect(resolveReaderLink(paragraphs, 'p3', null)).toEqual({ paragraph: 'p3', quote: null, notice: '' });
		expect(resolveReaderLink(paragraphs, null, null)).toEqual({ paragraph: null, quote: null, notice: '' });
	});

	it('says what it could not find, naming it', () => {
		const garbage = resolveReaderLink(paragraphs, 'p99999', 'zzz');
		expect(garbage.paragraph).toBeNull();
		expect(garbage.notice).toContain('p99999');
		expect(garbage.notice).toContain('“zzz”');
		const missingQuote = resolveReaderLink(paragraphs, 'p1', 'nowhere');
		expect(missingQuote).toMatchObject({ paragraph: 'p1', quote: null });
		expect(missingQuote.notice).toMatch(/“nowhere” was not found in ¶1/);
		expect(resolveReaderLink(paragraphs, '<script>', null).notice).toContain('“<script>”');
	});

	it('finds a quote that the link puts in the wrong paragraph, and says so', () => {
		const moved = resolveReaderLink(paragraphs, 'p1', '“here”');
		expect(moved).toMatchObject({ paragraph: 'p2', quote: { start: 13, end: 19 } });
		expect(moved.notice).toMatch(/not in ¶1; it was found in ¶2/);
	});
});
