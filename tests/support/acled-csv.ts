/**
 * ACLED-format CSV written by the tests: a valid base row (a clash at Mir Ali) that each test row
 * overrides, and the file as ACLED's export writes it (a BOM, every column, CRLF line ends).
 */
import { ACLED_COLUMNS } from '../../src/lib/datasets/acled';

export type AcledRow = Partial<Record<(typeof ACLED_COLUMNS)[number], string>>;

export const ACLED_BASE_ROW: AcledRow = {
	event_date: '2024-03-12',
	year: '2024',
	time_precision: '1',
	disorder_type: 'Political violence',
	event_type: 'Battles',
	sub_event_type: 'Armed clash',
	actor1: 'Group A',
	country: 'Pakistan',
	admin1: 'Khyber Pakhtunkhwa',
	admin2: 'North Waziristan',
	location: 'Mir Ali',
	latitude: '33.0186',
	longitude: '70.0689',
	geo_precision: '1',
	source: 'Test source',
	notes: 'A test row.',
	fatalities: '0',
	timestamp: '1700000000'
};

const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The CSV of these rows over the base row; `null` writes a blank line. */
export function acledCsv(rows: readonly (AcledRow | null)[]): string {
	const line = (r: AcledRow | null) =>
		r ? ACLED_COLUMNS.map((c) => field({ ...ACLED_BASE_ROW, ...r }[c] ?? '')).join(',') : '';
	return '\uFEFF' + [ACLED_COLUMNS.join(','), ...rows.map(line)].join('\r\n') + '\r\n';
}
