/**
 * Knock-on errors: when a place fails its schema, every event and scene that names it would also
 * be reported as naming an "unknown place", burying the one root problem under hundreds. Here the
 * validator records which ids are invalid (and which files could not be read at all); references
 * to them are dropped from the problems and summed up in one line per invalid record or file.
 */
import type { Problem } from './problems.ts';

/** The kinds of reference the validators report as `unknown <kind> "<id>"`. */
export type ReferenceKind = 'place' | 'event' | 'layer group' | 'source';

/** The message every validator uses for a reference that does not resolve. */
const UNKNOWN_REFERENCE = /^unknown (place|event|layer group|source) "([^"]*)"$/;

interface Invalid {
	/** Where the root problem is reported: the record's file, and its id unless it is a whole file. */
	file: string;
	id?: string;
}

export class KnockOns {
	private readonly records = new Map<string, Invalid>();
	private readonly files = new Map<ReferenceKind, string>();

	/** A record that failed: references to it are knock-ons. */
	invalidRecord(kind: ReferenceKind, id: string, file: string): void {
		this.records.set(`${kind}\u0000${id}`, { file, id });
	}

	/** A file that could not be read: every reference of its kind is a knock-on. */
	unreadableFile(kind: ReferenceKind, file: string): void {
		this.files.set(kind, file);
	}

	/** The problems without knock-ons, plus one line for each root that had any. */
	filter(problems: readonly Problem[]): Problem[] {
		const kept: Problem[] = [];
		const counts = new Map<string, { root: Invalid; kind: ReferenceKind; byFile: Map<string, number> }>();
		for (const problem of problems) {
			const match = UNKNOWN_REFERENCE.exec(problem.message);
			const kind = match?.[1] as ReferenceKind | undefined;
			const key = match && `${kind}\u0000${match[2]}`;
			const wholeFile = kind && this.files.get(kind);
			const root = key ? (this.records.get(key) ?? (wholeFile ? { file: wholeFile } : undefined)) : undefined;
			if (!root || !kind) {
				kept.push(problem);
				continue;
			}
			const rootKey = root.id ? key! : `${kind}\u0000`;
			const entry = counts.get(rootKey) ?? { root, kind, byFile: new Map<string, number>() };
			entry.byFile.set(problem.file, (entry.byFile.get(problem.file) ?? 0) + 1);
			counts.set(rootKey, entry);
		}
		for (const { root, kind, byFile } of counts.values()) {
			const total = [...byFile.values()].reduce((a, b) => a + b, 0);
			const where = [...byFile].map(([file, n]) => `${file} ${n}`).join(', ');
			const refs = `${total} reference${total === 1 ? '' : 's'}`;
			kept.push({
				file: root.file,
				id: root.id,
				message: root.id
					? `${refs} to this ${kind} (${where}) ${total === 1 ? 'is' : 'are'} not checked until this record is valid`
					: `${refs} to ${kind}s (${where}) ${total === 1 ? 'is' : 'are'} not checked until this file can be read`
			});
		}
		return kept;
	}
}
