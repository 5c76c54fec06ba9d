/**
 * The validator of `geodata/gazetteer.json` (the outside gazetteer written by `npm run gazetteer`):
 * parses it against its schema (src/lib/schema/gazetteer.ts), then checks what a schema cannot:
 * ids unique, points in the mapped region and inside the province they claim, every link to an
 * atlas place resolving to a place of that name nearby (or, for a province, of that code), and
 * every alternative-name list belonging to an entry. Problems name the file, the entry (its GeoNames
 * id or province code), the field and what is wrong, like every other check of geodata/.
 */
import { booleanPointInPolygon, distance, pointToPolygonDistance } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { GAZETTEER_FIELDS, GazetteerFile, NAME_SEPARATOR } from '../../schema/gazetteer.ts';
import type { Place } from '../../schema/model.ts';
import { ATLAS_LINK_KM, LINKABLE_TYPES, PROVINCE_TOLERANCE_KM } from '../gazetteer/rules.ts';
import { REGION_BBOX } from '../../geo/region.ts';
import { nameKey } from '../../corpus/name-matching.ts';
import { GEODATA_FILES, type GeodataFiles } from './read.ts';
import { pathToField, type Problem } from './problems.ts';

/** The gazetteer's path under geodata/. */
export const GAZETTEER_FILE = GEODATA_FILES.gazetteer;

export interface GazetteerContext {
	places: readonly Place[];
	/** The basemap's provinces (with the former FATA); when absent, province checks are skipped. */
	provinces?: FeatureCollection<Polygon | MultiPolygon>;
}

type Area = Feature<Polygon | MultiPolygon>;

export function validateGazetteer(
	files: GeodataFiles,
	context: GazetteerContext
): { gazetteer?: GazetteerFile; problems: Problem[] } {
	const file = GAZETTEER_FILE;
	const problems: Problem[] = [];
	const text = files.get(file);
	if (text === undefined) return { problems: [{ file, message: 'file is missing: run npm run gazetteer' }] };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (e) {
		return { problems: [{ file, message: `not valid JSON: ${(e as Error).message}` }] };
	}

	const parsed = GazetteerFile.safeParse(value);
	if (!parsed.success) {
		for (const issue of parsed.error.issues) {
			const [list, index, column, ...rest] = issue.path;
			if (list === 'entries' && typeof index === 'number') {
				const row = (value as { entries: unknown[][] }).entries[index];
				const id = Array.isArray(row) ? String(row[0]) : `entries[${index}]`;
				const field =
					typeof column === 'number'
						? (GAZETTEER_FIELDS[column] ?? `[${column}]`) + pathToField(rest)
						: undefined;
				problems.push({ file, id, field: field || undefined, message: issue.message });
			} else {
				problems.push({ file, field: pathToField(issue.path) || undefined, message: issue.message });
			}
		}
		return { problems };
	}
	const gazetteer = parsed.data;

	const seen = new Set<string>();
	const placeById = new Map(context.places.map((p) => [p.id, p]));
	const provinceByCode = new Map(
		context.provinces?.features.map((f) => [String(f.properties?.code), f as Area]) ?? []
	);
	for (const [id, name, asciiName, country, province, featureCode, , lon, lat, atlas] of gazetteer.entries) {
		const key = String(id);
		const where = { file, id: key };
		if (seen.has(key)) problems.push({ ...where, field: 'id', message: 'id used by more than one entry' });
		seen.add(key);
		const isProvince = featureCode === 'ADM1';
		if (isProvince !== (typeof id === 'string'))
			problems.push({
				...where,
				field: 'featureCode',
				message: 'a province (ADM1) has its ISO code as id, a populated place its GeoNames id'
			});
		if (isProvince && province !== id)
			problems.push({
				...where,
				field: 'province',
				message: `a province's province must be its own code ${id}`
			});
		if (!(lon >= REGION_BBOX[0] && lon <= REGION_BBOX[2] && lat >= REGION_BBOX[1] && lat <= REGION_BBOX[3]))
			problems.push({
				...where,
				field: 'lon',
				message: `[${lon}, ${lat}] is outside the mapped region ${JSON.stringify(REGION_BBOX)}`
			});
		if (province && !province.startsWith(`${country}-`))
			problems.push({ ...where, field: 'province', message: `${province} is not in country ${country}` });
		if (province && context.provinces) {
			const area = provinceByCode.get(province);
			if (!area)
				problems.push({ ...where, field: 'province', message: `no province ${province} in the basemap` });
			else if (
				!booleanPointInPolygon([lon, lat], area) &&
				pointToPolygonDistance([lon, lat], area, { units: 'kilometers' }) > PROVINCE_TOLERANCE_KM
			)
				problems.push({
					...where,
					field: 'lat',
					message: `[${lon}, ${lat}] is not inside ${province} (${area.properties?.name}) nor within ${PROVINCE_TOLERANCE_KM} km of it`
				});
		}
		if (atlas) {
			const place = placeById.get(atlas);
			const names = [name, asciiName, ...(gazetteer.alternateNames[key]?.split(NAME_SEPARATOR) ?? [])].map(
				nameKey
			);
			if (!place) problems.push({ ...where, field: 'atlas', message: `unknown place "${atlas}"` });
			else if (isProvince) {
				if (place.type !== 'province' || place.province !== id)
					problems.push({ ...where, field: 'atlas', message: `"${atlas}" is not the province ${id}` });
			} else if (!LINKABLE_TYPES.has(place.type)) {
				problems.push({
					...where,
					field: 'atlas',
					message: `"${atlas}" is a ${place.type}, not a point place`
				});
			} else if (![place.name, ...place.aliases].some((n) => names.includes(nameKey(n)))) {
				problems.push({ ...where, field: 'atlas', message: `"${atlas}" has none of this entry's names` });
			} else {
				const km = distance([lon, lat], place.coordinates, { units: 'kilometers' });
				if (km > ATLAS_LINK_KM)
					problems.push({
						...where,
						field: 'atlas',
						message: `"${atlas}" is ${km.toFixed(0)} km away (more than ${ATLAS_LINK_KM} km)`
					});
			}
		}
	}
	for (const key of Object.keys(gazetteer.alternateNames)) {
		if (!seen.has(key))
			problems.push({
				file,
				id: key,
				field: 'alternateNames',
				message: 'names for an entry that does not exist'
			});
		else if (gazetteer.alternateNames[key]!.split(NAME_SEPARATOR).some((n) => !n || n.trim() !== n))
			problems.push({ file, id: key, field: 'alternateNames', message: 'holds an empty or untrimmed name' });
	}
	return problems.length ? { problems } : { gazetteer, problems };
}
