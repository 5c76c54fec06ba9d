/**
 * One user's own evidence, as the workspace stores it: a pasted news source, a place the atlas
 * does not ship (Jalalabad, from the gazetteer) and an event at Torkham (shipped) and Jalalabad
 * that cites the source. Shared by the unit test of the collection and the e2e tests of the map,
 * which bring it into the browser as a workspace file.
 */
import type { Event, Place } from '../../src/lib/schema/model';
import type { BrowserSession } from './session';

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

/** A record as a workspace file carries it: made here, at its first revision. */
const record = (kind: string, data: { id: string }) => ({
	kind,
	id: data.id,
	rev: '1-0123456789abcdef',
	changed: '2025-03-01T12:00:00.000Z',
	origin: { how: 'made-here' },
	deleted: false,
	data
});

/**
 * Brings the source, the place and `event` into the browser's workspace as a workspace file
 * ("Import a workspace file…" on the list of decks), in a page of its own closed after.
 */
export async function importOwnEvidence(session: BrowserSession, event: Event = ownEvent()) {
	const file = {
		format: 'frontier-atlas-workspace',
		schemaVersion: 1,
		appVersion: '0.1.0',
		exported: '2025-03-01T12:00:00.000Z',
		records: [record('source', OWN_SOURCE), record('place', OWN_PLACE), record('event', event)]
	};
	const list = await session.open('/briefing/', { map: false });
	// The input is wired once the page has read the workspace (and found no decks in it).
	await list.getByText('No decks in this browser yet.').waitFor();
	await list.getByLabel('Import a workspace file…').setInputFiles({
		name: 'mine.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(file))
	});
	await list.getByText(/mine\.json: Imported 3 records/).waitFor();
	await list.close();
}
