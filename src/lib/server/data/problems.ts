/**
 * A problem found in geodata/: which file, which record, which field, and what is wrong, so an
 * editor can go straight to it.
 */
export interface Problem {
	file: string;
	/** Where in the file, when the text is known: JSON syntax errors and duplicate keys. */
	line?: number;
	column?: number;
	id?: string;
	field?: string;
	message: string;
}

/** `file:line:column › record "id" › field name: what is wrong` (the parts that are known). */
export function formatProblem(p: Problem): string {
	const file = p.line ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
	const where = [file, p.id ? `record "${p.id}"` : '', p.field ? `field ${p.field}` : ''].filter(Boolean);
	return `${where.join(' › ')}: ${p.message}`;
}

export class InvalidDataError extends Error {
	constructor(readonly problems: Problem[]) {
		const shown = problems.slice(0, 50).map((p) => `  - ${formatProblem(p)}`);
		const more = problems.length > 50 ? [`  … and ${problems.length - 50} more`] : [];
		super(
			`geodata/ is invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`
		);
		this.name = 'InvalidDataError';
	}
}

// Shared with the browser-side checks of a user's own records.
export { pathToField } from '../../schema/field-path.ts';
