/**
 * The data one deck needs to be presented from a single file, and nothing more: for each scene
 * the events it draws (its groups', within its time window), what it rings and lights, its legend
 * and time window in words and its citations verbatim; the points of only those events, the
 * places they happen at and the places the scenes highlight or fit; and only the sources cited.
 * The rules are the atlas's own (the visible-events filter, `emphasisOf`, `sceneWhen`), so the
 * file shows each scene as the presenter does. Pure: it runs in the browser on a click.
 */
import { eventPoints, isAreaOnly } from '../../map/event-points.ts';
import { placePoints } from '../../map/place-points.ts';
import type { Deck, Scene } from '../../schema/briefing.ts';
import {
	placesDrawn,
	type ExportedCitation,
	type EventFeature,
	type PlaceFeature
} from '../../schema/exported.ts';
import type { LayerGroup } from '../../schema/model.ts';
import { emphasisOf } from '../../state/emphasis.ts';
import { reachesInto } from '../../time/window.ts';
import { sceneHiddenOverlays, sceneTimeWindow, sceneWhen } from '../scene.ts';
import {
	FILE_FORMAT,
	FILE_FORMAT_VERSION,
	type BriefingFileData,
	type FileScene,
	type FileSource
} from './types.ts';

export interface DeckEvidence {
	events: readonly EventFeature[];
	places: readonly PlaceFeature[];
	groups: readonly LayerGroup[];
	/**
	 * The sources' titles, publishers and dates by id. A source not given here is named as the
	 * evidence's own citations name it; one cited nowhere else is shown by its id.
	 */
	sources?: Readonly<Record<string, FileSource>>;
}

export function extractDeckData(deck: Deck, evidence: DeckEvidence): BriefingFileData {
	const groups = [...evidence.groups].sort((a, b) => a.order - b.order);
	const eventById = new Map(evidence.events.map((e) => [e.properties.id, e]));
	const placeById = new Map(evidence.places.map((p) => [p.properties.id, p]));

	const scenes = deck.scenes.map((scene) =>
		fileScene(scene, groups, evidence.events, { eventById, placeById })
	);

	const drawn = new Set(scenes.flatMap((s) => s.events));
	const events = evidence.events.filter((e) => drawn.has(e.properties.id));

	const placeIds = new Set([
		...events.flatMap((e) => placesDrawn(e.properties.places).map((p) => p.id)),
		...scenes.flatMap((s) => [...s.highlight.places, ...(s.fit ?? [])])
	]);
	const places = evidence.places.filter((p) => placeIds.has(p.properties.id));

	const shownGroups = new Set(scenes.flatMap((s) => s.groups));
	const cited = new Set(scenes.flatMap((s) => s.citations.map((c) => c.source)));
	const known = { ...sourcesCitedBy(evidence), ...evidence.sources };

	return {
		format: FILE_FORMAT,
		formatVersion: FILE_FORMAT_VERSION,
		deck: {
			id: deck.id,
			title: deck.title,
			...(deck.subtitle ? { subtitle: deck.subtitle } : {}),
			summary: deck.summary
		},
		scenes,
		groups: groups
			.filter((g) => shownGroups.has(g.id))
			.map(({ id, label, colour, shape }) => ({ id, label, colour, shape })),
		sources: Object.fromEntries([...cited].filter((id) => known[id]).map((id) => [id, known[id]!])),
		events: eventPoints(events),
		places: placePoints(places)
	};
}

function fileScene(
	scene: Scene,
	groups: readonly LayerGroup[],
	events: readonly EventFeature[],
	lookup: Parameters<typeof emphasisOf>[1]
): FileScene {
	const window = sceneTimeWindow(scene);
	const visible = events.filter(
		(e) =>
			scene.groups.includes(e.properties.group) &&
			reachesInto(e.properties.dateFirst, e.properties.dateLast, window)
	);
	const { areas } = emphasisOf({ selection: null, hovered: null, highlighted: scene.highlight }, lookup);
	return {
		id: scene.id,
		title: scene.title,
		text: scene.text,
		...(scene.notes ? { notes: scene.notes } : {}),
		...(scene.camera ? { camera: { ...scene.camera } } : {}),
		...(scene.fit ? { fit: [...scene.fit] } : {}),
		groups: groups.map((g) => g.id).filter((id) => scene.groups.includes(id)),
		when: sceneWhen(scene),
		events: visible.map((e) => e.properties.id),
		highlight: { events: [...scene.highlight.events], places: [...scene.highlight.places] },
		areas,
		areaEvents: visible.filter(isAreaOnly).map((e) => ({ id: e.properties.id, title: e.properties.title })),
		hidden: sceneHiddenOverlays(scene),
		citations: scene.citations.map(({ source, paragraph, quote }) => ({ source, paragraph, quote }))
	};
}

/** Every source the evidence's citations name, as they name it (title, publisher, date in words). */
export function sourcesCitedBy(
	evidence: Pick<DeckEvidence, 'events' | 'places'>
): Record<string, FileSource> {
	const out: Record<string, FileSource> = {};
	const add = (c: ExportedCitation) =>
		(out[c.source] ??= { title: c.sourceTitle, publisher: c.publisher, date: c.sourceDate });
	for (const e of evidence.events) {
		e.properties.citations.forEach(add);
		e.properties.contested?.stances.forEach((s) => add(s.citation));
	}
	for (const p of evidence.places) p.properties.mentions.forEach(add);
	return out;
}
