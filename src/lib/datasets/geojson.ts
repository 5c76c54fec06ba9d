/**
 * GeoJSON (RFC 7946) import. The text is checked before parsing (nesting depth) and the document
 * while it is walked (its type, its coordinate system, each feature on its own), so hostile or
 * broken input gets a message, never a crash. Point and MultiPoint features become events, their
 * properties mapped like CSV columns; other geometries are rejected (a line or polygon is not an
 * event). The atlas's own data/events.geojson is recognised and re-imports as itself. Files
 * written by GDAL (`ogr2ogr -f GeoJSON`, with its "name" and "crs" members) import; a "crs" other
 * than WGS84 longitude/latitude is refused, since its numbers are not degrees.
 */
import { checkAtlasFeature, looksLikeAtlasEvent } from './atlas-events.ts';
import { parseJsonText } from './json-text.ts';
import { reject } from './reasons.ts';
import { readRow, type ReadContext } from './row-reader.ts';
import { ImportTally } from './summary.ts';
import type { ChunkResult, ColumnMapping, DatasetInfo, DatasetRow, ImportSummary } from './types.ts';

export interface GeoJsonDocument {
	format: 'geojson' | 'atlas';
	features: unknown[];
	/** Every property name, in first-seen order, then the column the geometry is kept in. */
	columns: string[];
	/** The column holding each feature's geometry as JSON text. */
	geometryColumn: string;
	/** The layer name GDAL writes, when there is one. */
	name?: string;
}

export type GeoJsonRead = { ok: true; document: GeoJsonDocument } | { ok: false; message: string };

const GEOMETRY_TYPES = new Set([
	'Point',
	'MultiPoint',
	'LineString',
	'MultiLineString',
	'Polygon',
	'MultiPolygon',
	'GeometryCollection'
]);

/** CRS names that mean WGS84 longitude, latitude (GDAL writes CRS84; EPSG:4326 files keep lon, lat). */
const WGS84 = /CRS84$|EPSG::?4326$|^EPSG:4326$/i;

const isObject = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);

function crsProblem(crs: unknown): string | undefined {
	if (crs === undefined || crs === null) return undefined;
	const name = isObject(crs) && isObject(crs.properties) ? crs.properties.name : undefined;
	if (typeof name === 'string' && WGS84.test(name.trim())) return undefined;
	const shown = typeof name === 'string' ? name : JSON.stringify(crs).slice(0, 80);
	return `its coordinates are in ${shown}, not WGS84 longitude and latitude; re-export it in WGS84 (ogr2ogr -f GeoJSON -t_srs EPSG:4326 out.geojson in.shp)`;
}

/** Reads GeoJSON text into its features, or says why it cannot. */
export function readGeoJson(text: string): GeoJsonRead {
	const parsed = parseJsonText(text.replace(/^\uFEFF/, ''));
	if (!parsed.ok) return { ok: false, message: `This file cannot be read: ${parsed.message}.` };
	const root = parsed.value;
	if (!isObject(root) || typeof root.type !== 'string')
		return { ok: false, message: 'This JSON is not GeoJSON: it has no "type" member at the top.' };
	const crs = crsProblem(root.crs);
	if (crs) return { ok: false, message: `This GeoJSON cannot be imported: ${crs}.` };

	let features: unknown[];
	if (root.type === 'FeatureCollection') {
		if (!Array.isArray(root.features))
			return { ok: false, message: 'This FeatureCollection has no "features" array.' };
		features = root.features;
	} else if (root.type === 'Feature') features = [root];
	else if (GEOMETRY_TYPES.has(root.type)) features = [{ type: 'Feature', geometry: root, properties: null }];
	else
		return {
			ok: false,
			message: `This JSON is not GeoJSON: its type is “${root.type.slice(0, 60)}”, not FeatureCollection, Feature or a geometry.`
		};

	const keys = new Set<string>();
	for (const f of features)
		if (isObject(f) && isObject(f.properties)) for (const k of Object.keys(f.properties)) keys.add(k);
	let geometryColumn = 'geometry';
	for (let n = 2; keys.has(geometryColumn); n++) geometryColumn = `geometry (${n})`;
	const first = features.find(isObject);
	return {
		ok: true,
		document: {
			format: first && looksLikeAtlasEvent(first.properties) ? 'atlas' : 'geojson',
			features,
			columns: [...keys, geometryColumn],
			geometryColumn,
			...(typeof root.name === 'string' ? { name: root.name } : {})
		}
	};
}

/** A property value as a cell: text as it is, numbers and booleans written out, objects as JSON. */
function cellOf(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return JSON.stringify(value);
}

/** A feature as a row: its properties as cells, and its geometry as JSON text. */
export function featureRecord(feature: unknown, document: GeoJsonDocument): DatasetRow {
	const record: DatasetRow = {};
	const f = isObject(feature) ? feature : {};
	const props = isObject(f.properties) ? f.properties : {};
	for (const column of document.columns) if (column in props) record[column] = cellOf(props[column]);
	record[document.geometryColumn] = f.geometry === undefined ? '' : cellOf(f.geometry);
	return record;
}

