/**
 * CSV downloads of the events and places on the map, for readers who check the atlas in a
 * spreadsheet. One row per citation, so every row carries its own verbatim quote and source.
 * The output is RFC 4180 and guarded against spreadsheet formula injection: the quotes are text
 * from the sources and must never run as formulas when the file is opened, whatever separator
 * the spreadsheet splits at (comma, a semicolon locale's `;`, tab) and whatever look-alike
 * characters (fullwidth ＝, say) its importer folds.
 *
 * Input: events as `EventProperties` or `EventFeature` (the properties hold everything a row
 * needs); places as `PlaceFeature`, because longitude and latitude live in the geometry.
 * The result has no byte-order mark; prepend `CSV_UTF8_BOM` for Excel to read it as UTF-8.
 */
import type { EventFeature, EventProperties, ExportedCitation, PlaceFeature } from '../schema/exported.ts';

/** Prepend to the file for Excel, which otherwise reads CSV as the system code page. */
export const CSV_UTF8_BOM = '\ufeff';

/** A cell as produced: text is guarded and quoted; numbers are written as they are. */
type Cell = string | number | null | undefined;

/**
 * Characters a spreadsheet may read as the start of a formula: = + - @, and their look-alikes,
 * every code point whose NFKC form begins with one (fullwidth ＝ ＋ － ＠, small-form ﹦ ﹢ ﹣ ﹫,
 * super- and subscript ⁼ ⁺ ⁻ ₌ ₊ ₋, ⩵ ⩶, ﬩), plus the minus sign − that ⁻ and ₋ fold to.
 * Importers that fold compatibility characters would otherwise turn them into formulas.
 */
const FORMULA_CHAR =
	'[=+\\-@\\u2212\\u207a-\\u207c\\u208a-\\u208c\\u2a75\\u2a76\\ufb29' +
	'\\ufe62\\ufe63\\ufe66\\ufe6b\\uff0b\\uff0d\\uff1d\\uff20]';

/** Whitespace and invisible characters an importer may trim before it looks for a formula. */
const BLANKS = '[\\s\\u00ad\\u180e\\u200b-\\u200d\\u2060]*';
/** The same, less line breaks: after a break, the next line break is a break of its own. */
const BLANKS_IN_LINE = '(?:[^\\S\\r\\n\\u2028\\u2029]|[\\u00ad\\u180e\\u200b-\\u200d\\u2060])*';

/** A formula at the start of the text, after any blanks; or a tab or CR first, which hide what follows. */
const FORMULA_AT_START = new RegExp(`^(?:${BLANKS}${FORMULA_CHAR}|[\\t\\r])`, 'u');

/**
 * A formula after a character some reader starts a new cell or row at: the comma, the semicolon
 * (the list separator of many locales, where a comma file is split at every `;`, quoted or not),
 * the tab (a file read as TSV), and CR or LF (a reader that ignores quotes).
 */
const FORMULA_AFTER_BREAK = new RegExp(`([,;\\t\\r\\n])(?=${BLANKS_IN_LINE}${FORMULA_CHAR})`, 'gu');

/**
 * Guards text against formula injection with an apostrophe, which makes spreadsheets show the cell
 * as text (it is visible in other tools): before the text when it starts with a formula (after
 * blanks), and after each cell or row break inside it that a formula follows, because a reader
 * splitting at that character would start a cell there. The exact text is in the GeoJSON files.
 */
export function guardFormula(text: string): string {
	const guarded = text.replace(FORMULA_AFTER_BREAK, "$1'");
	return FORMULA_AT_START.test(guarded) ? `'${guarded}` : guarded;
}

/**
 * RFC 4180: quote a field containing a comma, a double quote, CR or LF, doubling its quotes; also
 * one containing a semicolon or tab, so that readers splitting at those keep it whole.
 */
