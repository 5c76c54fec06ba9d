/**
 * A link selecting one of the user's own events or places: set aside until the workspace is read,
 * then selected if it is theirs, or reported as unknown; shipped ids and malformed values are left
 * to the link parser, which selects or reports them at once.
 */
import { describe, expect, it } from 'vitest';
import { setAsideOwnSelection, settleAwaitedSelection } from '../../src/lib/state/awaited-selection';

const known = { events: ['torkham-closed-2023-09'], places: ['torkham'] };

describe('setAsideOwnSelection', () => {
	it('sets aside a well-formed id the shipped evidence lacks, and keeps the rest of the link', () => {
		const { params, awaited } = setAsideOwnSelection(
			new URLSearchParams('place=ghulam-khan-crossing&from=2025-03'),
			known
		);
		expect(awaited).toEqual({ kind: 'place', id: 'ghulam-khan-crossing' });
		expect(params.toString()).toBe('from=2025-03');
		expect(setAsideOwnSelection(new URLSearchParams('event=my-event-2025-03'), known).awaited).toEqual({
			kind: 'event',
			id: 'my-event-2025-03'
		});
	});

	it('leaves shipped ids, malformed values and repeated parameters to the parser', () => {
		for (const query of [
			'place=torkham',
			'event=torkham-closed-2023-09&place=mine',
			'place=javascript:alert(1)',
			'place=Torkham',
			`place=${'a'.repeat(201)}`,
			'place=a&place=b',
			'map=6/33/69'
		]) {
			const given = new URLSearchParams(query);
			const { params, awaited } = setAsideOwnSelection(given, known);
			expect(awaited, query).toBeNull();
			expect(params.toString(), query).toBe(given.toString());
		}
	});
});

describe('settleAwaitedSelection', () => {
	it("selects the user's own record, or says there is no such id", () => {
		const awaited = { kind: 'place' as const, id: 'ghulam-khan-crossing' };
		expect(settleAwaitedSelection(awaited, (kind, id) => kind === 'place' && id === awaited.id)).toEqual({
			selected: awaited
		});
		expect(settleAwaitedSelection(awaited, () => false)).toEqual({
			warning:
				'Ignored place="ghulam-khan-crossing": there is no place with this id, in the atlas or among those added in this browser.'
		});
	});
});
