/**
 * Row reading (pure): one row, by column name, becomes an event or a rejection naming its line,
 * the field at fault, the reason and the value. The checks run in the order a person would fix
 * them: coordinates, then location precision, then the date, then the id.
 *
 * Awkward but valid rows import as they are and are shown as text by the views: quoted newlines,
 * formula-like text (`=HYPERLINK(…)`), markup (`<img onerror>`), non-Latin names, very long notes.
 */
import type { LocationPrecision } from '../schema/model.ts';
import { readGeoPrecision } from './acled.ts';
import { checkPosition, positionFromCells, positionFromPointCell, type Position } from './coordinates.ts';
import { buildEvent } from './event-builder.ts';
import { eventDate } from './event-date.ts';
import { findProvince } from './provinces.ts';
import { quoted, reject } from './reasons.ts';
import type {
	ColumnMapping,
	ColumnRole,
	DatasetInfo,
	DatasetRow,
	ImportedEvent,
	Rejection
} from './types.ts';

export interface ReadContext {
	dataset: DatasetInfo;
	mapping: ColumnMapping;
	/** The columns in file order, for a row's fields as text. */
	columns: readonly string[];
	/** Ids taken so far, with the line (or feature) of their row: a second row with an id is refused. */
	seenIds: Map<string, string>;
	/**
	 * The province code of each province and country name met so far: a file names a few dozen
	 * provinces over its hundred thousand rows, and matching a name is the costly part.
	 */
	provinceCodes?: Map<string, string | null>;
}

function provinceCode(admin1: string, country: string, ctx: ReadContext): string | null {
	const key = `${admin1}\u0000${country}`;
	const cache = (ctx.provinceCodes ??= new Map());
	let code = cache.get(key);
	if (code === undefined) cache.set(key, (code = findProvince(admin1, country)?.code ?? null));
	return code;
}

export interface RowPosition {
	/** Line the row starts on (header = line 1); null for GeoJSON. */
	line: number | null;
	/** Row number as a spreadsheet shows it (header = row 1), or the feature's number. */
	row: number;
	/** Set for GeoJSON features: their number, counted from 1. */
	feature?: number;
}

export type RowResult = { ok: true; event: ImportedEvent } | { ok: false; rejection: Rejection };

/** The positions of a GeoJSON feature, which come from its geometry rather than from cells. */
export interface GeometryPositions {
	positions: [number, number][];
}

