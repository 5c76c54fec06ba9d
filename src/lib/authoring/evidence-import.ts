/**
 * Importing an evidence bundle (./evidence-bundle.ts) into this browser's workspace: every file
 * of the zip is read and checked before anything is written (JSON syntax, the schema of every
 * record, text that is UTF-8, the validator's cross-checks of the user's records against this
 * atlas, ./evidence-checks.ts), and every conflict is named: a record whose id this atlas ships
 * or this workspace holds with different content, or a source whose text is already here under
 * another id. The result is a plan: the workspace changes to make, written by the caller in one
 * transaction (`workspace.writeMany(plan.changes)`), so that nothing changes unless all of it can.
 * By default a conflict stops the import; the caller may ask again with 'mine' (keep what is
 * here) or 'theirs' (take the bundle's).
 */
import { z } from 'zod';
import {
	Event as EventSchema,
	EventsFile,
	Place as PlaceSchema,
	PlacesFile,
	type Event,
	type Place
} from '../schema/model.ts';
import { splitParagraphs, type Paragraph } from '../corpus/paragraphs.ts';
import type { ParagraphLookup } from '../corpus/citations.ts';
import { contentHash } from '../workspace/rev.ts';
import type { PutChange } from '../workspace/writes.ts';
import type { WorkspaceRecord } from '../workspace/records.ts';
import type { Origin } from '../workspace/origin.ts';
import {
	checkEvent,
	checkPlace,
	checkSource,
	EVENTS_FILE,
	issueProblems,
	PLACES_FILE,
	SOURCES_DIR,
	withOwnSources,
	type EvidenceProblem,
	type EvidenceReferences
} from './evidence-checks.ts';
import { GEODATA_DIR, README_FILE } from './evidence-bundle.ts';
import { EvidenceManifest, MANIFEST_FILE, type EvidenceKind } from './evidence-manifest.ts';
import { unzipFiles } from './evidence-zip.ts';
import { decodeTextBytes } from './text-decoding.ts';
import { textFingerprint } from './text-fingerprint.ts';
import type { OwnSource } from './source-draft.ts';

/** The atlas this browser runs, as the import checks against it. */
export interface ImportAtlas {
	places: readonly Place[];
	events: readonly Event[];
	groups: readonly { id: string }[];
	/** The atlas's sources: ids, fingerprints of their texts, and their paragraphs. */
	sources: readonly { id: string; title: string; fingerprint: string }[];
	paragraphsOf: ParagraphLookup;
	insideProvince?: EvidenceReferences['insideProvince'];
}

/** The user's records here (live ones; a record in the trash counts as here too). */
export interface ImportWorkspace {
	sources: readonly WorkspaceRecord<'source'>[];
	places: readonly WorkspaceRecord<'place'>[];
	events: readonly WorkspaceRecord<'event'>[];
}

export type ConflictChoice = 'report' | 'mine' | 'theirs';

export interface EvidenceConflict {
	kind: EvidenceKind;
	id: string;
	/** Where the other record is: shipped with the atlas, or in this workspace. */
	with: 'atlas' | 'workspace';
	message: string;
}

/** A workspace write of one of the user's records. */
export type EvidenceChange = PutChange<'source'> | PutChange<'place'> | PutChange<'event'>;

export interface RecordRef {
	kind: EvidenceKind;
	id: string;
}

export interface ImportPlan {
	/** True when the changes can be written: no problem, and no conflict left to choose for. */
	ok: boolean;
	problems: EvidenceProblem[];
	conflicts: EvidenceConflict[];
	/** For `workspace.writeMany`: empty unless `ok`. */
	changes: EvidenceChange[];
	added: RecordRef[];
	/** Already here, the same. */
	unchanged: RecordRef[];
	/** Kept as they are here (conflicts resolved with 'mine'). */
	kept: RecordRef[];
}

const ALLOWED = new RegExp(
	`^(${MANIFEST_FILE}|${README_FILE}|${GEODATA_DIR}/(${PLACES_FILE}|${EVENTS_FILE}|${SOURCES_DIR}/[a-z0-9-]+\\.(json|txt)))$`
);
/** Left by archive tools, never the user's: macOS's resource forks and folder settings. */
const IGNORED = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$)/;

/** A plan that writes nothing (a fresh one each call: the planner fills in its own). */
const failed = (problems: EvidenceProblem[], conflicts: EvidenceConflict[] = []): ImportPlan => ({
	ok: false,
	problems,
	conflicts,
	changes: [],
	added: [],
	unchanged: [],
	kept: []
});

/** Reads one JSON file of the bundle, or a problem. */
function readJson(entries: Map<string, Uint8Array>, path: string, problems: EvidenceProblem[]): unknown {
	const bytes = entries.get(path);
	const file = path.replace(`${GEODATA_DIR}/`, '');
	if (!bytes) return undefined;
	const decoded = decodeTextBytes(bytes, path);
	if (!decoded.ok) {
		problems.push({ file, message: decoded.message });
		return undefined;
	}
	try {
		return JSON.parse(decoded.text);
	} catch (error) {
		problems.push({ file, message: `not valid JSON: ${(error as Error).message}` });
		return undefined;
	}
}

