/**
 * The types of dataset import: the column roles a file's columns are mapped to, the proposed
 * mapping with a reason for each guess, the rejection of a row (its line, field, reason and
 * value), the event a good row becomes, and the summary of an import. Everything else in
 * src/lib/datasets/ works in these terms.
 */
import type { EventFeature, EventPlace, EventProperties } from '../schema/exported.ts';

/** What a column of a dataset can mean to the atlas. */
export const COLUMN_ROLES = [
	'latitude',
	'longitude',
	/** Both coordinates in one cell: "lat, lon" or WKT `POINT (lon lat)`. */
	'point',
	'date',
	'endDate',
	/** ACLED's time_precision (1 day, 2 week, 3 month) or the words day, week, month, year. */
	'timePrecision',
	/** ACLED's geo_precision (1 exact, 2 approximate, 3 province only) or the atlas's precision words. */
	'geoPrecision',
	'title',
	'type',
	'subType',
	'notes',
	'place',
	'admin1',
	'admin2',
	'country',
	'actor1',
	'assocActor1',
	'actor2',
	'assocActor2',
	'recordId',
	'reportedBy'
] as const;
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** How ambiguous slash dates (03/04/2024) are read: day first, month first, or refused. */
export type DateOrder = 'dmy' | 'mdy' | null;

/** The columns chosen for each role (by column name; a role may have none). */
export interface ColumnMapping {
	roles: Partial<Record<ColumnRole, string>>;
	dateOrder: DateOrder;
}

/** One guess of the column detection, with the reason it was made, for the user to check. */
export interface ColumnGuess {
	role: ColumnRole;
	column: string;
	reason: string;
}

/** What kind of file the columns say it is. */
export type DatasetFormat = 'acled' | 'csv' | 'geojson' | 'atlas';

/** The proposed mapping: the user can correct every role before importing. */
export interface DetectedColumns {
	format: DatasetFormat;
	mapping: ColumnMapping;
	guesses: ColumnGuess[];
	/** What could not be found and must be chosen by hand (coordinates, a date). */
	missing: string[];
	/** Other things the user should know about the mapping (no precision column, say). */
	notes: string[];
}

/** Why a row was not imported: a stable code (for counting and tests) with words for people. */
export const REJECTION_CODES = [
	'missing-coordinates',
	'not-a-number',
	'decimal-comma',
	'out-of-range',
	'outside-region',
	'missing-date',
	'unparseable-date',
	'ambiguous-date',
	'end-before-start',
	'unknown-precision',
	'field-count',
	'malformed-quotes',
	'duplicate-id',
	'not-a-point',
	'bad-feature'
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A row (or GeoJSON feature) that was not imported, and why. */
export interface Rejection {
	/** The line of the file the row starts on (the header is line 1); null for GeoJSON features. */
	line: number | null;
	/** The GeoJSON feature's number, counted from 1; absent for CSV rows. */
	feature?: number;
	/** The column (or GeoJSON member) at fault. */
	field: string;
	code: RejectionCode;
	/** The reason in words, naming the value ("“33,5” has a decimal comma…"). */
	reason: string;
	/** The offending value as text (shortened when long). */
	value: string;
	/** The whole row as read, by column name, for the download of rejected rows. */
	record: Record<string, string>;
}

/** The dataset an import belongs to: it is the source every imported event cites. */
export interface DatasetInfo {
	/** Kebab-case id: the evidence collection's id and every citation's `source`. */
	id: string;
	/** The dataset's name as shown: every citation's `sourceTitle`. */
	name: string;
	/** The file's name (no path): the collection's origin. */
	file: string;
	/** Who published it ("ACLED"); the file name when not given. */
	publisher?: string;
	/** When it was published or downloaded, in words; "date not given" otherwise. */
	date?: string;
	/** The layer group its events belong to; by default the dataset's own id (its own group). */
	group?: string;
}

/** What an imported event carries beyond the export contract: where in its file it comes from. */
export interface ImportedFacts {
	dataset: string;
	/** The row as a spreadsheet numbers it (the header is row 1), or the GeoJSON feature's number. */
	row: number;
	/** The line of the file the row starts on; null for GeoJSON. */
	line: number | null;
	/** The row's own id (ACLED's event_id_cnty), when it has one. */
	recordId: string | null;
	/** The province named by the row's admin-1 column, as ISO 3166-2, when the atlas knows it. */
	province: string | null;
	/** The admin-1 name as written in the row. */
	admin1: string | null;
}

export interface ImportedEventPlace extends EventPlace {
	/** The province this place is drawn as when its precision is `area`. */
	province: string | null;
}

export interface ImportedEventProperties extends EventProperties {
	places: ImportedEventPlace[];
	imported: ImportedFacts;
}

/** An imported event: an EventFeature (every view reads it unchanged) with its row's facts. */
export type ImportedEvent = EventFeature & { properties: ImportedEventProperties };

/** One row of a dataset as read, by column name: what the workspace stores. */
export type DatasetRow = Record<string, string>;

/** What one chunk of a file gave. */
export interface ChunkResult {
	/** The events of the chunk's good rows (the atlas's own file re-imports as its own features). */
	events: EventFeature[];
	rejections: Rejection[];
	/** Every non-blank row read, good or rejected, as the workspace stores it. */
	rows: DatasetRow[];
}

export interface ReasonCount {
	code: RejectionCode;
	label: string;
	count: number;
}

/** The outcome of an import, in numbers and in words. */
export interface ImportSummary {
	format: DatasetFormat;
	/** The dataset's columns, in file order (unique names), for storing its rows. */
	columns: string[];
	/** Rows (or features) read, blank lines not counted. */
	read: number;
	imported: number;
	rejected: number;
	/** Blank lines skipped. */
	blank: number;
	byReason: ReasonCount[];
	/** "1,200 imported, 3 rejected" */
	words: string;
}
