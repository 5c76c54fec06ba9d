/**
 * The event form as logic, over the real atlas: a draft with a month-only date, places with roles,
 * actors and a citation makes an event the schema and the validator accept; every problem (the
 * schema's and the cross-checks': quotes not verbatim, unknown places and groups, dates not real
 * or out of order, things listed twice, an id taken) is a message at its field; bundled events
 * come back unchanged through a draft; actors, types and places complete from the atlas.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '$lib/server/data/load';
import { Event } from '$lib/schema/model';
import {
	emptyEventDraft,
	eventDraftOf,
	eventFieldErrors,
	eventFromDraft,
	proposeIdForEvent,
	type EventDraft,
	type EventFormContext
} from '$lib/authoring/event-draft';
import { knownActors, knownTypes, suggest, suggestPlaces } from '$lib/authoring/suggestions';

const { sources, places, events, groups } = loadGeodata();
const context: EventFormContext = {
	paragraphsOf: (id) => sources.find((s) => s.meta.id === id)?.paragraphs,
	placeIds: new Set(places.map((p) => p.id)),
	groupIds: new Set(groups.map((g) => g.id)),
	takenIds: new Set(events.map((e) => e.id))
};

const QUOTE = 'Islamabad hosted a high-powered Taliban delegation';

function draft(patch: Partial<EventDraft> = {}): EventDraft {
	return {
		...emptyEventDraft(),
		id: 'taliban-delegation-islamabad-2024-01',
		title: 'Taliban delegation in Islamabad',
		summary: 'VOA reports that a senior Taliban delegation held talks in Islamabad in early January.',
		date: { start: 'January 2024', end: '', precision: '', basis: 'explicit', note: '' },
		places: [{ place: 'islamabad', role: 'venue' }],
		actors: ['Pakistan government', 'Afghan Taliban'],
		type: 'talks',
		group: 'diplomacy',
		citations: [{ source: 'voa-2024-01', paragraph: 'p7', quote: QUOTE }],
		...patch
	};
}

describe('eventFromDraft', () => {
	it('makes an event with a month-only date that the schema accepts', () => {
		expect(context.placeIds.has('islamabad')).toBe(true);
		const { event, errors, warnings } = eventFromDraft(draft(), context);
		expect(errors).toEqual({});
		expect(warnings).toEqual({});
		expect(event).toEqual({
			id: 'taliban-delegation-islamabad-2024-01',
			title: 'Taliban delegation in Islamabad',
			summary: 'VOA reports that a senior Taliban delegation held talks in Islamabad in early January.',
			date: { start: '2024-01', precision: 'month', basis: 'explicit' },
			places: [{ place: 'islamabad', role: 'venue' }],
			actors: ['Pakistan government', 'Afghan Taliban'],
			type: 'talks',
			group: 'diplomacy',
			citations: [{ source: 'voa-2024-01', paragraph: 'p7', quote: QUOTE }]
		});
		expect(Event.safeParse(event).success).toBe(true);
	});

	it('gives back every bundled event unchanged through a draft (editing one changes nothing by itself)', () => {
		for (const e of events) {
			const { event, errors } = eventFromDraft(eventDraftOf(e), { ...context, editing: e.id });
			// A bundled event whose inferred date has no note would be asked for one: none is.
			expect(errors, e.id).toEqual({});
			expect(event, e.id).toEqual(e);
		}
	});

	it('puts each problem at its field', () => {
		const errors = eventFieldErrors(
			draft({
				id: 'Bad id',
				title: ' ',
				summary: '',
				date: { start: '2024-02-30', end: '', precision: '', basis: '', note: '' },
				places: [
					{ place: 'atlantis', role: 'site' },
					{ place: 'islamabad', role: '' }
				],
				actors: ['TTP', ''],
				type: '',
				group: 'weather',
				citations: [
					{ source: 'voa-2024-01', paragraph: 'p7', quote: 'Islamabad hosted a low-powered delegation' }
				]
			}),
			context
		);
		expect(errors).toEqual({
			id: 'must be lower-case kebab-case',
			title: expect.stringContaining('Required: a short title'),
			summary: expect.stringContaining('Required: what happened'),
			'date.start': '“2024-02-30” is not a real date.',
			'date.basis': expect.stringContaining('Say where the date comes from'),
			'places[0].place': 'No place “atlantis” in the atlas.',
			'places[1].role': 'Choose the place’s role (site, target, origin …).',
			'actors[1]': 'An actor needs a name (or remove it).',
			type: expect.stringContaining('Required: the kind of event'),
			group: 'No layer group “weather” in the atlas.',
			'citations[0]': expect.stringContaining('quote is not verbatim in voa-2024-01 p7')
		});
	});

	it('refuses a non-verbatim quote, an unknown paragraph or source, and a passage cited twice', () => {
		const cite = (quote: string, paragraph = 'p7', source = 'voa-2024-01') => ({ source, paragraph, quote });
		expect(
			eventFieldErrors(draft({ citations: [cite(QUOTE.replace('high', 'High'))] }), context)['citations[0]']
		).toContain('not verbatim');
		expect(eventFieldErrors(draft({ citations: [cite(QUOTE, 'p9999')] }), context)['citations[0]']).toContain(
			'has no paragraph p9999'
		);
		expect(
			eventFieldErrors(draft({ citations: [cite(QUOTE, 'p7', 'nowhere-2024')] }), context)['citations[0]']
		).toBe('unknown source "nowhere-2024"');
		expect(eventFieldErrors(draft({ citations: [cite(QUOTE), cite(`  ${QUOTE} `)] }), context)).toEqual({
			'citations[1]': 'This passage is cited twice.'
		});
		expect(eventFieldErrors(draft({ citations: [] }), context).citations).toContain(
			'Cite at least one passage'
		);
	});

	it('checks dates: order, precision, and a note for an inferred date', () => {
		const when = (patch: Partial<EventDraft['date']>) => draft({ date: { ...draft().date, ...patch } });
		expect(eventFieldErrors(when({ start: '2024-03', end: '2024-01' }), context)).toEqual({
			'date.end': 'The end (2024-01) is before the start (2024-03).'
		});
		expect(eventFieldErrors(when({ precision: 'day' }), context)['date.precision']).toContain(
			'“Day” needs a full date'
		);
		expect(eventFieldErrors(when({ basis: 'inferred' }), context)['date.note']).toContain(
			'Say how you inferred'
		);
		expect(eventFromDraft(when({ start: 'winter 2023–24' }), context).event?.date).toEqual({
			start: '2023-12',
			end: '2024-02',
			precision: 'season',
			basis: 'explicit'
		});
	});

	it('refuses places and actors listed twice, and an id already taken', () => {
		expect(
			eventFieldErrors(
				draft({
					places: [
						{ place: 'islamabad', role: 'venue' },
						{ place: 'islamabad', role: 'site' }
					]
				}),
				context
			)
		).toEqual({ 'places[1].place': 'Listed twice (also place 1): give it one role.' });
		expect(eventFieldErrors(draft({ actors: ['TTP', 'ttp'] }), context)).toEqual({
			'actors[1]': '“ttp” is listed twice.'
		});
		const taken = events[0]!.id;
		expect(eventFieldErrors(draft({ id: taken }), context).id).toContain(
			`“${taken}” is already the id of an event`
		);
		expect(eventFieldErrors(draft({ id: taken }), { ...context, editing: taken })).toEqual({});
	});

	it('checks a contested event: a note, its sides, each cited verbatim', () => {
		const stance = {
			party: 'Taliban',
			stance: 'denies' as const,
			citation: {
				source: 'voa-2024-01',
				paragraph: 'p7',
				quote: 'neither side has reported any breakthrough'
			}
		};
		expect(eventFieldErrors(draft({ contested: { note: '', stances: [] } }), context)).toEqual({
			'contested.note': expect.stringContaining('say what is disputed'),
			'contested.stances': expect.stringContaining('Add at least one side')
		});
		expect(
			eventFieldErrors(
				draft({
					contested: {
						note: 'Only VOA reports it.',
						stances: [
							{ ...stance, party: '', stance: '' },
							{ ...stance, citation: { ...stance.citation, quote: 'a breakthrough was reported' } }
						]
					}
				}),
				context
			)
		).toEqual({
			'contested.stances[0].party': 'Required: who takes this side.',
			'contested.stances[0].stance': 'Choose claims, denies or disputes.',
			'contested.stances[1].citation': expect.stringContaining('not verbatim')
		});
		expect(
			eventFromDraft(draft({ contested: { note: 'Only VOA reports it.', stances: [stance] } }), context).event
				?.contested
		).toEqual({
			note: 'Only VOA reports it.',
			stances: [stance]
		});
	});

	it('warns, without refusing, when the summary copies a quote', () => {
		const { event, warnings } = eventFromDraft(draft({ summary: `VOA: ${QUOTE}.` }), context);
		expect(event).toBeDefined();
		expect(warnings.summary).toContain('repeats a quote of voa-2024-01 p7 word for word');
	});

	it('proposes a free id from the title and date', () => {
		expect(proposeIdForEvent(draft({ id: '' }), context)).toBe('taliban-delegation-islamabad-2024-01');
		expect(proposeIdForEvent(draft(), { takenIds: new Set(['taliban-delegation-islamabad-2024-01']) })).toBe(
			'taliban-delegation-islamabad-2024-01-2'
		);
	});
});

describe('completions', () => {
	const actors = knownActors(events);
	const types = knownTypes(events);

	it('offers the actors the atlas uses, most used first, matching any word, ignoring case and diacritics', () => {
		const counts = new Map<string, number>();
		for (const a of events.flatMap((e) => e.actors)) counts.set(a, (counts.get(a) ?? 0) + 1);
		expect(actors[0]!.uses).toBe(Math.max(...counts.values()));
		const taliban = suggest('tal', actors);
		expect(taliban.length).toBeGreaterThan(0);
		for (const a of taliban) expect(a.toLowerCase()).toMatch(/(^|[\s\-(])tal/);
		expect(suggest('TALIBAN', actors)).toEqual(suggest('taliban', actors));
		expect(suggest('tal', actors, taliban.slice(0, 1))).not.toContain(taliban[0]);
	});

	it('offers event types and places', () => {
		expect(types.map((t) => t.value)).toContain(events[0]!.type);
		expect(suggest(events[0]!.type.slice(0, 4), types)).toContain(events[0]!.type);
		const found = suggestPlaces('sawabi', places);
		expect(found[0]).toEqual({
			id: 'swabi-district',
			label: expect.stringMatching(/^Swabi \(district, PK\)$/)
		});
		expect(suggestPlaces('kabul', places).map((p) => p.id)).toEqual(
			expect.arrayContaining(['kabul', 'kabul-province'])
		);
	});
});
