/**
 * The site's source paragraphs in the browser, for checking a deck's citations: fetched from the
 * prerendered data/sources/<id>.json only when a check needs them, once per source and page.
 */
import { asset } from '$app/paths';
import { sourceParagraphsFetcher } from './deck-references.ts';

export const siteSourceParagraphs = sourceParagraphsFetcher((id) => asset(`/data/sources/${id}.json`));