/** `acled-pak-2024`, `PAK12345` → `acled-pak-2024-pak12345`; non-Latin or empty ids fall back to the row. */
function slug(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** Semicolon-separated actors (ACLED's assoc_actor columns), trimmed, each once. */
function actorsOf(cells: string[]): string[] {
	// A loop, not flatMap and a Set: this runs for every row of a large file.
	const names: string[] = [];
	for (const c of cells)
		for (const part of c.split(';')) {
			const a = part.trim();
			if (a && !names.includes(a)) names.push(a);
		}
	return names;
}

/** A row's non-empty fields as text, in column order: the quote of a row without notes. */
export function fieldsAsText(record: DatasetRow, columns: readonly string[]): string {
	return columns
		.map((c) => [c, (record[c] ?? '').trim()] as const)
		.filter(([, v]) => v)
		.map(([c, v]) => `${c}: ${v}`)
		.join('; ');
}

export function readRow(
	record: DatasetRow,
	at: RowPosition,
	ctx: ReadContext,
	geometry?: GeometryPositions
): RowResult {
	const { roles } = ctx.mapping;
	const cell = (role: ColumnRole) => {
		const column = roles[role];
		return column === undefined ? '' : (record[column] ?? '');
	};
	const text = (role: ColumnRole) => cell(role).trim();
	const fieldOf = (role: ColumnRole) => roles[role] ?? role;
	const where = { line: at.line, ...(at.feature !== undefined ? { feature: at.feature } : {}) };
	const refuse = (r: {
		code: Rejection['code'];
		field: string;
		value: string;
		reason: string;
	}): RowResult => ({
		ok: false,
		rejection: reject(r.code, r.field, r.value, r.reason, where, record)
	});

	// Where: a geometry's points, one cell with both coordinates, or latitude and longitude cells.
	const positions: [number, number][] = [];
	if (geometry) {
		if (!geometry.positions.length)
			return refuse({
				code: 'missing-coordinates',
				field: 'geometry',
				value: '',
				reason: 'the feature has no coordinates'
			});
		for (const [lon, lat] of geometry.positions) {
			const p = checkPosition(lon, lat, {
				latRole: 'point',
				lonRole: 'point',
				latValue: `[${lon}, ${lat}]`,
				lonValue: `[${lon}, ${lat}]`
			});
			if (!p.ok) return refuse({ code: p.code, field: 'geometry', value: p.value, reason: p.reason });
			positions.push([p.lon, p.lat]);
		}
	} else {
		let p: Position;
		if (roles.latitude !== undefined && roles.longitude !== undefined)
			p = positionFromCells(cell('latitude'), cell('longitude'), 'latitude', 'longitude');
		else if (roles.point !== undefined) p = positionFromPointCell(cell('point'), 'point');
		else
			return refuse({
				code: 'missing-coordinates',
				field: 'latitude',
				value: '',
				reason: 'no column is chosen for the coordinates'
			});
		if (!p.ok) return refuse({ code: p.code, field: fieldOf(p.role), value: p.value, reason: p.reason });
		positions.push([p.lon, p.lat]);
	}

	// How precisely: the row's code, or approximate when the file does not say.
	let precision: LocationPrecision = 'approximate';
	const geoCode = text('geoPrecision');
	if (geoCode) {
		const read = readGeoPrecision(geoCode);
		if (!read)
			return refuse({
				code: 'unknown-precision',
				field: fieldOf('geoPrecision'),
				value: geoCode,
				reason: `location precision ${quoted(geoCode)} is not 1, 2, 3 or exact, approximate, district, area`
			});
		precision = read;
	}
	const admin1 = text('admin1');
	const country = text('country');
	const province = admin1 ? provinceCode(admin1, country, ctx) : null;

	// When.
	const date = eventDate({
		start: cell('date'),
		end: roles.endDate !== undefined ? cell('endDate') : undefined,
		precision: roles.timePrecision !== undefined ? cell('timePrecision') : undefined,
		order: ctx.mapping.dateOrder
	});
	if (!date.ok) {
		const field = roles.date === undefined && date.role === 'date' ? 'date' : fieldOf(date.role);
		return refuse({
			code: date.code,
			field,
			value: date.value,
			reason: roles.date === undefined ? 'no column is chosen for the date' : date.reason
		});
	}

	// Which: the row's own id when it has one, else its row number; each id once per dataset.
	const recordId = text('recordId');
	const idSlug = recordId ? slug(recordId) : '';
	const paragraph = at.feature !== undefined ? `feature ${at.feature}` : `row ${at.row}`;
	const id = `${ctx.dataset.id}-${idSlug || (at.feature !== undefined ? `feature-${at.feature}` : `row-${at.row}`)}`;
	const earlier = ctx.seenIds.get(id);
	if (earlier !== undefined)
		return refuse({
			code: 'duplicate-id',
			field: fieldOf('recordId'),
			value: recordId,
			reason: `the id ${quoted(recordId)} is already used by ${earlier}`
		});
	ctx.seenIds.set(id, at.line !== null ? `line ${at.line}` : paragraph);

	const notes = cell('notes');
	return {
		ok: true,
		event: buildEvent({
			id,
			dataset: ctx.dataset,
			row: at.row,
			line: at.line,
			paragraph,
			positions,
			precision,
			province,
			date: date.span,
			recordId: recordId || null,
			title: text('title'),
			type: text('type'),
			subType: text('subType'),
			place: text('place'),
			admin1,
			admin2: text('admin2'),
			country,
			actors: actorsOf([cell('actor1'), cell('assocActor1'), cell('actor2'), cell('assocActor2')]),
			reportedBy: text('reportedBy'),
			quote: notes.trim() ? notes : fieldsAsText(record, ctx.columns)
		})
	};
}
