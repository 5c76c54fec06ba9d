/**
 * "Export my evidence": the user's sources, places and events as files in exactly the layout of
 * geodata/, zipped (./evidence-zip.ts), so that a colleague can import them in another browser
 * (./evidence-import.ts) or a maintainer can copy the bundle's geodata/ folder over the project's
 * and run `npm test`.
 *
 *   geodata/sources/<id>.json   each of the user's sources: its metadata …
 *   geodata/sources/<id>.txt    … and its text, byte for byte
 *   geodata/places.json         complete: the atlas's places, then the user's new ones
 *   geodata/events.json         complete: the atlas's events, then the user's new ones
 *   evidence.json               which records are the user's (./evidence-manifest.ts)
 *   README.txt                  what the bundle is and how to contribute it back
 *
 * places.json and events.json are complete files, not fragments, so that copying the folder
 * over geodata/ is the whole of the merge: a user's copy of a shipped record (a bundled event
 * with one more citation) takes that record's place, in its position; a new record goes after
 * the atlas's. Every JSON file is written as Prettier writes geodata/ (./geodata-json.ts), so the
 * atlas's records come out byte for byte as they are in the project and `npm run lint` passes.
 * Before anything is written the user's records get the validator's checks (./evidence-checks.ts);
 * the problems are returned with the bundle, which is still made (it is the user's work), so the
 * UI can say what would fail `npm test`.
 */
import { SCHEMA_VERSION, type Event, type Place } from '../schema/model.ts';
import { splitParagraphs } from '../corpus/paragraphs.ts';
import type { ParagraphLookup } from '../corpus/citations.ts';
import { contentHash } from '../workspace/rev.ts';
import { formatGeodataJson } from './geodata-json.ts';
import {
	checkEvent,
	checkPlace,
	checkSource,
	EVENTS_FILE,
	PLACES_FILE,
	SOURCES_DIR,
	withOwnSources,
	type EvidenceProblem
} from './evidence-checks.ts';
import {
	EVIDENCE_FORMAT,
	EVIDENCE_VERSION,
	MANIFEST_FILE,
	type EvidenceManifest
} from './evidence-manifest.ts';
import type { OwnSource } from './source-draft.ts';

/** The folder of the bundle that mirrors the project's geodata/. */
export const GEODATA_DIR = 'geodata';
export const README_FILE = 'README.txt';

/** The user's records, as the workspace holds them (a source with its text). */
export interface OwnEvidence {
	sources: readonly OwnSource[];
	places: readonly Place[];
	events: readonly Event[];
}

/** The atlas's own records, exactly as geodata/ has them (same records, same key order). */
export interface AtlasEvidence {
	places: readonly Place[];
	events: readonly Event[];
	groups: readonly { id: string }[];
	/** The paragraphs of the atlas's sources, for the user's citations of them. */
	paragraphsOf: ParagraphLookup;
}

export interface EvidenceBundle {
	/** Path in the bundle → text. */
	files: Map<string, string>;
	manifest: EvidenceManifest;
	/** `frontier-atlas-evidence-2024-05-01.zip` */
	fileName: string;
	/** What the validator would find wrong with the user's records (empty: `npm test` passes). */
	problems: EvidenceProblem[];
	/** The user's copies of shipped records that are the same as the shipped record: left out. */
	unchanged: { kind: 'place' | 'event'; id: string }[];
}

/** `frontier-atlas-evidence-2024-05-01.zip` */
export const evidenceFileName = (when: Date) => `${EVIDENCE_FORMAT}-${when.toISOString().slice(0, 10)}.zip`;

/** The atlas's list with the user's copies in their shipped records' places, and new records after. */
function merge<R extends { id: string }>(
	shipped: readonly R[],
	own: readonly R[]
): { merged: R[]; edits: Map<string, string>; unchanged: string[]; added: R[] } {
	const ownById = new Map(own.map((r) => [r.id, r]));
	const edits = new Map<string, string>();
	const unchanged: string[] = [];
	const merged = shipped.map((r) => {
		const mine = ownById.get(r.id);
		if (!mine) return r;
		const base = contentHash(r);
		if (contentHash(mine) === base) unchanged.push(r.id);
		else edits.set(r.id, base);
		return mine;
	});
	const shippedIds = new Set(shipped.map((r) => r.id));
	const added = own.filter((r) => !shippedIds.has(r.id));
	return { merged: [...merged, ...added], edits, unchanged, added };
}

