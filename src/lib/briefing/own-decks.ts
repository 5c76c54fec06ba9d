/**
 * The browser's side of a user's own decks: the workspace, opened on first use by a dynamic
 * import (so a page that never touches it, the dashboard's first load above all, never downloads
 * it), the addresses of the own-deck pages (query parameters, not path segments: a static host
 * has no page for an id it never saw built), and a shipped deck's published file. It imports
 * nothing heavy itself: the dashboard imports it.
 */
import { asset, resolve } from '$app/paths';
import type { Workspace } from '../workspace/workspace.ts';

let opening: Promise<Workspace> | undefined;

/** The page's one workspace, opened at the first call; a failure is not kept, so a retry can work. */
export function ownWorkspace(): Promise<Workspace> {
	opening ??= import('../workspace/workspace.ts')
		.then((m) => m.openWorkspace())
		.catch((e: unknown) => {
			opening = undefined;
			throw e;
		});
	return opening;
}

/** The message of whatever the workspace rejected with (a WorkspaceError's is written for users). */
export function failureWords(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

/** The workspace's error code, without importing the workspace's error module. */
export function failureCode(e: unknown): string | undefined {
	const code = (e as { code?: unknown } | null)?.code;
	return typeof code === 'string' ? code : undefined;
}

const query = (params: Record<string, string>) => `?${new URLSearchParams(params)}`;

/** The deck editor: `/briefing/edit/?deck=<id>`. */
export const editHref = (deck: string) => `${resolve('/briefing/edit')}/${query({ deck })}`;

/** A scene of an own deck in presentation mode: `/briefing/mine/?deck=<id>&scene=<id>`. */
export const ownSceneHref = (deck: string, scene?: string) =>
	`${resolve('/briefing/mine')}/${query(scene ? { deck, scene } : { deck })}`;

/** An own deck's handout: `/briefing/mine/print/?deck=<id>`. */
export const ownHandoutHref = (deck: string) => `${resolve('/briefing/mine/print')}/${query({ deck })}`;

/** A shipped deck as published at build time (data/briefings/<id>.json). */
export async function fetchShippedDeck(id: string): Promise<unknown> {
	const response = await fetch(asset(`/data/briefings/${id}.json`));
	if (!response.ok) throw new Error(`The shipped deck “${id}” could not be read (HTTP ${response.status}).`);
	return response.json();
}

/** When a record last changed, in words: "2 May 2024, 14:03" (the browser's time zone). */
export function changedWords(iso: string): string {
	const when = new Date(iso);
	if (Number.isNaN(when.getTime())) return iso;
	return when.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
