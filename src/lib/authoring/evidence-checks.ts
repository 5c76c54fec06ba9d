/**
 * The checks of a user's evidence (their sources, places and events) that the build's validator
 * (src/lib/server/data/validate.ts) would make, in the browser: each record against the one zod
 * schema, every quote verbatim in its paragraph, every place, parent and layer group resolving,
 * dates real and ordered, debris marks on paragraphs the text has, coordinates in the mapped
 * region. Run on export (so that a bundle copied over geodata/ passes `npm test`) and on import.
 * The one check the browser cannot make without the basemap's polygons, a point inside the
 * province it claims, is made when the caller passes `insideProvince`.
 *
 * Problems name the file, the record, the field and what is wrong, as the validator's do.
 */
import { Event, Place, Source, type Citation, type DateSpan } from '../schema/model.ts';
import type { Paragraph } from '../corpus/paragraphs.ts';
import { citationProblem, type ParagraphLookup } from '../corpus/citations.ts';
import { pathToField } from '../schema/field-path.ts';
import { REGION_BBOX } from '../geo/region.ts';
import { dateSpanBounds, isRealDate } from '../time/dates.ts';

export interface EvidenceProblem {
	/** The file as it is named in geodata/ (`events.json`, `sources/x.json`). */
	file: string;
	id?: string;
	field?: string;
	message: string;
}

/** `events.json › record "x" › field citations[0]: …`, as the validator writes its problems. */
export function formatEvidenceProblem(p: EvidenceProblem): string {
	return `${p.file}${p.id ? ` › record "${p.id}"` : ''}${p.field ? ` › field ${p.field}` : ''}: ${p.message}`;
}

/** What the records are checked against. */
export interface EvidenceReferences {
	/** The paragraphs of every source the records may cite (the atlas's and the user's). */
	paragraphsOf: ParagraphLookup;
	placeIds: ReadonlySet<string>;
	groupIds: ReadonlySet<string>;
	/** Whether the point lies inside the province (undefined: cannot tell, not checked). */
	insideProvince?: (coordinates: [number, number], province: string) => boolean | undefined;
}

export const SOURCES_DIR = 'sources';
export const PLACES_FILE = 'places.json';
export const EVENTS_FILE = 'events.json';

export function dateProblems(date: DateSpan, where: Omit<EvidenceProblem, 'message'>): EvidenceProblem[] {
	const problems: EvidenceProblem[] = [];
	for (const key of ['start', 'end'] as const) {
		const value = date[key];
		if (value && !isRealDate(value))
			problems.push({ ...where, field: `${where.field}.${key}`, message: `${value} is not a real date` });
	}
	if (date.end && isRealDate(date.start) && isRealDate(date.end)) {
		const start = dateSpanBounds({ start: date.start });
		const end = dateSpanBounds({ start: date.end });
		if (end.last < start.first)
			problems.push({
				...where,
				field: `${where.field}.end`,
				message: `${date.end} is before the start ${date.start}`
			});
	}
	return problems;
}

/** Schema issues (zod's) as problems, each at its field. */
export function issueProblems(
	issues: readonly { path: readonly PropertyKey[]; message: string }[],
	where: Omit<EvidenceProblem, 'message' | 'field'>
): EvidenceProblem[] {
	return issues.map((issue) => ({
		...where,
		field: pathToField(issue.path) || undefined,
		message: issue.message
	}));
}

/** Schema problems of a value, each at its field. */
function schemaProblems(
	schema: typeof Source | typeof Place | typeof Event,
	value: unknown,
	where: Omit<EvidenceProblem, 'message'>
): EvidenceProblem[] {
	const result = schema.safeParse(value);
	return result.success ? [] : issueProblems(result.error.issues, where);
}

/** Where a record's problems are: its file, and its id when it has a usable one. */
function recordWhere(value: unknown, file: string): Omit<EvidenceProblem, 'message'> {
	const id = (value as { id?: unknown } | null)?.id;
	return { file, id: typeof id === 'string' ? id : undefined };
}

const citationProblems = (
	citations: readonly Citation[],
	field: (i: number) => string,
	where: Omit<EvidenceProblem, 'message' | 'field'>,
	lookup: ParagraphLookup
): EvidenceProblem[] =>
	citations.flatMap((c, i) => {
		const message = citationProblem(c, lookup);
		return message ? [{ ...where, field: field(i), message }] : [];
	});

