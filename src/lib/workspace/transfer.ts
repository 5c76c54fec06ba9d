/**
 * The workspace file: the whole of a user's workspace as one JSON file, to keep a copy, move it
 * to another browser or hand it to a colleague. Its format has its own version, independent of
 * the database's. Reading a file checks everything before anything is written: its size (before
 * parsing), that it is JSON, its format and version, and every record (its kind, its envelope,
 * its data against the kind's schema, a dataset's rows against its counts and hash). Every
 * problem names where it is: `records[3] (deck "x") › field data.scenes[0].title: …`.
 */
import { z } from 'zod';
import { Id } from '../schema/model.ts';
import { invalidRecords, WorkspaceError } from './errors.ts';
import { rowProblems, rowsHash, type Row } from './datasets.ts';
import { Origin } from './origin.ts';
import { formatBytes } from './persistence.ts';
import {
	RECORD_KINDS,
	RECORD_SCHEMAS,
	isRecordKind,
	parseRecordData,
	recordLabel,
	type RecordData,
	type RecordKind,
	type RecordProblem,
	type StoredRecord
} from './records.ts';
import { REV_PATTERN } from './rev.ts';

export const WORKSPACE_FORMAT = 'frontier-atlas-workspace';
/** The version of the file format this code writes and reads. */
export const WORKSPACE_FILE_VERSION = 1;
/**
 * The largest workspace file imported: parsing a file holds it in memory several times over,
 * and a tab that runs out of memory loses more than the import. Larger datasets are better
 * re-imported from their original files.
 */
export const MAX_WORKSPACE_FILE_BYTES = 40_000_000;

/** A record in the file: its envelope and data, and a dataset's rows. */
export interface WorkspaceFileRecord {
	kind: RecordKind;
	id: string;
	rev: string;
	changed: string;
	origin: Origin;
	deleted: boolean;
	data: RecordData;
	/** Datasets only: every row, in order. */
	rows?: Row[];
}

export interface WorkspaceFile {
	format: typeof WORKSPACE_FORMAT;
	schemaVersion: typeof WORKSPACE_FILE_VERSION;
	/** The version of the atlas that wrote the file. */
	appVersion: string;
	/** When it was written, ISO 8601 UTC. */
	exported: string;
	records: WorkspaceFileRecord[];
}

/** `frontier-atlas-workspace-2024-05-01.json` */
export function workspaceFileName(when: Date): string {
	return `${WORKSPACE_FORMAT}-${when.toISOString().slice(0, 10)}.json`;
}

/** The file of these records (trash included, purged tombstones not: they hold no data). */
export function buildWorkspaceFile(
	records: readonly StoredRecord[],
	rowsOf: (datasetId: string) => Row[],
	appVersion: string,
	when: Date
): WorkspaceFile {
	return {
		format: WORKSPACE_FORMAT,
		schemaVersion: WORKSPACE_FILE_VERSION,
		appVersion,
		exported: when.toISOString(),
		records: records
			.filter((r) => !r.purged && r.data)
			.map(({ kind, id, rev, changed, origin, deleted, data }) => ({
				kind,
				id,
				rev,
				changed,
				origin,
				deleted,
				data: data!,
				...(kind === 'dataset' ? { rows: rowsOf(id) } : {})
			}))
	};
}

/** UTF-8 length without encoding a copy of the text. */
function utf8Length(text: string): number {
	let bytes = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) bytes += 1;
		else if (c < 0x800) bytes += 2;
		else if (c >= 0xd800 && c <= 0xdbff) {
			bytes += 4;
			i++;
		} else bytes += 3;
	}
	return bytes;
}

const fileProblem = (message: string): RecordProblem => ({ record: 'the file', message });

/**
 * The text of a file, refused without being read when it is larger than `limit` bytes (a string
 * is measured before anything else is done with it).
 */
export async function readLimitedText(file: Blob | string, limit: number, what: string): Promise<string> {
	const size = typeof file === 'string' ? (file.length > limit ? file.length : utf8Length(file)) : file.size;
	if (size > limit)
		throw new WorkspaceError(
			'bad-file',
			`This ${what} is too large to import: it is ${formatBytes(size)}, and the limit is ${formatBytes(limit)}. Nothing was changed.`,
			{ problems: [fileProblem(`${formatBytes(size)} is over the limit of ${formatBytes(limit)}`)] }
		);
	const text = typeof file === 'string' ? file : await file.text();
	return text.replace(/^\uFEFF/, '');
}

/** Where the parser stopped, in words: "line 3, column 14", from the position it reports. */
function whereJsonFailed(text: string, error: Error): string {
	const position = /position (\d+)/.exec(error.message);
	if (position) {
		const before = text.slice(0, Number(position[1]));
		const line = before.split('\n').length;
		return ` (line ${line}, column ${before.length - before.lastIndexOf('\n')})`;
	}
	return /end of JSON input/.test(error.message) ? ' (the file ends early: was it cut off?)' : '';
}

/** Parses JSON; bad JSON is a `bad-file` error quoting the parser and saying where it stopped. */
export function parseJsonFile(text: string, what: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		const message = `not valid JSON: ${(e as Error).message.replace(/ \(line \d+ column \d+\)$/, '')}${whereJsonFailed(text, e as Error)}`;
		throw new WorkspaceError('bad-file', `This ${what} cannot be read: ${message}. Nothing was changed.`, {
			problems: [fileProblem(message)]
		});
	}
}