/** Reads a list file: its envelope, and each record against its schema; the valid records by id. */
function readList<R extends { id: string }>(
	value: unknown,
	envelope: typeof PlacesFile | typeof EventsFile,
	key: 'places' | 'events',
	record: typeof PlaceSchema | typeof EventSchema,
	file: string,
	problems: EvidenceProblem[]
): Map<string, R> {
	const byId = new Map<string, R>();
	if (value === undefined) return byId;
	const loose = envelope.extend({ [key]: z.array(z.unknown()) });
	const head = loose.safeParse(value);
	if (!head.success) {
		problems.push(...issueProblems(head.error.issues, { file }));
		return byId;
	}
	(head.data[key] as unknown[]).forEach((item, index) => {
		const result = record.safeParse(item);
		const id = (item as { id?: unknown } | null)?.id;
		if (!result.success) {
			const where = { file, id: typeof id === 'string' ? id : `${key}[${index}]` };
			problems.push(...issueProblems(result.error.issues, where));
			return;
		}
		const r = result.data as unknown as R;
		if (byId.has(r.id))
			problems.push({ file, id: r.id, field: 'id', message: 'id used by more than one record' });
		byId.set(r.id, r);
	});
	return byId;
}

/** Plans the import of an evidence bundle (the bytes of its zip); writes nothing. */
export function planEvidenceImport(
	bytes: Uint8Array,
	context: { fileName: string; atlas: ImportAtlas; workspace: ImportWorkspace; onConflict?: ConflictChoice }
): ImportPlan {
	const { fileName, atlas, workspace, onConflict = 'report' } = context;
	const zip = unzipFiles(bytes, fileName);
	if (!zip.ok) return failed([{ file: fileName, message: zip.message }]);
	const entries = new Map([...zip.entries].filter(([path]) => !IGNORED.test(path)));
	const problems: EvidenceProblem[] = [];
	for (const path of entries.keys())
		if (!ALLOWED.test(path))
			problems.push({
				file: path,
				message: 'is not a file of an evidence bundle (expected evidence.json, README.txt and geodata/…)'
			});

	// The manifest says which records are the user's.
	const manifestValue = readJson(entries, MANIFEST_FILE, problems);
	if (!entries.has(MANIFEST_FILE))
		return failed([
			{
				file: MANIFEST_FILE,
				message: `${fileName} has no evidence.json: it is not an evidence bundle exported by the atlas`
			}
		]);
	const manifest = EvidenceManifest.safeParse(manifestValue);
	if (!manifest.success) {
		problems.push(...issueProblems(manifest.error.issues, { file: MANIFEST_FILE }));
		return failed(problems);
	}
	const own = manifest.data.records;
	const ownIds = (kind: EvidenceKind) => new Set(own.filter((r) => r.kind === kind).map((r) => r.id));

	// Every file read and checked against its schema.
	const places = readList<Place>(
		readJson(entries, `${GEODATA_DIR}/${PLACES_FILE}`, problems),
		PlacesFile,
		'places',
		PlaceSchema,
		PLACES_FILE,
		problems
	);
	const events = readList<Event>(
		readJson(entries, `${GEODATA_DIR}/${EVENTS_FILE}`, problems),
		EventsFile,
		'events',
		EventSchema,
		EVENTS_FILE,
		problems
	);
	const sources: { source: OwnSource; paragraphs: Paragraph[] }[] = [];
	const sourcePaths = [...entries.keys()].filter(
		(p) => p.startsWith(`${GEODATA_DIR}/${SOURCES_DIR}/`) && p.endsWith('.json')
	);
	for (const path of sourcePaths) {
		const file = path.replace(`${GEODATA_DIR}/`, '');
		const meta = readJson(entries, path, problems);
		if (meta === undefined) continue;
		const id = (meta as { id?: unknown } | null)?.id;
		const textFile = (meta as { textFile?: unknown } | null)?.textFile;
		const textBytes =
			typeof textFile === 'string' ? entries.get(`${GEODATA_DIR}/${SOURCES_DIR}/${textFile}`) : undefined;
		let text: string | undefined;
		if (textBytes) {
			const decoded = decodeTextBytes(textBytes, `${SOURCES_DIR}/${String(textFile)}`);
			if (decoded.ok) text = decoded.text;
			else problems.push({ file: `${SOURCES_DIR}/${String(textFile)}`, message: decoded.message });
		}
		if (typeof id === 'string' && !ownIds('source').has(id)) {
			if (!atlas.sources.some((s) => s.id === id))
				problems.push({
					file,
					id,
					message: 'this source is not listed in evidence.json, and the atlas does not have it'
				});
			continue;
		}
		const sourceProblems = checkSource(meta, text, file);
		problems.push(...sourceProblems);
		if (!sourceProblems.length && text !== undefined) {
			const source = { ...(meta as Omit<OwnSource, 'text'>), text };
			sources.push({ source, paragraphs: splitParagraphs(text) });
		}
	}

	// The user's records: present, and checked against this atlas.
	const refs: EvidenceReferences = {
		paragraphsOf: withOwnSources(
			sources.map((s) => ({ id: s.source.id, paragraphs: s.paragraphs })),
			atlas.paragraphsOf
		),
		// The places this atlas has, and the user's own in the bundle: the other records of the
		// bundle's places.json are another atlas version's, and are not imported.
		placeIds: new Set([
			...atlas.places.map((p) => p.id),
			...[...ownIds('place')].filter((id) => places.has(id))
		]),
		groupIds: new Set(atlas.groups.map((g) => g.id)),
		insideProvince: atlas.insideProvince
	};
	const incoming: { kind: EvidenceKind; id: string; data: OwnSource | Place | Event; edits?: string }[] = [];
	for (const r of own) {
		const data =
			r.kind === 'source'
				? sources.find((s) => s.source.id === r.id)?.source
				: r.kind === 'place'
					? places.get(r.id)
					: events.get(r.id);
		const where =
			r.kind === 'source' ? `${SOURCES_DIR}/${r.id}.json` : r.kind === 'place' ? PLACES_FILE : EVENTS_FILE;
		if (!data) {
			// A record that failed its schema has its problem already; one that is absent needs one.
			if (!problems.some((p) => p.id === r.id && (p.file === where || p.file.startsWith(`${SOURCES_DIR}/`))))
				problems.push({
					file: where,
					id: r.id,
					message: `evidence.json lists this ${r.kind}, but the bundle does not hold it`
				});
			continue;
		}
		if (r.kind === 'place') problems.push(...checkPlace(data, refs));
		if (r.kind === 'event') problems.push(...checkEvent(data, refs));
		incoming.push({ kind: r.kind, id: r.id, data, ...(r.edits ? { edits: r.edits } : {}) });
	}

	// Conflicts with what this atlas ships and this workspace holds.
	const conflicts: EvidenceConflict[] = [];
	const plan = failed(problems, conflicts);
	const origin: Origin = { how: 'imported', file: fileName };
	const shipped = (kind: EvidenceKind, id: string) =>
		kind === 'place'
			? atlas.places.find((p) => p.id === id)
			: kind === 'event'
				? atlas.events.find((e) => e.id === id)
				: undefined;
	const stored = (kind: EvidenceKind, id: string) =>
		(workspace[`${kind}s` as const] as readonly WorkspaceRecord[]).find((r) => r.id === id);
	for (const r of incoming) {
		const ref = { kind: r.kind, id: r.id };
		const hash = contentHash(r.data);
		const here = stored(r.kind, r.id);
		if (here && contentHash(here.data) === hash) {
			plan.unchanged.push(ref);
			continue;
		}
		const atlasRecord = r.kind === 'source' ? undefined : shipped(r.kind, r.id);
		const atlasSource = r.kind === 'source' ? atlas.sources.find((s) => s.id === r.id) : undefined;
		let conflict: EvidenceConflict | undefined;
		if (atlasRecord && contentHash(atlasRecord) === hash) {
			plan.unchanged.push(ref);
			continue;
		}
		if (atlasSource)
			conflict = {
				...ref,
				with: 'atlas',
				message: `the atlas ships a source with this id (“${atlasSource.title}”)`
			};
		else if (atlasRecord && r.edits !== contentHash(atlasRecord))
			conflict = {
				...ref,
				with: 'atlas',
				message: r.edits
					? `this is an edit of the atlas's ${r.kind} as another version of the atlas shipped it; the ${r.kind} has changed here since`
					: `the atlas ships a different ${r.kind} with this id`
			};
		else if (here)
			conflict = {
				...ref,
				with: 'workspace',
				message: `your workspace has a different ${r.kind} with this id (changed ${here.changed.slice(0, 10)})`
			};
		if (r.kind === 'source') {
			const fingerprint = textFingerprint((r.data as OwnSource).text);
			const same =
				atlas.sources.find((s) => s.fingerprint === fingerprint && s.id !== r.id) ??
				workspace.sources.find((s) => s.id !== r.id && textFingerprint(s.data.text) === fingerprint);
			if (same)
				problems.push({
					file: `${SOURCES_DIR}/${r.id}.json`,
					id: r.id,
					message: `its text is already here as the source “${'title' in same ? same.title : same.data.title}” (${same.id}); it is not imported twice`
				});
		}
		if (conflict) {
			conflicts.push(conflict);
			if (onConflict === 'report') continue;
			if (onConflict === 'mine') {
				plan.kept.push(ref);
				continue;
			}
		}
		plan.added.push(ref);
		plan.changes.push({
			op: 'put',
			kind: r.kind,
			data: r.data,
			baseRev: here?.rev ?? null,
			origin
		} as EvidenceChange);
	}
	plan.ok = !problems.length && (onConflict !== 'report' || !conflicts.length);
	if (!plan.ok) plan.changes = [];
	return plan;
}
