/**
 * The validator: parses geodata/ against the one schema (src/lib/schema/model.ts), then checks
 * what a schema cannot: every quote verbatim in its paragraph, unique ids, every reference
 * resolving, dates real and ordered, coordinates in the region and inside the province they
 * claim; parents without cycles; then the briefing decks (./briefings.ts). Returns the parsed data
 * and every problem found (never stops at the first). JSON is read strictly (./json-text.ts: every
 * syntax error with its line and column, every duplicate key), list files one record at a time
 * (./records.ts), and references to a record that failed are not reported again (./knock-ons.ts).
 */
import { booleanPointInPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { z } from 'zod';
import {
	Event as EventSchema,
	EventsFile,
	GroupsFile,
	LayerGroup,
	Place as PlaceSchema,
	PlacesFile,
	Source,
	type Citation,
	type DateSpan,
	type Event,
	type Place
} from '../../schema/model.ts';
import { splitParagraphs, type Paragraph } from '../../corpus/paragraphs.ts';
import type { Deck } from '../../schema/briefing.ts';
import { REGION_BBOX } from '../../geo/region.ts';
import { dateSpanBounds, isRealDate } from '../../time/dates.ts';
import { GEODATA_FILES, type GeodataFiles } from './read.ts';
import type { Problem } from './problems.ts';
import { citationProblem } from './citations.ts';
import { validateGazetteer } from './gazetteer.ts';
import { validateBriefings } from './briefings.ts';
import { parseJsonText } from './json-text.ts';
import { locateInRecord, parseList, parseWith } from './records.ts';
import { parentCycles } from './parents.ts';
import { KnockOns } from './knock-ons.ts';

export interface SourceRecord {
	meta: z.infer<typeof Source>;
	text: string;
	paragraphs: Paragraph[];
}

export interface Geodata {
	sources: SourceRecord[];
	places: Place[];
	events: Event[];
	groups: LayerGroup[];
	provinces: FeatureCollection<Polygon | MultiPolygon>;
	/** The briefing decks (`briefings/*.json`), in file-name order; empty when there are none. */
	briefings: Deck[];
}

type Area = Feature<Polygon | MultiPolygon>;

/**
 * Reads a JSON file strictly: a syntax error is reported with its line and column, and every key
 * that occurs twice in one object (JSON would keep only the last) with its path and line.
 */
function parseJson(files: GeodataFiles, file: string, problems: Problem[]): unknown {
	const text = files.get(file);
	if (text === undefined) {
		problems.push({ file, message: 'file is missing' });
		return undefined;
	}
	const result = parseJsonText(text);
	if (!result.ok) {
		const { line, column, message } = result.error;
		problems.push({ file, line, column, message: `not valid JSON: ${message}` });
		return undefined;
	}
	for (const d of result.duplicates) {
		const key = String(d.path.at(-1));
		problems.push({
			file,
			line: d.line,
			column: d.column,
			...locateInRecord(result.value, d.path),
			message: `the key "${key}" appears twice in one object (first at line ${d.first.line}); JSON keeps only the last`
		});
	}
	return result.value;
}

function duplicates(ids: string[]): string[] {
	const seen = new Set<string>();
	const dup = new Set<string>();
	for (const id of ids) (seen.has(id) ? dup : seen).add(id);
	return [...dup];
}

export function validateGeodata(files: GeodataFiles): { data?: Geodata; problems: Problem[] } {
	const problems: Problem[] = [];
	const knockOns = new KnockOns();

	// Sources: metadata beside its verbatim text.
	const sources: SourceRecord[] = [];
	for (const file of [...files.keys()].filter(
		(f) => f.startsWith(`${GEODATA_FILES.sourcesDir}/`) && f.endsWith('.json')
	)) {
		const value = parseJson(files, file, problems);
		const meta = parseWith(Source, value, file, problems);
		if (!meta) {
			// Citations of this source are knock-ons: the id it claims, or else its file name's.
			const claimed = (value as { id?: unknown } | undefined)?.id;
			const id = typeof claimed === 'string' ? claimed : file.slice(file.indexOf('/') + 1, -'.json'.length);
			knockOns.invalidRecord('source', id, file);
			continue;
		}
		const expected = `${GEODATA_FILES.sourcesDir}/${meta.id}.json`;
		if (file !== expected)
			problems.push({ file, id: meta.id, field: 'id', message: `must match the file name (${expected})` });
		const textPath = `${GEODATA_FILES.sourcesDir}/${meta.textFile}`;
		const text = files.get(textPath);
		if (text === undefined) {
			problems.push({ file, id: meta.id, field: 'textFile', message: `${textPath} does not exist` });
			knockOns.invalidRecord('source', meta.id, file);
			continue;
		}
		const paragraphs = splitParagraphs(text);
		const ids = new Set(paragraphs.map((p) => p.id));
		meta.debris.forEach((d, i) => {
			if (!ids.has(d.paragraph))
				problems.push({
					file,
					id: meta.id,
					field: `debris[${i}].paragraph`,
					message: `${d.paragraph} is not a paragraph of ${meta.textFile} (it has ${paragraphs.length})`
				});
			// A continuation joins the paragraph it continues: one that comes before it.
			if (d.kind === 'continuation' && !(d.of && Number(d.of.slice(1)) < Number(d.paragraph.slice(1))))
				problems.push({
					file,
					id: meta.id,
					field: `debris[${i}].of`,
					message: `a continuation needs "of": the earlier paragraph that ${d.paragraph} continues`
				});
			if (d.of && !ids.has(d.of))
				problems.push({
					file,
					id: meta.id,
					field: `debris[${i}].of`,
					message: `${d.of} is not a paragraph of ${meta.textFile}`
				});
		});
		for (const p of duplicates(meta.debris.map((d) => d.paragraph)))
			problems.push({ file, id: meta.id, field: 'debris', message: `${p} is marked more than once` });
		checkDateSpan(meta.date, { file, id: meta.id, field: 'date' }, problems);
		sources.push({ meta, text, paragraphs });
	}
	for (const id of duplicates(sources.map((s) => s.meta.id)))
		problems.push({ file: GEODATA_FILES.sourcesDir, id, message: 'source id used twice' });
	const sourceById = new Map(sources.map((s) => [s.meta.id, s]));

	// One record at a time: a bad record is reported once, and references to it are knock-ons.
	const readList = <R extends z.ZodType>(
		file: string,
		envelope: z.ZodObject,
		key: string,
		record: R,
		kind: 'place' | 'event' | 'layer group'
	): z.infer<R>[] => {
		const list = parseList(envelope, key, record, parseJson(files, file, problems), file, problems);
		if (!list.readable) knockOns.unreadableFile(kind, file);
		for (const id of list.invalidIds) knockOns.invalidRecord(kind, id, file);
		return list.records;
	};
	const groups: LayerGroup[] = readList(
		GEODATA_FILES.groups,
		GroupsFile,
		'groups',
		LayerGroup,
		'layer group'
	);
	const places: Place[] = readList(GEODATA_FILES.places, PlacesFile, 'places', PlaceSchema, 'place');
	const events: Event[] = readList(GEODATA_FILES.events, EventsFile, 'events', EventSchema, 'event');
	const provinces = readProvinces(files, problems);

	for (const [file, ids] of [
		[GEODATA_FILES.groups, groups.map((g) => g.id)],
		[GEODATA_FILES.places, places.map((p) => p.id)],
		[GEODATA_FILES.events, events.map((e) => e.id)]
	] as const) {
		for (const id of duplicates(ids))
			problems.push({ file, id, field: 'id', message: 'id used by more than one record' });
	}

	const checkCitation = (c: Citation, where: Omit<Problem, 'message'>) => {
		const message = citationProblem(c, sourceById);
		if (message) problems.push({ ...where, message });
	};

	// Places: mentions verbatim, parents resolve, coordinates where they claim to be.
	const placeById = new Map(places.map((p) => [p.id, p]));
	const provinceByCode = new Map(
		provinces?.features.map((f) => [String(f.properties?.code), f as Area]) ?? []
	);
	// Each cycle is reported once, on its first place in the file.
	const cycleByPlace = new Map(parentCycles(places).map((cycle) => [cycle[0]!, cycle]));
	for (const place of places) {
		const where = { file: GEODATA_FILES.places, id: place.id };
		place.mentions.forEach((m, i) => checkCitation(m, { ...where, field: `mentions[${i}]` }));
		if (place.parent && !placeById.has(place.parent))
			problems.push({ ...where, field: 'parent', message: `unknown place "${place.parent}"` });
		if (place.parent === place.id)
			problems.push({ ...where, field: 'parent', message: 'a place cannot be its own parent' });
		const cycle = cycleByPlace.get(place.id);
		if (cycle)
			problems.push({
				...where,
				field: 'parent',
				message: `the parents form a cycle: ${[...cycle, cycle[0]].join(' → ')}`
			});
		const [lon, lat] = place.coordinates;
		const inRegion =
			lon >= REGION_BBOX[0] && lon <= REGION_BBOX[2] && lat >= REGION_BBOX[1] && lat <= REGION_BBOX[3];
		if (!inRegion && place.country && ['AF', 'PK'].includes(place.country)) {
			problems.push({
				...where,
				field: 'coordinates',
				message: `[${lon}, ${lat}] is outside the mapped region ${JSON.stringify(REGION_BBOX)}`
			});
		}
		if (place.province && provinces) {
			const area = provinceByCode.get(place.province);
			if (!area)
				problems.push({
					...where,
					field: 'province',
					message: `no province ${place.province} in the basemap`
				});
			else if (!booleanPointInPolygon([lon, lat], area)) {
				problems.push({
					...where,
					field: 'coordinates',
					message: `[${lon}, ${lat}] is not inside ${place.province} (${area.properties?.name})`
				});
			}
			if (place.country && !place.province.startsWith(place.country + '-')) {
				problems.push({
					...where,
					field: 'province',
					message: `${place.province} is not in country ${place.country}`
				});
			}
		}
		if (place.boundary?.layer === 'province' && !provinceByCode.has(place.boundary.id)) {
			problems.push({
				...where,
				field: 'boundary.id',
				message: `no province ${place.boundary.id} in the basemap`
			});
		}
	}

	// Events: groups and places resolve, dates real and ordered, every citation verbatim.
	const groupIds = new Set(groups.map((g) => g.id));
	for (const event of events) {
		const where = { file: GEODATA_FILES.events, id: event.id };
		if (!groupIds.has(event.group))
			problems.push({ ...where, field: 'group', message: `unknown layer group "${event.group}"` });
		event.places.forEach((p, i) => {
			if (!placeById.has(p.place))
				problems.push({ ...where, field: `places[${i}].place`, message: `unknown place "${p.place}"` });
		});
		checkDateSpan(event.date, { ...where, field: 'date' }, problems);
		event.citations.forEach((c, i) => checkCitation(c, { ...where, field: `citations[${i}]` }));
		event.contested?.stances.forEach((s, i) =>
			checkCitation(s.citation, { ...where, field: `contested.stances[${i}].citation` })
		);
	}

	// Briefing decks: scenes over the data above (their references, windows and quotes). Their JSON
	// is read strictly here first; a deck that is not valid JSON is left out of the deck checks.
	const deckFiles = new Map(files);
	for (const file of [...files.keys()].filter((f) => f.startsWith(`${GEODATA_FILES.briefingsDir}/`))) {
		if (file.endsWith('.json') && parseJson(files, file, problems) === undefined) deckFiles.delete(file);
	}
	const briefings = validateBriefings(deckFiles, { places, events, groups, sources });
	problems.push(...briefings.problems);
	problems.push(...validateGazetteer(files, { places, provinces }).problems);
	problems.splice(0, problems.length, ...knockOns.filter(problems));

	return problems.length
		? { problems }
		: {
				data: { sources, places, events, groups, provinces: provinces!, briefings: briefings.decks },
				problems
			};
}

function checkDateSpan(date: DateSpan, where: Omit<Problem, 'message'>, problems: Problem[]): void {
	for (const key of ['start', 'end'] as const) {
		const value = date[key];
		if (value && !isRealDate(value))
			problems.push({ ...where, field: `${where.field}.${key}`, message: `${value} is not a real date` });
	}
	if (date.end && isRealDate(date.start) && isRealDate(date.end)) {
		const start = dateSpanBounds({ ...date, end: undefined });
		const end = dateSpanBounds({ ...date, start: date.end, end: undefined });
		if (end.last < start.first)
			problems.push({
				...where,
				field: `${where.field}.end`,
				message: `${date.end} is before the start ${date.start}`
			});
	}
}

function readProvinces(
	files: GeodataFiles,
	problems: Problem[]
): FeatureCollection<Polygon | MultiPolygon> | undefined {
	const topo = parseJson(files, GEODATA_FILES.basemap, problems) as Topology | undefined;
	const object = topo?.objects?.provinces;
	if (!topo || !object) {
		if (topo)
			problems.push({
				file: GEODATA_FILES.basemap,
				message: 'has no "provinces" object: run npm run geodata'
			});
		return undefined;
	}
	const collection = feature(topo, object as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>;
	// The former FATA (PK-TA) is its own historical layer; places may still claim it.
	const fata = topo.objects.fata
		? (feature(topo, topo.objects.fata as GeometryCollection) as FeatureCollection<Polygon | MultiPolygon>)
		: undefined;
	return { type: 'FeatureCollection', features: [...collection.features, ...(fata?.features ?? [])] };
}
