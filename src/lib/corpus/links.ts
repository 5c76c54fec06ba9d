/** Links between the map and the source reader (relative, so the site works from a sub-path). */
import { resolve } from '$app/paths';

/** The reader at a paragraph, with the quote to highlight. */
export function passageHref(source: string, paragraph: string, quote?: string): string {
	const params = new URLSearchParams({ p: paragraph });
	if (quote) params.set('q', quote);
	return `${resolve('/sources/[id]', { id: source })}/?${params}`;
}
