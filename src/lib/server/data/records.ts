/**
 * Parsing a list file of geodata/ (places.json, events.json, groups.json) one record at a time,
 * so that one bad record costs only itself: the valid records go on to the cross-checks, and the
 * ids of the invalid ones are kept so that references to them are not reported as "unknown"
 * (those would be knock-on errors of the one root problem).
 */
import { z } from 'zod';
import { pathToField, type Problem } from './problems.ts';

/** The record a zod issue path points into, and the field within it, for a problem's id and field. */
export function locateInRecord(
	value: unknown,
	path: readonly PropertyKey[]
): { id?: string; field?: string } {
	const [list, index, ...rest] = path;
	if (typeof list === 'string' && typeof index === 'number') {
		const record = (value as Record<string, unknown[] | undefined> | null)?.[list]?.[index] as
			{ id?: unknown } | undefined;
		if (record && typeof record.id === 'string')
			return { id: record.id, field: pathToField(rest) || undefined };
	} else if (value && typeof (value as { id?: unknown }).id === 'string') {
		return { id: (value as { id: string }).id, field: pathToField(path) || undefined };
	}
	return { field: pathToField(path) || undefined };
}

/** Parses with a zod schema, reporting each issue with the id of the record it is in. */
export function parseWith<S extends z.ZodType>(
	schema: S,
	value: unknown,
	file: string,
	problems: Problem[]
): z.infer<S> | undefined {
	if (value === undefined) return undefined;
	const result = schema.safeParse(value);
	if (result.success) return result.data;
	for (const issue of result.error.issues)
		problems.push({ file, ...locateInRecord(value, issue.path), message: issue.message });
	return undefined;
}

export interface ParsedList<R> {
	/** The records that passed their schema, in file order. */
	records: R[];
	/** The ids of records that failed it (those that have a string id). */
	invalidIds: Set<string>;
	/** False when the list could not be read at all: a missing file, bad JSON, no array. */
	readable: boolean;
}

/**
 * Parses `{ schemaVersion, <key>: [...] }`: the envelope with `envelope` (its list taken as
 * unknown values), then each record with `record`. A problem of the envelope (a wrong schema
 * version, an unknown top-level key) is reported and the records are still checked.
 */
export function parseList<R extends z.ZodType>(
	envelope: z.ZodObject,
	key: string,
	record: R,
	value: unknown,
	file: string,
	problems: Problem[]
): ParsedList<z.infer<R>> {
	const parsed: ParsedList<z.infer<R>> = { records: [], invalidIds: new Set(), readable: false };
	if (value === undefined) return parsed;
	const loose = envelope.extend({ [key]: z.array(z.unknown()) });
	parseWith(loose, value, file, problems);
	const list = (value as Record<string, unknown> | null)?.[key];
	if (!Array.isArray(list)) return parsed;
	parsed.readable = true;
	list.forEach((item, index) => {
		const result = record.safeParse(item);
		if (result.success) {
			parsed.records.push(result.data);
			return;
		}
		const id = (item as { id?: unknown } | null)?.id;
		if (typeof id === 'string') parsed.invalidIds.add(id);
		for (const issue of result.error.issues)
			problems.push({ file, ...locateInRecord(value, [key, index, ...issue.path]), message: issue.message });
	});
	return parsed;
}
