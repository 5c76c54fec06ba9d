/**
 * Records of the workspace: written after validation with their kind's zod schema, each with a
 * stable id, a revision that grows on every write, a last-changed time and an origin; deleted
 * into a trash of tombstones that can be undone; refused, naming record and field, when invalid.
 */
import { describe, expect, it } from 'vitest';
import { aPlace, anEvent, freshOptions, open, ownDeck } from './workspace-fixtures';
import { describeOrigin } from '$lib/workspace/origin';
import { isWorkspaceError, type WorkspaceError } from '$lib/workspace/errors';
import { REV_PATTERN, revGeneration } from '$lib/workspace/rev';
import { formatRecordProblem } from '$lib/workspace/records';

async function refusal(promise: Promise<unknown>): Promise<WorkspaceError> {
	const error = await promise.then(
		() => undefined,
		(e: unknown) => e
	);
	expect(isWorkspaceError(error), String(error)).toBe(true);
	return error as WorkspaceError;
}

describe('workspace records', () => {
	it('stores a deck in the shape of geodata/briefings with id, rev, time and origin', async () => {
		const ws = await open();
		const saved = await ws.put('deck', ownDeck());
		expect(saved).toMatchObject({
			kind: 'deck',
			id: 'my-deck',
			deleted: false,
			changed: '2024-05-01T12:00:00.000Z',
			origin: { how: 'made-here' }
		});
		expect(saved.rev).toMatch(REV_PATTERN);
		expect(revGeneration(saved.rev)).toBe(1);
		expect(await ws.get('deck', 'my-deck')).toEqual(saved);
		expect((await ws.list('deck')).map((r) => r.id)).toEqual(['my-deck']);
		expect(await ws.get('deck', 'no-such-deck')).toBeUndefined();
	});

	it('stores places, events and sources with the schemas of model.ts', async () => {
		const ws = await open();
		const place = await ws.put('place', aPlace());
		const event = await ws.put('event', anEvent());
		const source = await ws.put('source', {
			schemaVersion: 1,
			id: 'my-notes',
			title: 'Field notes',
			publisher: 'Me',
			date: { start: '2024-05', precision: 'month', basis: 'explicit' },
			readAt: 'my notebook',
			kind: 'news',
			textFile: 'my-notes.txt',
			debris: [],
			text: 'First paragraph.\n\nSecond paragraph.\n'
		});
		expect([place.kind, event.kind, source.kind]).toEqual(['place', 'event', 'source']);
		expect((await ws.get('source', 'my-notes'))?.data.text).toBe('First paragraph.\n\nSecond paragraph.\n');
	});

	it('gives every write a new revision one generation up, and keeps the origin', async () => {
		const ws = await open();
		const first = await ws.put('deck', ownDeck(), {
			origin: { how: 'copied', kind: 'deck', id: 'border-story' }
		});
		const second = await ws.put('deck', { ...first.data, title: 'Renamed' }, { baseRev: first.rev });
		const third = await ws.put('deck', second.data, { baseRev: second.rev });
		expect([first, second, third].map((r) => revGeneration(r.rev))).toEqual([1, 2, 3]);
		expect(new Set([first.rev, second.rev, third.rev]).size).toBe(3);
		expect(third.changed > first.changed).toBe(true);
		expect(describeOrigin(third.origin)).toBe('copied from the shipped deck border-story');
	});

	it('computes the same revision for the same content from the same parent', async () => {
		const a = await open();
		const b = await open(freshOptions());
		const ra = await a.put('deck', ownDeck());
		const rb = await b.put('deck', ownDeck());
		const rc = await b.put('deck', ownDeck('my-deck', 'Other title'), { baseRev: rb.rev });
		expect(ra.rev).toBe(rb.rev);
		expect(rc.rev).not.toBe(rb.rev);
	});

	it('describes every origin in words', () => {
		expect(describeOrigin({ how: 'made-here' })).toBe('made in this browser');
		expect(describeOrigin({ how: 'imported', file: 'backup.json' })).toBe('imported from file backup.json');
		expect(describeOrigin({ how: 'copied', kind: 'event', id: 'x' })).toBe('copied from the shipped event x');
	});

	it.each<[string, () => [kind: 'deck' | 'place' | 'event', data: unknown], RegExp]>([
		[
			'a deck scene without citations',
			() => {
				const deck = ownDeck();
				deck.scenes[0]!.citations = [];
				return ['deck', deck];
			},
			/^deck "my-deck" › field scenes\[0\]\.citations: Too small/
		],
		[
			'a deck of another schema version',
			() => ['deck', { ...ownDeck(), schemaVersion: 2 }],
			/^deck "my-deck" › field schemaVersion: Invalid input: expected 1$/
		],
		[
			'a place off the globe',
			() => ['place', { ...aPlace(), coordinates: [200, 10] }],
			/^place "afghanistan" › field coordinates\[0\]: Too big/
		],
		[
			'an event with an unknown field',
			() => ['event', { ...anEvent(), casualties: 12 }],
			/^event "fata-autonomous-status-from-1947": Unrecognized key: "casualties"$/
		],
		[
			'an id that is not kebab-case',
			() => ['deck', { ...ownDeck(), id: 'Not Kebab' }],
			/^deck "Not Kebab" › field id: must be lower-case kebab-case$/
		],
		[
			'a record without an id',
			() => ['deck', { ...ownDeck(), id: undefined }],
			/^deck \(without a valid id\) › field id: Invalid input/
		]
	])('refuses %s, naming record and field, and writes nothing', async (_, make, expected) => {
		const ws = await open();
		const [kind, data] = make();
		const error = await refusal(ws.put(kind, data as never));
		expect(error.code).toBe('invalid');
		const messages = error.problems.map(formatRecordProblem);
		expect(
			messages.some((m) => expected.test(m)),
			messages.join('\n')
		).toBe(true);
		expect(error.message).toMatch(/^Nothing was saved \(\d+ problems?\):/);
		expect(await ws.list(kind)).toEqual([]);
	});

	it('refuses a record kind it does not know', async () => {
		const ws = await open();
		const error = await refusal(ws.put('spreadsheet' as never, {} as never));
		expect(error.code).toBe('invalid');
		expect(error.message).toContain('a record of kind "spreadsheet": unknown record kind');
	});

	it('refuses to create a record whose id is taken, or to update without the current revision', async () => {
		const ws = await open();
		const saved = await ws.put('deck', ownDeck());
		const again = await refusal(ws.put('deck', ownDeck()));
		expect(again.code).toBe('conflict');
		expect(again.message).toBe(
			'deck "my-deck" already exists (saved in another tab?): open it to change it.'
		);
		const stale = await refusal(ws.put('deck', ownDeck(), { baseRev: '1-00000000000000' }));
		expect(stale.conflicts).toEqual([
			expect.objectContaining({
				kind: 'deck',
				id: 'my-deck',
				baseRev: '1-00000000000000',
				currentRev: saved.rev
			})
		]);
		const missing = await refusal(ws.put('deck', ownDeck('other'), { baseRev: saved.rev }));
		expect(missing.code).toBe('not-found');
		expect((await ws.get('deck', 'my-deck'))?.rev).toBe(saved.rev);
	});

	describe('trash', () => {
		it('keeps a deleted record as a tombstone that restore brings back', async () => {
			const ws = await open();
			const saved = await ws.put('deck', ownDeck());
			const removed = await ws.remove('deck', 'my-deck', { baseRev: saved.rev });
			expect(removed).toMatchObject({ deleted: true, data: saved.data });
			expect(revGeneration(removed.rev)).toBe(2);
			expect(await ws.list('deck')).toEqual([]);
			expect((await ws.list('deck', { trash: true })).map((r) => r.id)).toEqual(['my-deck']);
			expect((await ws.get('deck', 'my-deck'))?.deleted).toBe(true);

			const restored = await ws.restore('deck', 'my-deck', { baseRev: removed.rev });
			expect(restored).toMatchObject({ deleted: false, data: saved.data, origin: saved.origin });
			expect(revGeneration(restored.rev)).toBe(3);
			expect((await ws.list('deck')).map((r) => r.id)).toEqual(['my-deck']);
			expect(await ws.list('deck', { trash: true })).toEqual([]);
		});

		it('refuses to edit a record another tab moved to the trash', async () => {
			const ws = await open();
			const saved = await ws.put('deck', ownDeck());
			await ws.remove('deck', 'my-deck', { baseRev: saved.rev });
			const error = await refusal(ws.put('deck', ownDeck(), { baseRev: saved.rev }));
			expect(error.code).toBe('conflict');
			expect(error.message).toBe(
				'deck "my-deck" was moved to the trash in another tab; nothing was changed.'
			);
			const create = await refusal(ws.put('deck', ownDeck()));
			expect(create.message).toBe(
				'deck "my-deck" is in the trash: restore it, or give the new one another id.'
			);
		});

		it('purges only what is in the trash, keeping a tombstone without data', async () => {
			const ws = await open();
			const saved = await ws.put('deck', ownDeck());
			expect((await refusal(ws.purge('deck', 'my-deck', { baseRev: saved.rev }))).message).toBe(
				'deck "my-deck" is not in the trash.'
			);
			const removed = await ws.remove('deck', 'my-deck', { baseRev: saved.rev });
			const purged = await ws.purge('deck', 'my-deck', { baseRev: removed.rev });
			expect(purged).toMatchObject({ kind: 'deck', id: 'my-deck', deleted: true });
			expect(await ws.get('deck', 'my-deck')).toBeUndefined();
			expect(await ws.list('deck', { trash: true })).toEqual([]);
			// The id can be used again, a generation above the tombstone.
			const reborn = await ws.put('deck', ownDeck());
			expect(revGeneration(reborn.rev)).toBe(4);
		});
	});
});
