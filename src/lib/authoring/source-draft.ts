/**
 * The metadata form of a user's source, as logic: the fields the bundled sources have (title,
 * publisher, author, date with precision and basis, web address, kind, where it was read), the
 * id proposed from publisher and date, and `sourceFieldErrors`, one message per field, from the
 * one zod schema (../schema/model.ts `Source`, as the workspace stores it with its text) and the
 * date checks of ./date-input.ts. The record it makes is exactly a geodata/sources/<id>.json
 * with its text.
 */
import type { z } from 'zod';
import { SCHEMA_VERSION, type Debris, type SourceKind as SourceKindSchema } from '../schema/model.ts';
import { WorkspaceSource } from '../workspace/records.ts';
import {
	dateSpanFromDraft,
	emptyDateDraft,
	dateDraftOf,
	parseDateText,
	type DateDraft
} from './date-input.ts';
import { addError, zodFieldErrors, type FieldErrors } from './field-errors.ts';
import { proposeSourceId } from './ids.ts';
import { checkIdFree, idsTakenByOthers, type TakenIdsContext } from './taken-ids.ts';

export type OwnSource = z.infer<typeof WorkspaceSource>;
export type SourceKind = z.infer<typeof SourceKindSchema>;

export interface SourceDraft {
	id: string;
	title: string;
	publisher: string;
	author: string;
	date: DateDraft;
	url: string;
	readAt: string;
	kind: SourceKind | '';
	/** Debris marks, kept from the record being edited (the reader marks them). */
	debris: Debris[];
}

export const emptySourceDraft = (): SourceDraft => ({
	id: '',
	title: '',
	publisher: '',
	author: '',
	date: emptyDateDraft(),
	url: '',
	readAt: '',
	kind: '',
	debris: []
});

/** The draft of a source record, to edit it. */
export function sourceDraftOf(source: OwnSource): SourceDraft {
	return {
		id: source.id,
		title: source.title,
		publisher: source.publisher,
		author: source.author ?? '',
		date: dateDraftOf(source.date),
		url: source.url ?? '',
		readAt: source.readAt,
		kind: source.kind,
		debris: source.debris
	};
}

/** What the form's checks need to know of the atlas: the ids of every source it has. */
export type SourceFormContext = TakenIdsContext;

/** Help for each field that must not be empty, shown instead of a bare "Required.". */
const REQUIRED: Record<string, string> = {
	id: 'Required: a short lower-case name such as dawn-2024-05.',
	title: 'Required: the title as the source gives it.',
	publisher: 'Required: who published it (a newspaper, an agency, a think tank).',
	readAt: 'Required: where you read this text (the site, a republication, a print copy).',
	kind: 'Choose news, opinion or policy paper.'
};

/** The id to propose for a draft: from its publisher and date, unique in the atlas. */
export function proposeIdFor(draft: SourceDraft, context: SourceFormContext): string {
	const date = parseDateText(draft.date.start);
	return proposeSourceId(draft.publisher, date.ok ? date.start : undefined, idsTakenByOthers(context));
}

const optional = (value: string) => {
	const v = value.trim();
	return v ? v : undefined;
};

/**
 * The record of a draft with its text, and every problem at its field. The record is given only
 * when there is no problem.
 */
export function sourceFromDraft(
	draft: SourceDraft,
	text: string,
	context: SourceFormContext
): { source?: OwnSource; errors: FieldErrors } {
	const dated = dateSpanFromDraft(draft.date);
	const id = draft.id.trim();
	const author = optional(draft.author);
	const url = optional(draft.url);
	const candidate = {
		schemaVersion: SCHEMA_VERSION,
		id,
		title: draft.title.trim(),
		publisher: draft.publisher.trim(),
		...(author ? { author } : {}),
		// A stand-in that passes the schema when the date has problems of its own, reported below.
		date: dated.span ?? { start: '1000', precision: 'year', basis: 'explicit' },
		...(url ? { url } : {}),
		readAt: draft.readAt.trim(),
		kind: draft.kind,
		textFile: `${id}.txt`,
		debris: draft.debris,
		text
	};
	const parsed = WorkspaceSource.safeParse(candidate);
	const errors: FieldErrors = parsed.success ? {} : zodFieldErrors(parsed.error);
	delete errors.textFile; // follows from the id, whose own message says what is wrong
	for (const field of Object.keys(errors)) {
		const empty = !String(candidate[field as keyof typeof candidate] ?? '').trim();
		if (REQUIRED[field] && empty) errors[field] = REQUIRED[field];
	}
	if (errors.text || !/\S/.test(text)) errors.text = 'The source has no text: paste it or open its file.';
	for (const [field, message] of Object.entries(dated.errors)) errors[field] = message;
	checkIdFree(errors, id, context, 'a source', () => proposeIdFor(draft, context));
	if (url && !errors.url && !/^https?:\/\/[^/\s]+\.[^/\s]+/i.test(url))
		addError(errors, 'url', 'Must be a full web address, starting with https:// or http://.');
	if (Object.keys(errors).length || !parsed.success) return { errors };
	return { source: parsed.data, errors };
}

/** One message per field of the draft (empty when it can be saved). */
export function sourceFieldErrors(draft: SourceDraft, text: string, context: SourceFormContext): FieldErrors {
	return sourceFromDraft(draft, text, context).errors;
}
