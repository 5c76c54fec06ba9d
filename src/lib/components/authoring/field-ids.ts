/**
 * Element ids of a form's fields and their messages, from field paths (`places[1].role` →
 * `f-places-1-role`), so that a message is tied to its control (aria-describedby) and an error
 * summary can link to it.
 */

/** The id of the control for a field path, under a form's own prefix. */
export const controlId = (form: string, field: string): string =>
	`${form}-f-${field.replace(/[^a-zA-Z0-9]+/g, '-').replace(/-+$/, '')}`;

/** The id of a field's message. */
export const messageId = (form: string, field: string): string => `${controlId(form, field)}-msg`;

/** The ids for aria-describedby: the help text, and the message when there is one. */
export function describedBy(form: string, field: string, shown: boolean, help?: string): string | undefined {
	const ids = [help, shown ? messageId(form, field) : undefined].filter(Boolean);
	return ids.length ? ids.join(' ') : undefined;
}
