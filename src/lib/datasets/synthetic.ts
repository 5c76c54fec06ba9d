/**
 * A seeded, deterministic generator of ACLED-format CSV for tests and benchmarks (100,000 rows,
 * say): ACLED's 31 columns, a BOM, CRLF line ends, ISO dates, and its three precision codes in
 * realistic proportions. Nothing in it is a fact: places, actors and notes are labelled synthetic,
 * coordinates are random points in a box around the two countries, and fatalities are always 0
 * (the generator makes up no casualty figure). Some notes carry commas, quotes, line breaks and
 * Arabic-script text, so the parser is exercised as a real export would exercise it.
 *
 * With `rejectEvery`, every n-th row is spoiled in one of four ways, in rotation, and the
 * generator says how many of each it made, so a test can check an import's counts exactly.
 */
import { ACLED_COLUMNS } from './acled.ts';
import { PROVINCES } from './provinces.ts';
import type { RejectionCode } from './types.ts';

export interface SyntheticOptions {
	rows: number;
	seed?: number;
	/** Spoil every n-th row (1-based: rows n, 2n, …); 0 or absent spoils none. */
	rejectEvery?: number;
}

export interface SyntheticCsv {
	text: string;
	/** How many rows of each kind of fault were written, by the code their import must give. */
	spoiled: Partial<Record<RejectionCode, number>>;
}

/** mulberry32: a small, fast, seeded generator of numbers in [0, 1). */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const EVENT_TYPES: [string, string, string][] = [
	['Political violence', 'Battles', 'Armed clash'],
	['Political violence', 'Explosions/Remote violence', 'Air/drone strike'],
	['Political violence', 'Explosions/Remote violence', 'Remote explosive/landmine/IED'],
	['Political violence', 'Explosions/Remote violence', 'Suicide bomb'],
	['Political violence', 'Violence against civilians', 'Attack'],
	['Demonstrations', 'Protests', 'Peaceful protest'],
	['Demonstrations', 'Riots', 'Violent demonstration'],
	['Strategic developments', 'Strategic developments', 'Arrests']
];

const SPOILS: RejectionCode[] = [
	'decimal-comma',
	'missing-coordinates',
	'unparseable-date',
	'outside-region'
];

function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(dayOfYear: number): string {
	const d = new Date(Date.UTC(2024, 0, 1 + dayOfYear));
	return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function syntheticAcledCsv({ rows, seed = 1, rejectEvery = 0 }: SyntheticOptions): SyntheticCsv {
	const rand = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
	const provinces = PROVINCES.filter((p) => p.code !== 'PK-TA');
	const lines: string[] = [ACLED_COLUMNS.join(',')];
	const spoiled: Partial<Record<RejectionCode, number>> = {};
	let spoilTurn = 0;

	for (let i = 1; i <= rows; i++) {
		const province = pick(provinces);
		const country = province.country === 'AF' ? 'Afghanistan' : 'Pakistan';
		const iso3 = province.country === 'AF' ? 'AFG' : 'PAK';
		const [disorder, type, subType] = pick(EVENT_TYPES);
		const r = rand();
		const geo = r < 0.7 ? '1' : r < 0.9 ? '2' : '3';
		const t = rand();
		const time = t < 0.85 ? '1' : t < 0.95 ? '2' : '3';
		const place = geo === '3' ? province.name : rand() < 0.1 ? `نمونه ${i}` : `Synthetic town ${i % 997}`;
		let lat = (24 + rand() * 14).toFixed(4);
		let lon = (61 + rand() * 16).toFixed(4);
		let date = isoDay(Math.floor(rand() * 366));
		const n = rand();
		const notes =
			n < 0.05
				? `Synthetic note ${i}, with "quotes", a comma\nand a second line.`
				: n < 0.1
					? `یادداشت نمونه ${i}`
					: `Synthetic note ${i}: no real event.`;

		if (rejectEvery > 0 && i % rejectEvery === 0) {
			const code = SPOILS[spoilTurn++ % SPOILS.length]!;
			spoiled[code] = (spoiled[code] ?? 0) + 1;
			if (code === 'decimal-comma') lat = lat.replace('.', ',');
			else if (code === 'missing-coordinates') lon = '';
			else if (code === 'unparseable-date') date = 'sometime in 2024';
			else [lat, lon] = [lon, lat];
		}

		const cells: Record<(typeof ACLED_COLUMNS)[number], string> = {
			event_id_cnty: `${iso3}${i}`,
			event_date: date,
			year: '2024',
			time_precision: time,
			disorder_type: disorder,
			event_type: type,
			sub_event_type: subType,
			actor1: `Synthetic actor ${1 + (i % 13)}`,
			assoc_actor_1: rand() < 0.2 ? `Synthetic group ${i % 7}; Synthetic group ${(i + 3) % 7}` : '',
			inter1: String(1 + (i % 8)),
			actor2: rand() < 0.5 ? `Synthetic actor ${1 + ((i * 7) % 13)}` : '',
			assoc_actor_2: '',
			inter2: rand() < 0.5 ? String(1 + (i % 8)) : '0',
			interaction: String(10 + (i % 80)),
			civilian_targeting: type === 'Violence against civilians' ? 'Civilian targeting' : '',
			iso: province.country === 'AF' ? '4' : '586',
			region: province.country === 'AF' ? 'Caucasus and Central Asia' : 'South Asia',
			country,
			admin1: province.name,
			admin2: `Synthetic district ${i % 31}`,
			admin3: '',
			location: place,
			latitude: lat,
			longitude: lon,
			geo_precision: geo,
			source: 'Synthetic source',
			source_scale: 'National',
			notes,
			fatalities: '0',
			tags: '',
			timestamp: String(1_700_000_000 + i)
		};
		lines.push(ACLED_COLUMNS.map((c) => csvField(cells[c])).join(','));
	}
	return { text: '\uFEFF' + lines.join('\r\n') + '\r\n', spoiled };
}
