/**
 * A form's problems, one message per field: keys are field paths as the validator names them
 * (`date.start`, `citations[0].quote`, ../schema/field-path.ts), so a message from the zod schema
 * and one from a cross-check land at the same field. zod's generic wording ("Too small: expected
 * string to have >=1 characters") is put the way a form says it ("Required.").
 */
import type { z } from 'zod';
import { pathToField } from '../schema/field-path.ts';

/** One message per field path; the record itself is `''`. */
export type FieldErrors = Record<string, string>;

/** The message for one zod issue, in a form's words. */
export function issueMessage(issue: z.core.$ZodIssue): string {
	switch (issue.code) {
		case 'too_small':
			if (issue.origin === 'array')
				return Number(issue.minimum) === 1 ? 'Add at least one.' : `Add at least ${issue.minimum}.`;
			if (issue.origin === 'string')
				return Number(issue.minimum) === 1
					? 'Required.'
					: `Must be at least ${issue.minimum} characters long.`;
			return issue.message;
		case 'invalid_value':
			return `Choose one of: ${issue.values.map(String).join(', ')}.`;
		case 'invalid_type':
			return issue.input === undefined ? 'Required.' : issue.message;
		case 'invalid_format':
			return issue.format === 'url'
				? 'Must be a full web address, starting with https:// or http://.'
				: issue.message;
		default:
			return issue.message;
	}
}

/** The first message per field of a zod error. */
export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of error.issues) {
		const path = pathToField(issue.path);
		const key = prefix && path ? `${prefix}${path.startsWith('[') ? '' : '.'}${path}` : prefix || path;
		errors[key] ??= issueMessage(issue);
	}
	return errors;
}

/** Adds a message at a field unless the field already has one (the first problem is the one to fix). */
export function addError(errors: FieldErrors, field: string, message: string): void {
	errors[field] ??= message;
}

/** The messages of one field and of every field under it (`places` → `places[0].role` …). */
export function errorsUnder(errors: FieldErrors, field: string): string[] {
	return Object.entries(errors)
		.filter(([key]) => key === field || key.startsWith(`${field}.`) || key.startsWith(`${field}[`))
		.map(([, message]) => message);
}
