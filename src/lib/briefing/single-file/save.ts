/**
 * "Save as one file": a briefing deck as a single self-contained HTML file that presents over
 * file:// with no network and no server — from a USB stick or an e-mail attachment — with the
 * atlas's keys, citations, speaker notes and the map drawn per scene. Lazy-loaded: nothing of
 * this is part of a page until someone asks to save (`await import(...)` on the click).
 *
 * `saveDeckAsOneFile(deck, { groups })` saves a shipped deck with the bundled evidence; an editor
 * of the user's own decks passes its own `evidence` (and `sources`) as well.
 */
import { fetchBundledEvidence } from '$lib/data/client';
import { downloadBlob } from '$lib/data/download';
import type { Deck } from '$lib/schema/briefing';
import type { EventFeature, PlaceFeature } from '$lib/schema/exported';
import type { LayerGroup } from '$lib/schema/model';
import { gatherAssets } from './assets.ts';
import { extractDeckData } from './extract.ts';
import { deckFileHtml } from './template.ts';
import type { FileSource } from './types.ts';

export interface SaveDeckOptions {
	/** The atlas's layer groups (labels, colours, shapes). */
	groups: readonly LayerGroup[];
	/** The events and places to draw from; the bundled ones when omitted. */
	evidence?: { events: readonly EventFeature[]; places: readonly PlaceFeature[] };
	/** Sources' titles, publishers and dates, by id; otherwise as the evidence's citations name them. */
	sources?: Readonly<Record<string, FileSource>>;
	/** The download's name; `<deck id>.html` when omitted. */
	fileName?: string;
}

/** The file, as a Blob of HTML. */
export async function buildDeckFile(deck: Deck, options: SaveDeckOptions): Promise<Blob> {
	// Everything is fetched at once; the labels' native names wait only for the places.
	const evidencePromise = Promise.resolve(options.evidence ?? fetchBundledEvidence());
	const [evidence, { runtime, assets }] = await Promise.all([
		evidencePromise,
		gatherAssets(evidencePromise.then((e) => e.places))
	]);
	const data = extractDeckData(deck, {
		events: evidence.events,
		places: evidence.places,
		groups: options.groups,
		sources: options.sources
	});
	return new Blob([deckFileHtml({ data, assets, runtime })], { type: 'text/html;charset=utf-8' });
}

/** Builds the file and offers it as a download; resolves to its name and size in bytes. */
export async function saveDeckAsOneFile(
	deck: Deck,
	options: SaveDeckOptions
): Promise<{ fileName: string; bytes: number }> {
	const file = await buildDeckFile(deck, options);
	const fileName = options.fileName ?? `${deck.id}.html`;
	downloadBlob(file, fileName);
	return { fileName, bytes: file.size };
}
