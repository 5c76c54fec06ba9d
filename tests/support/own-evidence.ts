/**
 * One user's own evidence, as the workspace stores it: a pasted news source, a place the atlas
 * does not ship (Jalalabad, from the gazetteer) and an event at Torkham (shipped) and Jalalabad
 * that cites the source. Shared by the unit test of the collection and the e2e test of the map.
 */
import type { Event, Place } from '../../src/lib/schema/model';

export const OWN_QUOTE = 'Trucks bound for Jalalabad queued at Torkham on Monday as the crossing reopened.';

export const OWN_SOURCE = {
	schemaVersion: 1,
	id: 'border-daily-2025-02',
	title: 'Torkham crossing reopens after talks',
	publisher: 'Border Daily',
	date: { start: '2025-02', precision: 'month', basis: 'explicit' },
	readAt: 'Pasted into the atlas',
	kind: 'news',
	textFile: 'border-daily-2025-02.txt',
	debris: [],
	text: `${OWN_QUOTE}\n\nOfficials on both sides said trade would resume.`
} as const;

export const OWN_PLACE: Place = {
	id: 'jalalabad',
	name: 'Jalalabad',
	aliases: [],
	type: 'city',
	country: 'AF',
	coordinates: [70.45, 34.43],
	precision: 'exact',
	coordinateSource: 'GeoNames (the atlas gazetteer)',
	mentions: [{ source: OWN_SOURCE.id, paragraph: 'p1', quote: 'Trucks bound for Jalalabad' }]
};

/** The user's event, with any field replaced. */
export const ownEvent = (overrides: Partial<Event> = {}): Event => ({
	id: 'torkham-reopens-2025-02',
	title: 'Torkham reopens to Jalalabad traffic',
	summary: 'The crossing reopened and trucks queued for Jalalabad.',
	date: { start: '2025-02', precision: 'month', basis: 'explicit' },
	places: [
		{ place: 'torkham', role: 'site' },
		{ place: 'jalalabad', role: 'destination' }
	],
	actors: [],
	type: 'crossing-reopened',
	group: 'crossings',
	citations: [{ source: OWN_SOURCE.id, paragraph: 'p1', quote: OWN_QUOTE }],
	...overrides
});