type Positions =
	| { ok: true; positions: [number, number][] }
	| {
			ok: false;
			code: 'not-a-point' | 'bad-feature' | 'not-a-number' | 'missing-coordinates';
			reason: string;
	  };

function position(value: unknown): [number, number] | 'not-a-number' | undefined {
	if (!Array.isArray(value) || value.length < 2) return undefined;
	const [lon, lat] = value as unknown[];
	if (typeof lon !== 'number' || typeof lat !== 'number') return 'not-a-number';
	return [lon, lat];
}

/** The points of a feature's geometry. */
function positionsOf(geometry: unknown): Positions {
	if (geometry === null || geometry === undefined)
		return { ok: false, code: 'missing-coordinates', reason: 'the feature has no geometry' };
	if (!isObject(geometry) || typeof geometry.type !== 'string')
		return { ok: false, code: 'bad-feature', reason: 'the geometry is not a GeoJSON geometry object' };
	if (geometry.type === 'Point' || geometry.type === 'MultiPoint') {
		const list = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates;
		if (!Array.isArray(list))
			return { ok: false, code: 'bad-feature', reason: 'the coordinates are not an array' };
		if (!list.length)
			return { ok: false, code: 'missing-coordinates', reason: 'the MultiPoint has no points' };
		const positions: [number, number][] = [];
		for (const item of list) {
			const p = position(item);
			if (p === 'not-a-number')
				return {
					ok: false,
					code: 'not-a-number',
					reason: `a position holds something other than numbers: ${JSON.stringify(item).slice(0, 80)}`
				};
			if (!p) return { ok: false, code: 'bad-feature', reason: 'a position is not an array of two numbers' };
			positions.push(p);
		}
		return { ok: true, positions };
	}
	const what =
		geometry.type === 'GeometryCollection'
			? 'a geometry collection'
			: /Polygon/.test(geometry.type)
				? 'a polygon'
				: /LineString/.test(geometry.type)
					? 'a line'
					: `a “${geometry.type.slice(0, 40)}”`;
	return {
		ok: false,
		code: 'not-a-point',
		reason: `the geometry is ${what}, which is not an event; only points are imported`
	};
}

export interface GeoJsonSession {
	/** Reads the next `count` features. */
	next(count: number): ChunkResult;
	readonly done: boolean;
	readonly position: number;
	summary(): ImportSummary;
}

export function createGeoJsonSession(
	document: GeoJsonDocument,
	dataset: DatasetInfo,
	mapping: ColumnMapping
): GeoJsonSession {
	const tally = new ImportTally();
	const ctx: ReadContext = { dataset, mapping, columns: document.columns, seenIds: new Map() };
	const atlasIds = new Set<string>();
	let index = 0;

	function readFeature(feature: unknown, n: number, result: ChunkResult): void {
		const record = featureRecord(feature, document);
		result.rows.push(record);
		tally.read++;
		const at = { line: null, feature: n };
		const refuse = (code: Parameters<typeof reject>[0], field: string, value: string, reason: string) =>
			result.rejections.push(reject(code, field, value, reason, at, record));

		if (!isObject(feature) || feature.type !== 'Feature')
			return void refuse(
				'bad-feature',
				'(feature)',
				cellOf(feature).slice(0, 200),
				'this is not a GeoJSON Feature object'
			);
		if (document.format === 'atlas') {
			const checked = checkAtlasFeature(feature);
			if (!checked.ok) return void refuse('bad-feature', checked.field, '', checked.reason);
			const id = checked.feature.properties.id;
			if (atlasIds.has(id))
				return void refuse(
					'duplicate-id',
					'properties.id',
					id,
					`the id “${id}” is already used by another feature`
				);
			atlasIds.add(id);
			tally.imported++;
			// Re-imported, the events are the dataset's: under its group, with ids of its own (the
			// shipped events they may copy keep theirs, and two records never share an id).
			const { properties } = checked.feature;
			result.events.push({
				...checked.feature,
				id: `${dataset.id}-${id}`,
				properties: { ...properties, id: `${dataset.id}-${id}`, group: dataset.group ?? dataset.id }
			});
			return;
		}
		const points = positionsOf(feature.geometry);
		if (!points.ok)
			return void refuse(points.code, 'geometry', cellOf(feature.geometry).slice(0, 200), points.reason);
		const read = readRow(record, { line: null, row: n, feature: n }, ctx, { positions: points.positions });
		if (read.ok) {
			tally.imported++;
			result.events.push(read.event);
		} else result.rejections.push(read.rejection);
	}

	return {
		next(count) {
			const result: ChunkResult = { events: [], rejections: [], rows: [] };
			const end = Math.min(document.features.length, index + count);
			for (; index < end; index++) readFeature(document.features[index], index + 1, result);
			tally.addRejections(result.rejections);
			return result;
		},
		get done() {
			return index >= document.features.length;
		},
		get position() {
			return index;
		},
		summary: () => tally.summary(document.format, document.columns)
	};
}
