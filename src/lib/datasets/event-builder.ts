/**
 * A row's checked facts as an event in the export contract's shape (EventFeature), so that every
 * view reads it unchanged: a title and summary in our words made from the row's own fields, its
 * date in words with its precision, its places with their precision (an area-precision place is
 * drawn as its province, never as a pin), and one citation of the dataset whose quote is the
 * row's notes or, when it has none, its fields as text.
 */
import type { ExportedCitation } from '../schema/exported.ts';
import type { DateSpan, LocationPrecision } from '../schema/model.ts';
import { dateSpanBounds, formatDateSpan } from '../time/dates.ts';
import type { DatasetInfo, ImportedEvent, ImportedEventPlace } from './types.ts';

export interface EventFacts {
	id: string;
	dataset: DatasetInfo;
	row: number;
	line: number | null;
	/** How the citation names the row: `row 12`, or `feature 3` for GeoJSON. */
	paragraph: string;
	positions: [number, number][];
	precision: LocationPrecision;
	province: string | null;
	date: DateSpan;
	recordId: string | null;
	title: string;
	type: string;
	subType: string;
	place: string;
	admin1: string;
	admin2: string;
	country: string;
	actors: string[];
	reportedBy: string;
	/** The verbatim passage the event cites: the row's notes, or its fields as text. */
	quote: string;
}

/** The place named for the event: the province for an area-precision row, the location otherwise. */
function placeName(f: EventFacts): string {
	if (f.precision === 'area') return f.admin1 || f.place || f.country || `the area of ${f.paragraph}`;
	return f.place || f.admin2 || f.admin1 || f.country || `the point of ${f.paragraph}`;
}

/** Location, district, province and country, each once. */
function whereWords(f: EventFacts): string {
	const parts = f.precision === 'area' ? [f.admin1, f.country] : [f.place, f.admin2, f.admin1, f.country];
	return [...new Set(parts.filter(Boolean))].join(', ');
}

/** The row's title, or one made of its kind and place: "Armed clash in Mir Ali". */
function titleOf(f: EventFacts, place: string): string {
	if (f.title) return f.title;
	const kind = f.subType || f.type;
	return kind ? `${kind} in ${place}` : `Event in ${place}`;
}

const PRECISION_WORDS: Record<LocationPrecision, string> = {
	exact: 'located exactly',
	approximate: 'located approximately',
	district: 'located to the district',
	area: 'known only to the province, and drawn as it'
};

export function buildEvent(f: EventFacts): ImportedEvent {
	const name = placeName(f);
	const where = whereWords(f);
	const kinds = [f.type, f.subType].filter(Boolean).join(': ');
	const dateText = formatDateSpan(f.date);
	const summary =
		`${kinds || 'An event'} recorded in the dataset “${f.dataset.name}” (${f.paragraph})` +
		`${where ? ` at ${where}` : ''}, ${dateText}; ${PRECISION_WORDS[f.precision]}.` +
		(f.reportedBy ? ` Reported by: ${f.reportedBy}.` : '');
	const { first, last } = dateSpanBounds(f.date);
	const citation: ExportedCitation = {
		source: f.dataset.id,
		sourceTitle: f.dataset.name,
		publisher: f.dataset.publisher ?? f.dataset.file,
		sourceDate: f.dataset.date ?? 'date not given',
		paragraph: f.paragraph,
		quote: f.quote
	};
	const places: ImportedEventPlace[] = f.positions.map((_, i) => ({
		id: f.positions.length === 1 ? `${f.id}@place` : `${f.id}@place-${i + 1}`,
		name: f.positions.length === 1 ? name : `${name} (point ${i + 1})`,
		role: 'site',
		precision: f.precision,
		province: f.province
	}));
	return {
		type: 'Feature',
		id: f.id,
		geometry:
			f.positions.length === 1
				? { type: 'Point', coordinates: f.positions[0]! }
				: { type: 'MultiPoint', coordinates: f.positions },
		properties: {
			id: f.id,
			title: titleOf(f, name),
			summary,
			date: f.date,
			dateText,
			dateFirst: first,
			dateLast: last,
			group: f.dataset.group ?? f.dataset.id,
			type: f.type || f.subType || 'event',
			actors: f.actors,
			precision: f.precision,
			places,
			contested: null,
			citations: [citation],
			imported: {
				dataset: f.dataset.id,
				row: f.row,
				line: f.line,
				recordId: f.recordId,
				province: f.province,
				admin1: f.admin1 || null
			}
		}
	};
}
