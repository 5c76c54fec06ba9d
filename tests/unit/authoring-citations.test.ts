/**
 * Citing by selecting: a selection (paragraph and offsets at each end, no DOM) becomes a citation
 * whose quote is exactly the selected text, with W3C TextQuote and TextPosition selectors that
 * anchor again; a selection across paragraphs is refused; and the three uses of a passage on
 * event drafts: a new event, one more citation, one side's stance.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '$lib/server/data/load';
import { citationProblem } from '$lib/corpus/citations';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import {
	anchorSelector,
	citationFromSelection,
	selectorsOfCitation,
	SELECTOR_CONTEXT,
	type TextSelection
} from '$lib/authoring/selection-citation';
import { findQuoteOccurrences } from '$lib/authoring/quote-anchoring';
import {
	addCitationToEvent,
	addStanceToEvent,
	removeCitation,
	removeStance,
	startEventFromCitation
} from '$lib/authoring/event-citations';
import { eventDraftOf } from '$lib/authoring/event-draft';

const { sources, events } = loadGeodata();
const voa = sources.find((s) => s.meta.id === 'voa-2024-01')!;
const p7 = voa.paragraphs[6]!;
const lookup = (id: string) => sources.find((s) => s.meta.id === id)?.paragraphs;

/** A selection of `words` in VOA's p7, found by the test as a reader would select them. */
function select(words: string, paragraph = p7, source = 'voa-2024-01'): TextSelection {
	const at = paragraph.text.indexOf(words);
	expect(at).toBeGreaterThanOrEqual(0);
	return {
		source,
		anchor: { paragraph: paragraph.id, offset: at },
		focus: { paragraph: paragraph.id, offset: at + words.length }
	};
}

