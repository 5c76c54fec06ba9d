/**
 * The addresses of the pages of a user's own sources. A user's source has an id no build ever
 * saw, and a static host has no page for it: its reader is one page, `/sources/mine/`, that reads
 * the id from the query (`?source=<id>`), as the own-deck pages do.
 */
import { resolve } from '$app/paths';

/** The reader of one of the user's sources. */
export const ownSourceHref = (id: string) =>
	`${resolve('/sources/mine')}/?${new URLSearchParams({ source: id })}`;

/** The page that adds a source. */
export const newSourceHref = () => `${resolve('/sources/new')}/`;
