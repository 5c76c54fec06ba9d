/** Links between the map and the source reader (relative, so the site works from a sub-path). */
import { resolve } from '$app/paths';

/** The reader at a paragraph, with the quote to highlight. */
export function passageHref(source: string, paragraph: string, quote?: string): string {
	const params = new URLSearchParams({ p: paragraph });
	if (quote) params.set('q', quote);
	return `${resolve('/sources/[id]', { id: source })}/?${params}`;
}

/**
 * The reader of one of the user's own sources at a paragraph: one page for every such source,
 * which takes its id from the query (a static host has no page for an id it never saw built).
 */
export function ownPassageHref(source: string, paragraph: string, quote?: string): string {
	const params = new URLSearchParams({ source, p: paragraph });
	if (quote) params.set('q', quote);
	return `${resolve('/sources/mine')}/?${params}`;
}