export function quoteField(text: string): string {
	return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatCell(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	// Numbers come from our data, not from text: "-77.04" is a longitude, not a formula.
	if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
	return quoteField(guardFormula(cell));
}

/** Rows to CSV text: CRLF after every record, the header included. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return [header, ...rows].map((row) => row.map(formatCell).join(',') + '\r\n').join('');
}

/** The columns of a cited passage, last on every row of both files. */
const CITATION_COLUMNS = [
	'source_id',
	'source_title',
	'publisher',
	'source_date',
	'paragraph',
	'quote'
] as const;

export const EVENT_CSV_COLUMNS = [
	'event_id',
	'title',
	'date_text',
	'date_start',
	'date_end',
	'date_precision',
	'date_basis',
	'group',
	'type',
	'actors',
	'places',
	'location_precision',
	'longitude',
	'latitude',
	'summary',
	'contested_note',
	'citation_role',
	'party',
	...CITATION_COLUMNS
] as const;

const citationCells = (c: ExportedCitation | undefined): Cell[] =>
	c ? [c.source, c.sourceTitle, c.publisher, c.sourceDate, c.paragraph, c.quote] : ['', '', '', '', '', ''];

/**
 * The event's first point (WGS84 longitude, latitude), so QGIS and kepler.gl can place its rows;
 * none for bare properties or a geometry without points.
 */
function firstPoint(geometry: EventFeature['geometry'] | undefined): [Cell, Cell] {
	const first = geometry?.type === 'Point' ? geometry.coordinates : geometry?.coordinates[0];
	return first ? [first[0], first[1]] : ['', ''];
}

function eventRows(e: EventProperties, geometry?: EventFeature['geometry']): Cell[][] {
	const eventCells: Cell[] = [
		e.id,
		e.title,
		e.dateText,
		e.date.start,
		e.date.end ?? '',
		e.date.precision,
		e.date.basis,
		e.group,
		e.type,
		e.actors.join('; '),
		e.places.map((p) => `${p.name} (${p.role})`).join('; '),
		e.precision,
		...firstPoint(geometry),
		e.summary,
		e.contested?.note ?? ''
	];
	// Why each citation is there: it reports the event, or it is one party's stance on it.
	const cited: { role: string; party: string; citation?: ExportedCitation }[] = [
		...e.citations.map((citation) => ({ role: 'report', party: '', citation })),
		...(e.contested?.stances ?? []).map((s) => ({ role: s.stance, party: s.party, citation: s.citation }))
	];
	// An event is never dropped from the file, even if it somehow has no citation.
	if (!cited.length) cited.push({ role: '', party: '' });
	return cited.map(({ role, party, citation }) => [...eventCells, role, party, ...citationCells(citation)]);
}

const isFeature = (e: EventProperties | EventFeature): e is EventFeature =>
	'properties' in e && (e as EventFeature).type === 'Feature';

/**
 * The events as CSV, one row per citation: the event's own citations first (`citation_role`
 * "report"), then each contested stance's citation ("claims", "denies" or "disputes", with its
 * `party`). The event's columns repeat on each of its rows. Accepts properties or features; only
 * features have coordinates (`longitude`, `latitude`: the geometry's first point).
 */
export function eventsToCsv(events: readonly (EventProperties | EventFeature)[]): string {
	const rows = events.flatMap((e) => (isFeature(e) ? eventRows(e.properties, e.geometry) : eventRows(e)));
	return toCsv(EVENT_CSV_COLUMNS, rows);
}

export const PLACE_CSV_COLUMNS = [
	'place_id',
	'name',
	'aliases',
	'type',
	'country',
	'province',
	'parent',
	'precision',
	'longitude',
	'latitude',
	'coordinate_source',
	'event_count',
	'note',
	...CITATION_COLUMNS
] as const;

/**
 * The places as CSV, one row per mention (the place's columns repeat on each). Takes features
 * because the coordinates (WGS84 longitude, latitude) are in the geometry, not the properties.
 */
export function placesToCsv(places: readonly PlaceFeature[]): string {
	const rows = places.flatMap(({ geometry, properties: p }) => {
		const [longitude, latitude] = geometry.coordinates;
		const placeCells: Cell[] = [
			p.id,
			p.name,
			p.aliases.join('; '),
			p.type,
			p.country,
			p.province,
			p.parent,
			p.precision,
			longitude,
			latitude,
			p.coordinateSource,
			p.eventCount,
			p.note
		];
		const mentions = p.mentions.length ? p.mentions : [undefined];
		return mentions.map((m) => [...placeCells, ...citationCells(m)]);
	});
	return toCsv(PLACE_CSV_COLUMNS, rows);
}
