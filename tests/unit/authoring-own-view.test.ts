/**
 * The atlas as a user with their own records sees it (src/lib/authoring/own-view.ts): their copy
 * of a shipped place stands in its place and their new places come after; their texts and the
 * bundled ones are known by fingerprint; their ids are taken; their sources' paragraphs are found
 * by the event form's checks as the bundled ones are.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AtlasRecordsFile } from '$lib/authoring/atlas-records';
import {
	eventFormContext,
	knownTexts,
	overlay,
	paragraphLookup,
	placesAsSeen,
	sourceIdsTaken,
	type OwnRecords
} from '$lib/authoring/own-view';
import { findSameText, textFingerprint } from '$lib/authoring/text-fingerprint';
import type { WorkspaceRecord } from '$lib/workspace/records';
import { OWN_PLACE, OWN_SOURCE, ownEvent } from '../support/own-evidence';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const voaText = readFileSync('geodata/sources/voa-2024-01.txt', 'utf8');
const atlas: AtlasRecordsFile = {
	places: json('geodata/places.json').places,
	events: json('geodata/events.json').events,
	groups: json('geodata/groups.json').groups,
	sources: [
		{
			id: 'voa-2024-01',
			title: json('geodata/sources/voa-2024-01.json').title,
			fingerprint: textFingerprint(voaText),
			paragraphs: voaText.split('\n').filter((l) => /\S/.test(l))
		}
	]
};

const record = <K extends 'source' | 'place' | 'event'>(kind: K, data: { id: string }) =>
	({
		kind,
		id: data.id,
		rev: '1-a',
		changed: '',
		origin: { how: 'made-here' },
		deleted: false,
		data
	}) as never as WorkspaceRecord<K>;

const torkham = atlas.places.find((p) => p.id === 'torkham')!;
const myTorkham = {
	...torkham,
	mentions: [...torkham.mentions, { source: OWN_SOURCE.id, paragraph: 'p1', quote: 'queued at Torkham' }]
};
const own: OwnRecords = {
	sources: [record('source', OWN_SOURCE)],
	places: [record('place', myTorkham), record('place', OWN_PLACE)],
	events: [record('event', ownEvent())]
};

describe('the atlas with the user’s records laid over it', () => {
	it('puts a copy in the shipped record’s place and new records after', () => {
		expect(
			overlay(
				[
					{ id: 'a', v: 1 },
					{ id: 'b', v: 1 }
				],
				[
					{ id: 'c', v: 2 },
					{ id: 'a', v: 2 }
				]
			)
		).toEqual([
			{ id: 'a', v: 2 },
			{ id: 'b', v: 1 },
			{ id: 'c', v: 2 }
		]);
		const places = placesAsSeen(atlas, own);
		expect(places.length).toBe(atlas.places.length + 1);
		expect(places.find((p) => p.id === 'torkham')!.mentions.at(-1)!.source).toBe(OWN_SOURCE.id);
		expect(places.at(-1)!.id).toBe('jalalabad');
	});

	it('knows the bundled texts and the user’s by fingerprint, however their lines are laid out', () => {
		const known = knownTexts(atlas, own);
		expect(findSameText(textFingerprint(voaText.replaceAll('\n', '\n\n')), known)).toMatchObject({
			id: 'voa-2024-01',
			bundled: true
		});
		expect(findSameText(textFingerprint(OWN_SOURCE.text), known)).toMatchObject({
			id: OWN_SOURCE.id,
			bundled: false
		});
		expect(sourceIdsTaken(atlas, own)).toEqual(new Set(['voa-2024-01', OWN_SOURCE.id]));
	});

	it('finds the paragraphs of the user’s sources and the bundled ones for the event form', () => {
		const lookup = paragraphLookup(atlas, own);
		expect(lookup(OWN_SOURCE.id)![0]).toEqual({ id: 'p1', text: OWN_SOURCE.text.split('\n')[0] });
		expect(lookup('voa-2024-01')![1]!.id).toBe('p2');
		expect(lookup('nowhere')).toBeUndefined();
		const context = eventFormContext(atlas, own, 'torkham-reopens-2025-02');
		expect(context.placeIds.has('jalalabad')).toBe(true);
		expect(context.groupIds.has('crossings')).toBe(true);
		expect(context.takenIds.has('torkham-reopens-2025-02')).toBe(true);
		expect(context.editing).toBe('torkham-reopens-2025-02');
	});
});