describe('citationFromSelection', () => {
	it('quotes exactly the selected text, which the citation check finds verbatim', () => {
		const result = citationFromSelection(
			voa.paragraphs,
			select('Islamabad hosted a high-powered Taliban delegation')
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const { citation, quote, position } = result.passage;
		expect(citation).toEqual({
			source: 'voa-2024-01',
			paragraph: 'p7',
			quote: 'Islamabad hosted a high-powered Taliban delegation'
		});
		expect(citationProblem(citation, lookup)).toBeUndefined();
		expect(p7.text.slice(position.start, position.end)).toBe(citation.quote);
		expect(quote.type).toBe('TextQuoteSelector');
		expect(position.type).toBe('TextPositionSelector');
		expect(quote.exact).toBe(citation.quote);
		expect(quote.prefix).toBe(p7.text.slice(position.start - SELECTOR_CONTEXT, position.start));
		expect(quote.suffix).toBe(p7.text.slice(position.end, position.end + SELECTOR_CONTEXT));
	});

	it('takes a selection made backwards, and trims spaces at its ends', () => {
		const forwards = select(' the latest engagement ');
		const backwards = { ...forwards, anchor: forwards.focus, focus: forwards.anchor };
		const result = citationFromSelection(voa.paragraphs, backwards);
		expect(result.ok && result.passage.citation.quote).toBe('the latest engagement');
	});

	it('keeps typographic quotes and odd spaces as they are in the text', () => {
		const p8 = voa.paragraphs[7]!;
		const result = citationFromSelection(voa.paragraphs, select('“Don’t expect immediate results;', p8));
		expect(result.ok && result.passage.citation.quote).toBe('“Don’t expect immediate results;');
		const odd = splitParagraphs('Strikes hit\u00a0Khost  and Paktika.\n');
		const sel = {
			source: 'own',
			anchor: { paragraph: 'p1', offset: 7 },
			focus: { paragraph: 'p1', offset: 22 }
		};
		const r = citationFromSelection(odd, sel);
		expect(r.ok && r.passage.citation.quote).toBe('hit\u00a0Khost  and');
	});

	it('refuses a selection that runs into another paragraph', () => {
		const result = citationFromSelection(voa.paragraphs, {
			source: 'voa-2024-01',
			anchor: { paragraph: 'p7', offset: 10 },
			focus: { paragraph: 'p8', offset: 5 }
		});
		expect(result).toEqual({
			ok: false,
			message:
				'A citation is one paragraph: this selection runs from p7 into p8. Select within one paragraph, and cite each paragraph on its own.'
		});
	});

	it('takes a triple click, which ends at the start of the next paragraph, as the whole paragraph', () => {
		const result = citationFromSelection(voa.paragraphs, {
			source: 'voa-2024-01',
			anchor: { paragraph: 'p7', offset: 0 },
			focus: { paragraph: 'p8', offset: 0 }
		});
		expect(result.ok && result.passage.citation.quote).toBe(p7.text.trim());
	});

	it('refuses an empty or too short selection, and one outside the text', () => {
		const at = { paragraph: 'p7', offset: 4 };
		expect(citationFromSelection(voa.paragraphs, { source: 'voa-2024-01', anchor: at, focus: at })).toEqual({
			ok: false,
			message: 'Nothing is selected: select the words to cite.'
		});
		expect(
			citationFromSelection(voa.paragraphs, {
				source: 'voa-2024-01',
				anchor: at,
				focus: { ...at, offset: 6 }
			})
		).toMatchObject({ ok: false, message: expect.stringContaining('at least 3 characters') });
		expect(
			citationFromSelection(voa.paragraphs, {
				source: 'voa-2024-01',
				anchor: at,
				focus: { paragraph: 'p7', offset: p7.text.length + 5 }
			})
		).toMatchObject({ ok: false, message: 'The selection is outside the text of p7.' });
		expect(
			citationFromSelection(voa.paragraphs, {
				source: 'voa-2024-01',
				anchor: { paragraph: 'p999', offset: 0 },
				focus: { paragraph: 'p999', offset: 9 }
			})
		).toMatchObject({ ok: false, message: expect.stringContaining('p999') });
	});

	it('never splits a character outside the Basic Multilingual Plane', () => {
		const text = splitParagraphs('Flag 🇵🇰 raised at Torkham\n');
		// An offset inside the second flag's surrogate pair.
		const result = citationFromSelection(text, {
			source: 'own',
			anchor: { paragraph: 'p1', offset: 6 },
			focus: { paragraph: 'p1', offset: 17 }
		});
		expect(result.ok && result.passage.citation.quote).toBe('🇵🇰 raised');
	});
});

describe('anchoring a TextQuote selector again', () => {
	const para = splitParagraphs('The TTP attacked. Later the TTP denied it; the TTP always denies.\n')[0]!;

	it('tells occurrences of the same words apart by prefix and suffix', () => {
		const all = findQuoteOccurrences(para.text, 'the TTP');
		expect(all).toHaveLength(2);
		expect(anchorSelector(para, { exact: 'the TTP', prefix: 'Later ', suffix: ' denied' })).toEqual(all[0]);
		expect(anchorSelector(para, { exact: 'the TTP', prefix: 'it; ', suffix: ' always' })).toEqual(all[1]);
	});

	it('falls back on the position, and finds words across changed whitespace', () => {
		const all = findQuoteOccurrences(para.text, 'the TTP');
		expect(anchorSelector(para, { exact: 'the TTP', prefix: '', suffix: '' }, { start: 45 })).toEqual(all[1]);
		expect(anchorSelector(para, { exact: 'TTP   denied', prefix: '', suffix: '' })).toEqual({
			start: para.text.indexOf('TTP denied'),
			end: para.text.indexOf('TTP denied') + 'TTP denied'.length
		});
		expect(anchorSelector(para, { exact: 'the Taliban', prefix: '', suffix: '' })).toBeNull();
	});

	it('round-trips: the selectors of a selection anchor where it was', () => {
		const p8 = voa.paragraphs[7]!;
		const passage = citationFromSelection(voa.paragraphs, select('the process', p8));
		expect(passage.ok).toBe(true);
		if (!passage.ok) return;
		expect(anchorSelector(p8, passage.passage.quote)).toEqual({
			start: passage.passage.position.start,
			end: passage.passage.position.end
		});
		expect(selectorsOfCitation(voa.paragraphs, passage.passage.citation)?.quote.exact).toBe('the process');
	});
});

describe('the uses of a passage on event drafts', () => {
	const passage = (words: string, paragraph = p7) => {
		const r = citationFromSelection(voa.paragraphs, select(words, paragraph));
		if (!r.ok) throw new Error(r.message);
		return r.passage.citation;
	};

	it('starts a new event cited by it, its places "mentioned" until given a role', () => {
		const citation = passage('Islamabad hosted a high-powered Taliban delegation');
		const draft = startEventFromCitation(citation, ['islamabad', 'islamabad']);
		expect(draft.citations).toEqual([citation]);
		expect(draft.places).toEqual([{ place: 'islamabad', role: 'mentioned' }]);
		expect(draft.title).toBe('');
		expect(draft.date.start).toBe('');
	});

	it('adds it to an existing event, once', () => {
		const bundled = eventDraftOf(events[0]!);
		const citation = passage('Islamabad hosted a high-powered Taliban delegation');
		const once = addCitationToEvent(bundled, citation);
		expect(once.changed).toBe(true);
		expect(once.draft.citations).toEqual([...bundled.citations, citation]);
		expect(bundled.citations).toHaveLength(events[0]!.citations.length); // the original is untouched
		const twice = addCitationToEvent(once.draft, passage('high-powered Taliban'));
		expect(twice.changed).toBe(false);
		expect(twice.message).toContain('Already cited: voa-2024-01 p7');
		expect(removeCitation(once.draft, once.draft.citations.length - 1).citations).toEqual(bundled.citations);
	});

	it("adds it as one side's stance, making the event contested", () => {
		const draft = startEventFromCitation(passage('the latest engagement occurring in early January'));
		expect(draft.contested).toBeNull();
		const claim = addStanceToEvent(draft, {
			party: ' Pakistani diplomat ',
			stance: 'claims',
			citation: passage('continuous interaction can help galvanize the process', voa.paragraphs[7])
		});
		expect(claim.changed).toBe(true);
		expect(claim.draft.contested).toEqual({
			note: '',
			stances: [
				{
					party: 'Pakistani diplomat',
					stance: 'claims',
					citation: expect.objectContaining({ paragraph: 'p8' })
				}
			]
		});
		const again = addStanceToEvent(claim.draft, {
			party: 'pakistani diplomat',
			stance: 'claims',
			citation: passage('continuous interaction', voa.paragraphs[7])
		});
		expect(again.changed).toBe(false);
		const denial = addStanceToEvent(claim.draft, {
			party: 'Taliban',
			stance: 'denies',
			citation: passage('neither side has reported any breakthrough')
		});
		expect(denial.draft.contested?.stances.map((s) => s.stance)).toEqual(['claims', 'denies']);
		expect(removeStance(removeStance(denial.draft, 1), 0).contested).toBeNull();
	});
});
