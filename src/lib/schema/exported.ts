/**
 * The shape of the published data files, build/data/places.geojson and build/data/events.geojson
 * (RFC 7946). Tools outside the app read them and the map draws them: keep this shape stable.
 */
import type { Feature, FeatureCollection, MultiPoint, Point } from 'geojson';
import type { DateSpan, LocationPrecision, PlaceRole } from './model.ts';

/** A cited passage, with enough of its source to be shown without the source file. */
export interface ExportedCitation {
	source: string;
	sourceTitle: string;
	publisher: string;
	sourceDate: string;
	paragraph: string;
	quote: string;
}

export interface PlaceProperties {
	id: string;
	name: string;
	aliases: string[];
	type: string;
	country: string | null;
	province: string | null;
	parent: string | null;
	precision: LocationPrecision;
	coordinateSource: string;
	boundary: { layer: string; id: string } | null;
	note: string | null;
	eventCount: number;
	mentions: ExportedCitation[];
}

export interface EventPlace {
	id: string;
	name: string;
	role: PlaceRole;
	precision: LocationPrecision;
}

export interface EventProperties {
	id: string;
	title: string;
	summary: string;
	date: DateSpan;
	/** The date in words, precision included ("March 2024", "around 2023"). */
	dateText: string;
	/** First and last day the event may fall on (ISO), for filtering by time. */
	dateFirst: string;
	dateLast: string;
	group: string;
	type: string;
	actors: string[];
	/** The coarsest precision of the places drawn for the event. */
	precision: LocationPrecision;
	places: EventPlace[];
	contested: {
		note: string;
		stances: { party: string; stance: string; citation: ExportedCitation }[];
	} | null;
	citations: ExportedCitation[];
}

export type PlaceFeature = Feature<Point, PlaceProperties>;
export type EventFeature = Feature<Point | MultiPoint, EventProperties>;
export type PlacesCollection = FeatureCollection<Point, PlaceProperties>;
export type EventsCollection = FeatureCollection<Point | MultiPoint, EventProperties>;

/** Precision from most to least exact: an event is drawn at its least exact place's precision. */
export const PRECISION_ORDER: LocationPrecision[] = ['exact', 'approximate', 'district', 'area'];

/**
 * The places an event is drawn at: every place with a role other than "mentioned", or all of its
 * places when it has no other. The export's geometry lists their points in this order.
 */
export function placesDrawn<T extends { role: PlaceRole }>(places: readonly T[]): T[] {
	const located = places.filter((p) => p.role !== 'mentioned');
	return located.length ? located : [...places];
}
