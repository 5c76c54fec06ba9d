/**
 * Where a record of the workspace came from, kept for as long as the record is: made in this
 * browser, imported from a named file, or copied from a record the atlas ships (a deck of
 * geodata/briefings, a place or event of the gazetteer). Edits keep the origin: a copy of a
 * shipped deck stays "copied from" it however much it is changed.
 */
import { z } from 'zod';
import { Id } from '../schema/model.ts';

/** The kinds of record a workspace holds (and a shipped record may be copied from). */
export const RECORD_KINDS = ['deck', 'source', 'place', 'event', 'dataset'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
export const RecordKindSchema = z.enum(RECORD_KINDS);

export const Origin = z.discriminatedUnion('how', [
	z.strictObject({ how: z.literal('made-here') }),
	/** `file` is the file's name as the user's system gave it (no path). */
	z.strictObject({ how: z.literal('imported'), file: z.string().min(1).max(260) }),
	z.strictObject({ how: z.literal('copied'), kind: RecordKindSchema, id: Id })
]);
export type Origin = z.infer<typeof Origin>;

export const MADE_HERE: Origin = { how: 'made-here' };

/** The origin in words for the UI: "made in this browser", "imported from file x.json", … */
export function describeOrigin(origin: Origin): string {
	switch (origin.how) {
		case 'made-here':
			return 'made in this browser';
		case 'imported':
			return `imported from file ${origin.file}`;
		case 'copied':
			return `copied from the shipped ${origin.kind} ${origin.id}`;
	}
}