const Envelope = z.strictObject({
	kind: z.string(),
	id: Id,
	rev: z.string().regex(REV_PATTERN, 'must be a revision like 3-1f2e3d4c5b6a79'),
	changed: z.iso.datetime({ message: 'must be an ISO 8601 UTC time like 2024-05-01T12:00:00.000Z' }),
	origin: Origin,
	deleted: z.boolean(),
	data: z.unknown(),
	rows: z.array(z.unknown()).optional()
});

const Header = z.object({
	format: z.literal(WORKSPACE_FORMAT),
	schemaVersion: z.number().int(),
	appVersion: z.string(),
	exported: z.iso.datetime(),
	records: z.array(z.unknown())
});

function badFile(problems: RecordProblem[]): WorkspaceError {
	const error = invalidRecords(problems, 'This workspace file cannot be imported, and nothing was changed');
	return new WorkspaceError('bad-file', error.message, { problems });
}

/** Checks one record of the file; its problems name it as `records[i] (kind "id")`. */
function checkFileRecord(
	value: unknown,
	i: number,
	problems: RecordProblem[]
): WorkspaceFileRecord | undefined {
	const raw = value as { kind?: unknown; id?: unknown } | null;
	const kind = raw && typeof raw === 'object' ? raw.kind : undefined;
	const where = `records[${i}]${isRecordKind(kind) ? ` (${recordLabel(kind, raw!.id)})` : ''}`;
	if (!isRecordKind(kind)) {
		problems.push({
			record: where,
			field: 'kind',
			message: `unknown record kind ${JSON.stringify(kind ?? null)} (this atlas knows ${RECORD_KINDS.join(', ')})`
		});
		return undefined;
	}
	const envelope = parseRecordData(Envelope, kind, value, where);
	problems.push(...envelope.problems);
	if (!envelope.data) return undefined;
	const { id, rev, changed, origin, deleted, rows } = envelope.data;
	const data = parseRecordData(RECORD_SCHEMAS[kind], kind, envelope.data.data, where, 'data');
	problems.push(...data.problems);
	if (!data.data) return undefined;
	let ok = true;
	const push = (field: string, message: string) => {
		problems.push({ record: where, field, message });
		ok = false;
	};
	if (data.data.id !== id) push('data.id', `is "${data.data.id}", but the record's id is "${id}"`);
	if (kind === 'dataset') {
		const meta = data.data as RecordData<'dataset'>;
		if (!rows) push('rows', 'a dataset needs its rows');
		else if (rows.length !== meta.rowCount)
			push('rows', `there are ${rows.length} rows, but the record says ${meta.rowCount} (data.rowCount)`);
		else {
			const bad = rowProblems(rows, meta.columns);
			for (const p of bad) push(p.field, p.message);
			if (!bad.length && rowsHash(rows as Row[], meta.chunkSize) !== meta.rowsHash)
				push(
					'rows',
					'the rows are not the ones the record was saved with (data.rowsHash differs): edited after export?'
				);
		}
	} else if (rows) push('rows', `only datasets have rows, not a ${kind}`);
	return ok
		? { kind, id, rev, changed, origin, deleted, data: data.data, ...(rows ? { rows: rows as Row[] } : {}) }
		: undefined;
}

/** Every record of a workspace file, or a `bad-file` error listing everything wrong with it. */
export function parseWorkspaceFile(value: unknown): WorkspaceFile {
	if (!value || typeof value !== 'object' || Array.isArray(value))
		throw badFile([fileProblem('is not a workspace file (it is not a JSON object)')]);
	const format = (value as { format?: unknown }).format;
	if (format !== WORKSPACE_FORMAT)
		throw badFile([
			fileProblem(
				`is not a Frontier Atlas workspace file (its format is ${JSON.stringify(format ?? null)}, not "${WORKSPACE_FORMAT}")`
			)
		]);
	const version = (value as { schemaVersion?: unknown }).schemaVersion;
	if (version !== WORKSPACE_FILE_VERSION)
		throw badFile([
			fileProblem(
				typeof version === 'number' && version > WORKSPACE_FILE_VERSION
					? `was written by a newer version of the atlas (workspace file version ${version}; this atlas reads version ${WORKSPACE_FILE_VERSION}): update the atlas first`
					: `has an unknown workspace file version ${JSON.stringify(version ?? null)} (this atlas reads version ${WORKSPACE_FILE_VERSION})`
			)
		]);
	const header = Header.safeParse(value);
	if (!header.success)
		throw badFile(
			header.error.issues.map((issue) => ({
				record: 'the file',
				field: issue.path.map(String).join('.') || undefined,
				message: issue.message
			}))
		);

	const problems: RecordProblem[] = [];
	const records: WorkspaceFileRecord[] = [];
	const seen = new Map<string, number>();
	header.data.records.forEach((value, i) => {
		const record = checkFileRecord(value, i, problems);
		if (!record) return;
		const key = `${record.kind}\n${record.id}`;
		const first = seen.get(key);
		if (first !== undefined)
			problems.push({
				record: `records[${i}] (${recordLabel(record.kind, record.id)})`,
				message: `the same ${record.kind} id as records[${first}]`
			});
		else seen.set(key, i);
		records.push(record);
	});
	if (problems.length) throw badFile(problems);
	return { ...header.data, format: WORKSPACE_FORMAT, schemaVersion: WORKSPACE_FILE_VERSION, records };
}
