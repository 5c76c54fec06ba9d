import { describe, expect, it } from 'vitest';
import { changeWords, undoWrite, type RecordState } from '../../src/lib/authoring/record-undo';

const record = (rev: string, deleted: boolean, title: string): RecordState<{ title: string }> => ({
	id: 'torkham-reopens',
	rev,
	deleted,
	data: { title }
});

describe('undoWrite', () => {
	it('puts the previous data back, based on the revision the edit left', () => {
		const before = record('1-a', false, 'Old title');
		const after = record('2-b', false, 'New title');
		expect(undoWrite(before, after)).toEqual({
			op: 'put',
			id: 'torkham-reopens',
			data: { title: 'Old title' },
			baseRev: '2-b'
		});
	});

	it('restores a deleted record from the trash, based on the revision the delete left', () => {
		const before = record('1-a', false, 'Title');
		const after = record('2-b', true, 'Title');
		expect(undoWrite(before, after)).toEqual({ op: 'restore', id: 'torkham-reopens', baseRev: '2-b' });
	});

	it('has nothing to undo when nothing was written, the ids differ or the record was already in the trash', () => {
		expect(undoWrite(record('1-a', false, 'A'), record('1-a', false, 'A'))).toBeNull();
		expect(undoWrite(record('1-a', false, 'A'), { ...record('2-b', false, 'B'), id: 'other' })).toBeNull();
		expect(undoWrite(record('1-a', true, 'A'), record('2-b', true, 'A'))).toBeNull();
	});

	it('undoes an undo: the edit again, the delete again', () => {
		const before = record('1-a', false, 'Old');
		const after = record('2-b', false, 'New');
		const undone = record('3-c', false, 'Old');
		expect(undoWrite(after, undone)).toMatchObject({ op: 'put', data: { title: 'New' }, baseRev: '3-c' });
		expect(undoWrite(before, after)?.baseRev).toBe('2-b');
	});
});

describe('changeWords', () => {
	it('says which change was made, to which title', () => {
		expect(changeWords(record('1-a', false, 'A'), record('2-b', false, 'B'), 'B')).toBe('Edited “B”.');
		expect(changeWords(record('1-a', false, 'A'), record('2-b', true, 'A'), 'A')).toBe('Deleted “A”.');
	});
});
