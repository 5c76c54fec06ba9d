/**
 * How a field of a record is named in messages: a zod issue path rendered the way editors think
 * of it, `events[3].citations[0].quote`. Browser-safe, so the geodata validator and the checks of
 * a user's own records in the browser name fields the same way.
 */

/** Renders a zod issue path the way editors think of it: events[3].citations[0].quote. */
export function pathToField(path: readonly PropertyKey[]): string {
	return path.reduce<string>(
		(acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)),
		''
	);
}
