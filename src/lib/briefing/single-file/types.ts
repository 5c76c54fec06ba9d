/**
 * What a briefing saved as one file carries, besides its runtime: the deck's data, cut down to
 * what its scenes show (extract.ts makes it, the standalone presenter in runtime/ reads it), and
 * the assets the map needs (assets.ts gathers them). Both are embedded in the file as JSON, with
 * the presenter's script (template.ts puts them together).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { Topology } from 'topojson-specification';
import type { EventPointProperties } from '../../map/event-points.ts';
import type { PlacePointProperties } from '../../map/place-points.ts';
import type { SceneCamera } from '../../schema/briefing.ts';
import type { Citation, LayerGroup } from '../../schema/model.ts';
import type { AreaRef } from '../../state/emphasis.ts';

/** The format's name and version, so that a later reader can tell what it is looking at. */
export const FILE_FORMAT = 'frontier-atlas-briefing';
export const FILE_FORMAT_VERSION = 1;

/** The ids of the file's JSON blocks: the boot script and the presenter read them. */
export const BLOCK = {
	runtime: 'briefing-runtime',
	assets: 'briefing-assets',
	data: 'briefing-data'
} as const;

/** A cited source, as the citations name it. */
export interface FileSource {
	title: string;
	publisher: string;
	/** In words ("April 2024"). */
	date: string;
}

export interface FileScene {
	id: string;
	title: string;
	text: string;
	notes?: string;
	camera?: SceneCamera;
	/** Places to fit in view (in `places`), when there is no camera. */
	fit?: string[];
	/** The layer groups shown (legend order). */
	groups: string[];
	/** The time window in words ("August 2021 – April 2022", "All dates"). */
	when: string;
	/** The events the scene draws: its groups', within its time window. */
	events: string[];
	/** What it rings: its highlighted events and places. */
	highlight: { events: string[]; places: string[] };
	/** The areas it lights (provinces, countries, the former FATA) by feature-state. */
	areas: AreaRef[];
	/** Its events known only to a whole country, province or region: listed, never drawn as points. */
	areaEvents: { id: string; title: string }[];
	/** Overlays the scene hides (`provinces`, `rivers`…; see src/lib/map/overlays.ts). */
	hidden: string[];
	/** Verbatim passages, numbered in this order. */
	citations: Citation[];
}

export interface BriefingFileData {
	format: typeof FILE_FORMAT;
	formatVersion: typeof FILE_FORMAT_VERSION;
	deck: { id: string; title: string; subtitle?: string; summary: string };
	scenes: FileScene[];
	/** The groups the scenes show, in the atlas's order. */
	groups: Pick<LayerGroup, 'id' | 'label' | 'colour' | 'shape'>[];
	/** Only the sources the scenes cite. */
	sources: Record<string, FileSource>;
	/** One point per event and place, for the events any scene draws (as the atlas's map has them). */
	events: FeatureCollection<Point, EventPointProperties>;
	/** The places those events happen at, and those the scenes highlight or fit. */
	places: FeatureCollection<Point, PlacePointProperties>;
}

/** Each font's files (`latin`, `latinExt`… as src/lib/map/fonts.ts names its subsets) as data URLs, by font name. */
export type FileFonts = Record<string, Record<string, string>>;

/** What the map needs, embedded beside the data (the presenter's own script is embedded apart). */
export interface MapAssets {
	/** MapLibre's worker, an ES module, run from a Blob URL. */
	worker: string;
	fonts: FileFonts;
	/** The relief image as a data URL. */
	relief: string;
	boundaries: Topology;
	rivers: Topology;
	/** The basemap's labels with their native names, and the border's name points (basemap-extras.ts). */
	labels: FeatureCollection;
	borderLabels: FeatureCollection;
	/** MapLibre's plugin for right-to-left scripts (mapbox-gl-rtl-text), for names in Arabic script. */
	rtlTextPlugin: string;
}
