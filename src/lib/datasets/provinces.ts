/**
 * The provinces the basemap draws (geodata/basemap.topo.json, ISO 3166-2 codes as corrected in its
 * extract, with the former FATA as its own historical layer), with the spellings datasets use for
 * them: ACLED's admin1 names (Paktya, Nimruz, Sar-e-Pul, Islamabad Capital Territory) and the
 * usual transliterations. A row known only to its province is drawn as that province. A test
 * keeps this table and the basemap the same.
 */
import { normalizeName } from '../search/normalize.ts';

export interface ProvinceName {
	code: string;
	country: 'AF' | 'PK';
	name: string;
	aliases: string[];
}

export const PROVINCES: ProvinceName[] = [
	{ code: 'AF-BDS', country: 'AF', name: 'Badakhshan', aliases: ['Badakshan'] },
	{ code: 'AF-BDG', country: 'AF', name: 'Badghis', aliases: ['Badghes'] },
	{ code: 'AF-BGL', country: 'AF', name: 'Baghlan', aliases: [] },
	{ code: 'AF-BAL', country: 'AF', name: 'Balkh', aliases: [] },
	{ code: 'AF-BAM', country: 'AF', name: 'Bamyan', aliases: ['Bamiyan', 'Bamian'] },
	{ code: 'AF-DAY', country: 'AF', name: 'Daykundi', aliases: ['Daikundi', 'Daykondi', 'Dai Kundi'] },
	{ code: 'AF-FRA', country: 'AF', name: 'Farah', aliases: [] },
	{ code: 'AF-FYB', country: 'AF', name: 'Faryab', aliases: ['Fariab'] },
	{ code: 'AF-GHA', country: 'AF', name: 'Ghazni', aliases: [] },
	{ code: 'AF-GHO', country: 'AF', name: 'Ghor', aliases: ['Ghowr'] },
	{ code: 'AF-HEL', country: 'AF', name: 'Helmand', aliases: ['Hilmand'] },
	{ code: 'AF-HER', country: 'AF', name: 'Herat', aliases: ['Hirat'] },
	{ code: 'AF-JOW', country: 'AF', name: 'Jowzjan', aliases: ['Jawzjan', 'Jozjan', 'Juzjan'] },
	{ code: 'AF-KAB', country: 'AF', name: 'Kabul', aliases: [] },
	{ code: 'AF-KAN', country: 'AF', name: 'Kandahar', aliases: ['Qandahar'] },
	{ code: 'AF-KAP', country: 'AF', name: 'Kapisa', aliases: [] },
	{ code: 'AF-KHO', country: 'AF', name: 'Khost', aliases: ['Khowst'] },
	{ code: 'AF-KNR', country: 'AF', name: 'Kunar', aliases: ['Konar', 'Kunarha'] },
	{ code: 'AF-KDZ', country: 'AF', name: 'Kunduz', aliases: ['Kondoz', 'Qunduz'] },
	{ code: 'AF-LAG', country: 'AF', name: 'Laghman', aliases: [] },
	{ code: 'AF-LOG', country: 'AF', name: 'Logar', aliases: [] },
	{ code: 'AF-NAN', country: 'AF', name: 'Nangarhar', aliases: ['Ningarhar'] },
	{ code: 'AF-NIM', country: 'AF', name: 'Nimroz', aliases: ['Nimruz', 'Nimrooz'] },
	{ code: 'AF-NUR', country: 'AF', name: 'Nuristan', aliases: ['Nooristan', 'Nurestan'] },
	{ code: 'AF-PIA', country: 'AF', name: 'Paktia', aliases: ['Paktya', 'Paktiya'] },
	{ code: 'AF-PKA', country: 'AF', name: 'Paktika', aliases: [] },
	{ code: 'AF-PAN', country: 'AF', name: 'Panjshir', aliases: ['Panjsher', 'Panjshayr'] },
	{ code: 'AF-PAR', country: 'AF', name: 'Parwan', aliases: ['Parvan'] },
	{ code: 'AF-SAM', country: 'AF', name: 'Samangan', aliases: [] },
	{
		code: 'AF-SAR',
		country: 'AF',
		name: 'Sar-e Pol',
		aliases: ['Sar-e-Pul', 'Sar-e Pul', 'Sari Pul', 'Sar-i-Pul', 'Saripul']
	},
	{ code: 'AF-TAK', country: 'AF', name: 'Takhar', aliases: [] },
	{ code: 'AF-URU', country: 'AF', name: 'Uruzgan', aliases: ['Oruzgan', 'Urozgan'] },
	{ code: 'AF-WAR', country: 'AF', name: 'Wardak', aliases: ['Maidan Wardak', 'Maydan Wardak'] },
	{ code: 'AF-ZAB', country: 'AF', name: 'Zabul', aliases: [] },
	{ code: 'PK-JK', country: 'PK', name: 'Azad Kashmir', aliases: ['Azad Jammu and Kashmir', 'AJK'] },
	{ code: 'PK-BA', country: 'PK', name: 'Balochistan', aliases: ['Baluchistan'] },
	{ code: 'PK-GB', country: 'PK', name: 'Gilgit-Baltistan', aliases: ['Northern Areas'] },
	{ code: 'PK-IS', country: 'PK', name: 'Islamabad', aliases: ['Islamabad Capital Territory', 'ICT'] },
	{
		code: 'PK-KP',
		country: 'PK',
		name: 'Khyber Pakhtunkhwa',
		aliases: ['KP', 'KPK', 'NWFP', 'North-West Frontier Province', 'Khyber-Pakhtunkhwa']
	},
	{ code: 'PK-PB', country: 'PK', name: 'Punjab', aliases: [] },
	{ code: 'PK-SD', country: 'PK', name: 'Sindh', aliases: ['Sind'] },
	// The former FATA, merged into Khyber Pakhtunkhwa in 2018: older rows still name it.
	{ code: 'PK-TA', country: 'PK', name: 'FATA', aliases: ['Federally Administered Tribal Areas'] }
];

/** Country cells that name the atlas's two countries: names, ISO alpha-2 and alpha-3, numeric. */
const COUNTRY_NAMES: Record<string, 'AF' | 'PK'> = {
	afghanistan: 'AF',
	af: 'AF',
	afg: 'AF',
	'4': 'AF',
	'004': 'AF',
	pakistan: 'PK',
	pk: 'PK',
	pak: 'PK',
	'586': 'PK'
};

const key = (name: string) =>
	normalizeName(name)
		.replace(/\bprovince\b/g, '')
		.replace(/[^\p{L}\p{N}]+/gu, '');

const BY_NAME = new Map<string, ProvinceName[]>();
for (const p of PROVINCES)
	for (const name of [p.name, ...p.aliases]) {
		const list = BY_NAME.get(key(name)) ?? [];
		list.push(p);
		BY_NAME.set(key(name), list);
	}

/**
 * The province an admin-1 cell names, if the atlas draws it. When the row names a country, the
 * province must be in it (Punjab is also India's); a country outside the atlas gives none.
 */
export function findProvince(admin1: string, country = ''): ProvinceName | undefined {
	const candidates = BY_NAME.get(key(admin1));
	if (!candidates) return undefined;
	const c = country.trim() ? COUNTRY_NAMES[normalizeName(country).replace(/\s+/g, '')] : undefined;
	if (country.trim() && !c) return undefined;
	return candidates.find((p) => !c || p.country === c);
}
