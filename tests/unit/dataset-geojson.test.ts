/**
 * GeoJSON import, through the worker's own functions: the atlas's data/events.geojson re-imports
 * as itself, a file written by GDAL imports, lines and polygons are rejected with a reason, and
 * hostile input (a nesting bomb, a 200 MB file, binary bytes, truncated or broken JSON, a foreign
 * coordinate system) gets a clear message, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { handleRequest, previewFile } from '$lib/datasets/import-job';
import type { FileLike, ImportSettings, WorkerMessage } from '$lib/datasets/import-protocol';
import { MAX_JSON_DEPTH, parseJsonText, tooDeepAt } from '$lib/datasets/json-text';
import type { ChunkResult, ColumnMapping, ImportedEvent, ImportSummary } from '$lib/datasets/types';
import { loadGeodata } from '$lib/server/data/load';
import { eventsGeoJSON } from '$lib/server/data/export';

const DATASET = { id: 'layer', name: 'A layer', file: 'layer.geojson' };

async function run(file: FileLike, mapping?: ColumnMapping) {
	const messages: WorkerMessage[] = [];
	const post = (m: WorkerMessage) => messages.push(m);
	let settingsMapping = mapping;
	if (!settingsMapping) {
		await handleRequest({ type: 'preview', file }, post);
		const preview = messages.find((m) => m.type === 'preview');
		settingsMapping = preview?.preview.detected.mapping;
	}
	if (settingsMapping) {
		const settings: ImportSettings = { dataset: DATASET, mapping: settingsMapping };
		await handleRequest({ type: 'import', file, settings }, post);
	}
	const batches = messages.filter((m): m is { type: 'batch'; batch: ChunkResult } => m.type === 'batch');
	const done = messages.find((m): m is { type: 'done'; summary: ImportSummary } => m.type === 'done');
	return {
		messages,
		failed: messages.find((m): m is { type: 'failed'; message: string } => m.type === 'failed'),
		events: batches.flatMap((b) => b.batch.events as ImportedEvent[]),
		rejections: batches.flatMap((b) => b.batch.rejections),
		summary: done?.summary
	};
}

const geojsonFile = (value: unknown, name = 'layer.geojson') => new File([JSON.stringify(value)], name);

describe('the atlas’s own events file', () => {
	const exported = eventsGeoJSON(loadGeodata());

	it('re-imports as itself, citations and all, as the dataset’s own events (its ids and group)', async () => {
		const r = await run(geojsonFile(exported, 'events.geojson'));
		expect(r.failed).toBeUndefined();
		expect(r.summary).toMatchObject({ format: 'atlas', imported: exported.features.length, rejected: 0 });
		expect(r.events).toEqual(
			exported.features.map((f) => ({
				...f,
				id: `${DATASET.id}-${f.properties.id}`,
				properties: { ...f.properties, id: `${DATASET.id}-${f.properties.id}`, group: DATASET.id }
			}))
		);
	});

	it('is recognised in the preview, which says it imports as it is', async () => {
		const preview = await previewFile({ type: 'preview', file: geojsonFile(exported, 'events.geojson') });
		expect(preview.format).toBe('atlas');
		expect(preview.featureCount).toBe(exported.features.length);
		expect(preview.detected.notes[0]).toContain('atlas’s own events file');
	});

	it('rejects a tampered feature, naming the field, and keeps the rest', async () => {
		const copy = structuredClone(exported);
		(copy.features[1]!.properties.date as { precision: string }).precision = 'fortnight';
		copy.features[2]!.properties.citations = [];
		const r = await run(geojsonFile(copy));
		expect(r.summary).toMatchObject({ imported: exported.features.length - 2, rejected: 2 });
		expect(r.rejections.map((x) => [x.feature, x.field, x.code])).toEqual([
			[2, 'properties.date.precision', 'bad-feature'],
			[3, 'properties.citations', 'bad-feature']
		]);
	});
});

describe('a file written by GDAL (ogr2ogr -f GeoJSON)', () => {
	const gdal = {
		type: 'FeatureCollection',
		name: 'incidents',
		crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } },
		features: [
			{
				type: 'Feature',
				properties: {
					fid: 1,
					name: 'Crossing closed',
					event_date: '2024-03-12',
					place: 'Torkham',
					notes: 'Closed.'
				},
				geometry: { type: 'Point', coordinates: [71.09, 34.11] }
			},
			{
				type: 'Feature',
				properties: { fid: 2, name: 'Two sites', event_date: '12 March 2024', place: null, notes: null },
				geometry: {
					type: 'MultiPoint',
					coordinates: [
						[71.09, 34.11],
						[70.07, 33.02]
					]
				}
			},
			{
				type: 'Feature',
				properties: { fid: 3, name: 'A road', event_date: '2024-03-12' },
				geometry: {
					type: 'LineString',
					coordinates: [
						[71, 34],
						[71.1, 34.1]
					]
				}
			},
			{
				type: 'Feature',
				properties: { fid: 4, name: 'A district', event_date: '2024-03-12' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[71, 34],
							[71.1, 34],
							[71.1, 34.1],
							[71, 34]
						]
					]
				}
			},
			{ type: 'Feature', properties: { fid: 5, name: 'Nowhere', event_date: '2024-03-12' }, geometry: null },
			{
				type: 'Feature',
				properties: { fid: 6, name: 'Text coordinates', event_date: '2024-03-12' },
				geometry: { type: 'Point', coordinates: ['71.09', '34.11'] }
			},
			{
				type: 'Feature',
				properties: { fid: 7, name: 'Undated' },
				geometry: { type: 'Point', coordinates: [71.09, 34.11, 1200] }
			},
			42
		]
	};

	it('maps its properties like CSV columns, and says why each other feature was rejected', async () => {
		const preview = await previewFile({ type: 'preview', file: geojsonFile(gdal) });
		expect(preview).toMatchObject({ format: 'geojson', layerName: 'incidents', featureCount: 8 });
		expect(preview.detected.mapping.roles).toMatchObject({
			recordId: 'fid',
			title: 'name',
			date: 'event_date',
			place: 'place',
			notes: 'notes'
		});

		const r = await run(geojsonFile(gdal));
		expect(r.summary).toMatchObject({ format: 'geojson', read: 8, imported: 2, rejected: 6 });
		expect(r.rejections.map((x) => [x.feature, x.field, x.code])).toEqual([
			[3, 'geometry', 'not-a-point'],
			[4, 'geometry', 'not-a-point'],
			[5, 'geometry', 'missing-coordinates'],
			[6, 'geometry', 'not-a-number'],
			[7, 'event_date', 'missing-date'],
			[8, '(feature)', 'bad-feature']
		]);
		expect(r.rejections[0]!.reason).toContain('a line, which is not an event');
		expect(r.rejections[1]!.reason).toContain('a polygon');
	});

	it('imports points and multipoints as the export contract’s geometries, citing the feature', async () => {
		const r = await run(geojsonFile(gdal));
		const [point, multi] = r.events;
		expect(point!.geometry).toEqual({ type: 'Point', coordinates: [71.09, 34.11] });
		expect(point!.properties).toMatchObject({
			id: 'layer-1',
			title: 'Crossing closed',
			dateText: '12 March 2024'
		});
		expect(point!.properties.citations[0]).toMatchObject({
			source: 'layer',
			paragraph: 'feature 1',
			quote: 'Closed.'
		});
		expect(multi!.geometry.type).toBe('MultiPoint');
		expect(multi!.properties.places.map((p) => p.name)).toEqual([
			'the point of feature 2 (point 1)',
			'the point of feature 2 (point 2)'
		]);
		// No notes: the quote is the feature's fields as text.
		expect(multi!.properties.citations[0]!.quote).toBe(
			'fid: 2; name: Two sites; event_date: 12 March 2024; geometry: {"type":"MultiPoint","coordinates":[[71.09,34.11],[70.07,33.02]]}'
		);
	});

	it('refuses a file in another coordinate system, saying how to convert it', async () => {
		const mercator = { ...gdal, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } };
		const r = await run(geojsonFile(mercator));
		expect(r.failed?.message).toContain('EPSG::3857, not WGS84');
		expect(r.failed?.message).toContain('-t_srs EPSG:4326');
	});

	it('reads a single Feature and a bare geometry as one feature each', async () => {
		const one = await run(geojsonFile(gdal.features[0]));
		expect(one.summary).toMatchObject({ imported: 1 });
		const bare = await run(geojsonFile({ type: 'Point', coordinates: [71, 34] }));
		expect(bare.summary).toMatchObject({ read: 1, imported: 0, rejected: 1 });
		expect(bare.rejections[0]).toMatchObject({
			code: 'missing-date',
			reason: 'no column is chosen for the date'
		});
	});
});

describe('hostile input', () => {
	it('a nesting bomb is refused before JSON.parse sees it', async () => {
		const bomb = '['.repeat(200_000) + ']'.repeat(200_000);
		expect(tooDeepAt(bomb)).toBe(MAX_JSON_DEPTH);
		const r = await run(new File([bomb], 'bomb.geojson'));
		expect(r.failed?.message).toContain(
			`nests more than ${MAX_JSON_DEPTH} levels deep (at line 1, column ${MAX_JSON_DEPTH + 1})`
		);
		// Brackets inside strings do not count.
		expect(tooDeepAt(JSON.stringify({ a: '[[[['.repeat(100) }))).toBeUndefined();
	});

	it('a 200 MB file is refused by its size, having read only its first bytes', async () => {
		let largestRead = 0;
		const size = 200_000_000;
		const huge: FileLike = {
			name: 'huge.geojson',
			size,
			slice(start = 0, end = size) {
				largestRead = Math.max(largestRead, end - start);
				return new Blob(['{"type":"FeatureCollection","features":['.padEnd(end - start, ' ')]);
			}
		};
		const r = await run(huge, { roles: {}, dateOrder: null });
		expect(r.failed?.message).toBe(
			'This GeoJSON file is too large to import: it is 200 MB, and the limit is 100 MB. Nothing was imported; split it (by year or country, say) and import the parts.'
		);
		expect(largestRead).toBeLessThanOrEqual(64 * 1024);
	});

	it.each([
		[new Uint8Array([0x7b, 0x22, 0x00, 0x01, 0x02, 0xff]), 'binary bytes (at byte 2)'],
		[new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'zip file'],
		[new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), 'gzip-compressed'],
		[new Uint8Array([0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]), 'SQLite database'],
		[new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'PDF']
	])('binary bytes get a message saying what the file is (%#)', async (bytes, words) => {
		const r = await run(new File([bytes], 'data.geojson'));
		expect(r.failed?.message).toContain(words);
	});

	it.each([
		[
			'{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[71,',
			'the file ends early: was it cut off?'
		],
		[
			'{"type":"FeatureCollection",\n"features": [\n  {"type": "Feature" "geometry": null}]}',
			'line 3, column 22'
		],
		['{"type":"FeatureCollection","features":[]}}', 'after JSON (line 1, column 43)'],
		['', 'is empty'],
		['[1, 2, 3]', 'no "type" member'],
		['{"type":"Topology","objects":{}}', 'its type is “Topology”'],
		['{"type":"FeatureCollection","features":{}}', 'no "features" array']
	])('%j gets a clear message', async (text, words) => {
		const r = await run(new File([text], 'broken.geojson'));
		expect(r.failed?.message).toContain(words);
		expect(r.summary).toBeUndefined();
	});

	it('JSON errors never quote the text they stopped at', () => {
		const r = parseJsonText('{"a": \u0007nonsense}');
		expect(r.ok).toBe(false);
		expect((r as { message: string }).message).not.toContain('nonsense');
	});

	it('an empty collection imports nothing, and says so', async () => {
		const r = await run(geojsonFile({ type: 'FeatureCollection', features: [] }));
		expect(r.summary).toMatchObject({ read: 0, imported: 0, rejected: 0, words: '0 imported, 0 rejected' });
	});
});