const README = (manifest: EvidenceManifest) => `Frontier Atlas: evidence bundle

Exported ${manifest.exported} by Frontier Atlas ${manifest.appVersion}.
It holds ${manifest.records.length} record(s) of the person who exported it (listed in evidence.json):
${manifest.records.map((r) => `  ${r.kind} ${r.id}${r.edits ? ' (an edit of the atlas record with this id)' : ''}`).join('\n') || '  (none)'}

Layout: geodata/ here is laid out exactly as the project's geodata/ folder.
  geodata/sources/<id>.json and <id>.txt   each source: its metadata and its text, byte for byte
  geodata/places.json, geodata/events.json  complete files: the atlas's records and these ones

To use it in another browser: open the atlas, and import this zip file ("Import evidence").

To contribute it back to the project: copy geodata/ from this zip over the project's geodata/
folder (it replaces places.json and events.json, and adds the sources), run "npm test", review
the changes with "git diff", and propose them.
`;

/** Builds the bundle's files from the user's records and the atlas's. */
export function buildEvidenceBundle(
	own: OwnEvidence,
	atlas: AtlasEvidence,
	meta: { appVersion: string; when: Date }
): EvidenceBundle {
	const places = merge(atlas.places, own.places);
	const events = merge(atlas.events, own.events);
	const ownSources = own.sources.map((s) => ({ id: s.id, paragraphs: splitParagraphs(s.text) }));
	const refs = {
		paragraphsOf: withOwnSources(ownSources, atlas.paragraphsOf),
		placeIds: new Set(places.merged.map((p) => p.id)),
		groupIds: new Set(atlas.groups.map((g) => g.id))
	};

	const files = new Map<string, string>();
	const problems: EvidenceProblem[] = [];
	for (const source of own.sources) {
		const { text, ...metadata } = source;
		const file = `${SOURCES_DIR}/${source.id}.json`;
		files.set(`${GEODATA_DIR}/${file}`, formatGeodataJson(metadata));
		files.set(`${GEODATA_DIR}/${SOURCES_DIR}/${source.textFile}`, text);
		problems.push(...checkSource(metadata, text, file));
	}
	files.set(
		`${GEODATA_DIR}/${PLACES_FILE}`,
		formatGeodataJson({ schemaVersion: SCHEMA_VERSION, places: places.merged })
	);
	files.set(
		`${GEODATA_DIR}/${EVENTS_FILE}`,
		formatGeodataJson({ schemaVersion: SCHEMA_VERSION, events: events.merged })
	);
	const ownPlaces = places.merged.filter((p) => places.edits.has(p.id) || places.added.includes(p));
	const ownEvents = events.merged.filter((e) => events.edits.has(e.id) || events.added.includes(e));
	for (const place of ownPlaces) problems.push(...checkPlace(place, refs));
	for (const event of ownEvents) problems.push(...checkEvent(event, refs));
	for (const [kind, list] of [
		['source', own.sources],
		['place', own.places],
		['event', own.events]
	] as const) {
		const seen = new Set<string>();
		for (const r of list) {
			if (seen.has(r.id))
				problems.push({
					file: kind === 'source' ? SOURCES_DIR : kind === 'place' ? PLACES_FILE : EVENTS_FILE,
					id: r.id,
					message: `two of your ${kind}s have this id`
				});
			seen.add(r.id);
		}
	}

	const manifest: EvidenceManifest = {
		format: EVIDENCE_FORMAT,
		version: EVIDENCE_VERSION,
		appVersion: meta.appVersion,
		exported: meta.when.toISOString(),
		records: [
			...own.sources.map((s) => ({ kind: 'source' as const, id: s.id })),
			...ownPlaces.map((p) => ({
				kind: 'place' as const,
				id: p.id,
				...(places.edits.has(p.id) ? { edits: places.edits.get(p.id)! } : {})
			})),
			...ownEvents.map((e) => ({
				kind: 'event' as const,
				id: e.id,
				...(events.edits.has(e.id) ? { edits: events.edits.get(e.id)! } : {})
			}))
		]
	};
	files.set(MANIFEST_FILE, JSON.stringify(manifest, null, '\t') + '\n');
	files.set(README_FILE, README(manifest));
	return {
		files,
		manifest,
		fileName: evidenceFileName(meta.when),
		problems,
		unchanged: [
			...places.unchanged.map((id) => ({ kind: 'place' as const, id })),
			...events.unchanged.map((id) => ({ kind: 'event' as const, id }))
		]
	};
}