/** A user's source: its metadata (schema, file names, date, debris) beside its text. */
export function checkSource(meta: unknown, text: string | undefined, file: string): EvidenceProblem[] {
	const where = recordWhere(meta, file);
	const problems = schemaProblems(Source, meta, where);
	if (problems.length) return problems;
	const source = Source.parse(meta);
	if (file !== `${SOURCES_DIR}/${source.id}.json`)
		problems.push({
			...where,
			field: 'id',
			message: `must match the file name (${SOURCES_DIR}/${source.id}.json)`
		});
	if (source.textFile !== `${source.id}.txt`)
		problems.push({ ...where, field: 'textFile', message: `must be ${source.id}.txt, beside the metadata` });
	if (text === undefined) {
		problems.push({ ...where, field: 'textFile', message: `${SOURCES_DIR}/${source.textFile} is missing` });
		return problems;
	}
	const count = text.split('\n').filter((line) => /\S/.test(line)).length;
	const exists = (p: string) => Number(p.slice(1)) <= count;
	source.debris.forEach((d, i) => {
		if (!exists(d.paragraph))
			problems.push({
				...where,
				field: `debris[${i}].paragraph`,
				message: `${d.paragraph} is not a paragraph of ${source.textFile} (it has ${count})`
			});
		if (d.of && !exists(d.of))
			problems.push({
				...where,
				field: `debris[${i}].of`,
				message: `${d.of} is not a paragraph of ${source.textFile}`
			});
		if (d.kind === 'continuation' && !(d.of && Number(d.of.slice(1)) < Number(d.paragraph.slice(1))))
			problems.push({
				...where,
				field: `debris[${i}].of`,
				message: `a continuation needs "of": the earlier paragraph that ${d.paragraph} continues`
			});
	});
	problems.push(...dateProblems(source.date, { ...where, field: 'date' }));
	return problems;
}

/** A place: schema, mentions verbatim, parent resolving, coordinates in the region and province. */
export function checkPlace(value: unknown, refs: EvidenceReferences, file = PLACES_FILE): EvidenceProblem[] {
	const where = recordWhere(value, file);
	const problems = schemaProblems(Place, value, where);
	if (problems.length) return problems;
	const place = Place.parse(value);
	problems.push(...citationProblems(place.mentions, (i) => `mentions[${i}]`, where, refs.paragraphsOf));
	if (place.parent && !refs.placeIds.has(place.parent))
		problems.push({ ...where, field: 'parent', message: `unknown place "${place.parent}"` });
	if (place.parent === place.id)
		problems.push({ ...where, field: 'parent', message: 'a place cannot be its own parent' });
	const [lon, lat] = place.coordinates;
	const inRegion =
		lon >= REGION_BBOX[0] && lon <= REGION_BBOX[2] && lat >= REGION_BBOX[1] && lat <= REGION_BBOX[3];
	if (!inRegion && place.country && ['AF', 'PK'].includes(place.country))
		problems.push({
			...where,
			field: 'coordinates',
			message: `[${lon}, ${lat}] is outside the mapped region ${JSON.stringify(REGION_BBOX)}`
		});
	if (place.province && place.country && !place.province.startsWith(`${place.country}-`))
		problems.push({
			...where,
			field: 'province',
			message: `${place.province} is not in country ${place.country}`
		});
	if (place.province && refs.insideProvince?.([lon, lat], place.province) === false)
		problems.push({
			...where,
			field: 'coordinates',
			message: `[${lon}, ${lat}] is not inside ${place.province}`
		});
	return problems;
}

/** An event: schema, places and group resolving, dates real and ordered, every quote verbatim. */
export function checkEvent(value: unknown, refs: EvidenceReferences, file = EVENTS_FILE): EvidenceProblem[] {
	const where = recordWhere(value, file);
	const problems = schemaProblems(Event, value, where);
	if (problems.length) return problems;
	const event = Event.parse(value);
	if (!refs.groupIds.has(event.group))
		problems.push({ ...where, field: 'group', message: `unknown layer group "${event.group}"` });
	event.places.forEach((p, i) => {
		if (!refs.placeIds.has(p.place))
			problems.push({ ...where, field: `places[${i}].place`, message: `unknown place "${p.place}"` });
	});
	problems.push(...dateProblems(event.date, { ...where, field: 'date' }));
	problems.push(...citationProblems(event.citations, (i) => `citations[${i}]`, where, refs.paragraphsOf));
	problems.push(
		...citationProblems(
			event.contested?.stances.map((s) => s.citation) ?? [],
			(i) => `contested.stances[${i}].citation`,
			where,
			refs.paragraphsOf
		)
	);
	return problems;
}

/** A lookup over the user's sources first, then the atlas's. */
export function withOwnSources(
	own: readonly { id: string; paragraphs: readonly Paragraph[] }[],
	atlas: ParagraphLookup
): ParagraphLookup {
	const byId = new Map(own.map((s) => [s.id, s.paragraphs]));
	return (id) => byId.get(id) ?? atlas(id);
}
