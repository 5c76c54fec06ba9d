/**
 * Briefing decks as data: a deck (`geodata/briefings/<deck-id>.json`) is an ordered list of
 * scenes, each a state of the atlas — where the camera is, which layer groups and which time
 * window are shown, what is highlighted — with a few sentences in our words and the verbatim
 * passages the scene rests on. The validator (`src/lib/server/data/briefings.ts`) checks what a
 * schema cannot: every reference resolves, dates are real and ordered, quotes are verbatim and
 * every highlighted event is visible in its scene.
 */
import { z } from 'zod';
import { Citation, Id, ParagraphId, PartialDate, SCHEMA_VERSION } from './model.ts';
import { VIEW_RANGE } from '../map/view.ts';
import { OVERLAY_IDS, type OverlayId } from '../map/overlays.ts';

/** MapLibre's default maximum pitch, which the atlas keeps. */
const SCENE_MAX_PITCH = 60;

const { minZoom, maxZoom } = VIEW_RANGE;
const zoomMessage = `zoom must be between ${minZoom} and ${maxZoom}`;

export const SceneCamera = z.strictObject({
	/** WGS84 [longitude, latitude] of the centre of the view. */
	center: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
	/** Within the map's zoom range (`VIEW_RANGE`). */
	zoom: z.number().min(minZoom, zoomMessage).max(maxZoom, zoomMessage),
	/** Degrees clockwise from north; 0 when omitted. */
	bearing: z
		.number()
		.min(-180, 'bearing must be between -180 and 180')
		.max(180, 'bearing must be between -180 and 180')
		.optional(),
	/** Degrees from looking straight down; 0 when omitted. */
	pitch: z
		.number()
		.min(0, `pitch must be between 0 and ${SCENE_MAX_PITCH}`)
		.max(SCENE_MAX_PITCH, `pitch must be between 0 and ${SCENE_MAX_PITCH}`)
		.optional()
});

/** The time window a scene shows, both ends included at their resolution (2023-09 is all of September). */
export const SceneTime = z.strictObject({
	from: PartialDate,
	to: PartialDate
});

export const SceneHighlight = z.strictObject({
	events: z.array(Id),
	places: z.array(Id)
});

/** A source paragraph the scene opens, as the atlas's "Link to this passage" does. */
export const ScenePassage = z.strictObject({
	source: Id,
	paragraph: ParagraphId
});

const overlayMessage = `must be one of the overlays ${OVERLAY_IDS.join(', ')}`;

export const Scene = z
	.strictObject({
		/** Kebab-case, unique within the deck (it names the scene's page: `/briefing/<deck>/<scene>`). */
		id: Id,
		title: z.string().min(1),
		/** Our words, 1–4 sentences; never a fact the cited passages do not give. */
		text: z.string().min(1),
		/** An explicit view. A scene needs a camera or a fit; with both, the camera wins. */
		camera: SceneCamera.optional(),
		/** Places of the gazetteer to fit in view. */
		fit: z.array(Id).min(1).optional(),
		/** The layer groups shown in the scene (all others hidden); may be empty. */
		groups: z.array(Id),
		/** The time window shown; all time when omitted. */
		time: SceneTime.optional(),
		highlight: SceneHighlight,
		/** The passages the scene rests on, verbatim. */
		citations: z.array(Citation).min(1),
		/** Speaker notes: shown to the presenter, never on the map. */
		notes: z.string().min(1).optional(),
		/** Optional: the overlays hidden in the scene (the atlas's defaults when omitted: only the names in local scripts). */
		hidden: z
			.array(z.enum(OVERLAY_IDS as [OverlayId, ...OverlayId[]], { message: overlayMessage }))
			.optional(),
		/** Optional: the passage the scene opens; it must be the paragraph of one of its citations. */
		passage: ScenePassage.optional()
	})
	.superRefine((scene, ctx) => {
		const { passage, citations } = scene;
		// Zod runs this on a scene with other issues too: only a well-formed passage is compared.
		if (!passage || !ScenePassage.safeParse(passage).success || !Array.isArray(citations)) return;
		if (!citations.some((c) => c.source === passage.source && c.paragraph === passage.paragraph))
			ctx.addIssue({
				code: 'custom',
				path: ['passage'],
				message: `the open passage ${passage.source} ${passage.paragraph} must be the paragraph of one of the scene's citations`
			});
	});

export const Deck = z.strictObject({
	schemaVersion: z.literal(SCHEMA_VERSION),
	/** Kebab-case; the file is `geodata/briefings/<id>.json`. */
	id: Id,
	title: z.string().min(1),
	subtitle: z.string().min(1).optional(),
	/** What the deck shows, in our words. */
	summary: z.string().min(1),
	scenes: z.array(Scene).min(1)
});

export type SceneCamera = z.infer<typeof SceneCamera>;
export type SceneTime = z.infer<typeof SceneTime>;
export type SceneHighlight = z.infer<typeof SceneHighlight>;
export type ScenePassage = z.infer<typeof ScenePassage>;
export type Scene = z.infer<typeof Scene>;
export type Deck = z.infer<typeof Deck>;
