/**
 * `evidence.json`, the manifest at the root of an evidence bundle (./evidence-bundle.ts): which
 * records in the bundle's geodata/ are the user's (the rest of places.json and events.json is the
 * atlas's own, written out so that the files are complete), and, for a user's copy of a record
 * the atlas ships (a bundled event with one more citation, an atlas place with one more mention),
 * the content hash of the shipped record it was made from, so that an import into an atlas whose
 * shipped record has changed since can say so rather than overwrite the change.
 */
import { z } from 'zod';
import { Id } from '../schema/model.ts';

export const EVIDENCE_FORMAT = 'frontier-atlas-evidence';
export const EVIDENCE_VERSION = 1;
export const MANIFEST_FILE = 'evidence.json';

export const EvidenceKind = z.enum(['source', 'place', 'event']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const EvidenceManifest = z.strictObject({
	format: z.literal(EVIDENCE_FORMAT),
	version: z.literal(EVIDENCE_VERSION),
	/** The version of the atlas that wrote the bundle. */
	appVersion: z.string().min(1),
	/** When, ISO 8601 UTC. */
	exported: z.iso.datetime(),
	records: z.array(
		z.strictObject({
			kind: EvidenceKind,
			id: Id,
			/** For a copy of a shipped record: the content hash of the shipped record it edits. */
			edits: z
				.string()
				.regex(/^[0-9a-f]{14}$/)
				.optional()
		})
	)
});
export type EvidenceManifest = z.infer<typeof EvidenceManifest>;
