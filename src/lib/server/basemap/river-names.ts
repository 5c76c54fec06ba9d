/**
 * The river names, entered by hand. GSHHG's WDBII rivers carry no names, so each name here is
 * outside knowledge: a river is picked out of the unnamed network as the path that runs through
 * its waypoints (towns on its banks and confluences, at approximate coordinates known from
 * outside the sources), and the name covers only that stretch. The extraction fails if a waypoint
 * lies farther than WAYPOINT_TOLERANCE_KM from a line of the stated levels, so a name cannot
 * drift onto a river that is not in the data. The Swat, for one, is not in WDBII at these levels
 * and so is not named.
 */
import type { LonLat } from './river-network.ts';

export interface RiverName {
	id: string;
	name: string;
	/** Names by the country the line runs through (ISO 3166-1 numeric), where they differ. */
	nameIn?: Record<string, string>;
	/** The WDBII levels the path may follow: the river's own class in the data. */
	levels: number[];
	/** Ordered along the river: each a point on or beside it, with what it is. */
	waypoints: { at: LonLat; what: string }[];
}

/** How far a waypoint may lie from its river line: town coordinates are a town's centre. */
export const WAYPOINT_TOLERANCE_KM = 12;

export const PROVENANCE = 'River named by hand from outside knowledge; line from GSHHG WDBII';

export const RIVER_NAMES: RiverName[] = [
	{
		id: 'indus',
		name: 'Indus',
		levels: [0, 1],
		waypoints: [
			{ at: [68.37, 25.39], what: 'Hyderabad' },
			{ at: [68.86, 27.7], what: 'Sukkur' },
			{ at: [70.9, 31.83], what: 'Dera Ismail Khan' },
			{ at: [71.54, 32.96], what: 'Kalabagh' },
			{ at: [72.24, 33.89], what: 'Attock' },
			{ at: [72.88, 34.93], what: 'Besham' },
			{ at: [75.63, 35.3], what: 'Skardu' }
		]
	},
	{
		id: 'kabul',
		name: 'Kabul',
		levels: [3],
		waypoints: [
			{ at: [69.17, 34.53], what: 'Kabul' },
			{ at: [70.45, 34.43], what: 'Jalalabad' },
			{ at: [71.98, 34.01], what: 'Nowshera' },
			{ at: [72.22, 33.93], what: 'its confluence with the Indus, just above Attock' }
		]
	},
	{
		id: 'kunar',
		name: 'Kunar',
		// Called the Chitral river upstream of the border, in Pakistan.
		nameIn: { '004': 'Kunar', '586': 'Chitral' },
		levels: [3],
		waypoints: [
			{ at: [70.5, 34.42], what: 'its confluence with the Kabul river east of Jalalabad' },
			{ at: [71.15, 34.87], what: 'Asadabad' },
			{ at: [71.8, 35.56], what: 'Drosh' },
			{ at: [71.79, 35.85], what: 'Chitral' }
		]
	},
	{
		id: 'helmand',
		name: 'Helmand',
		levels: [2],
		waypoints: [
			{ at: [61.87, 31.0], what: 'Zaranj' },
			{ at: [64.36, 31.59], what: 'Lashkar Gah' },
			{ at: [64.57, 31.82], what: 'Gereshk' },
			{ at: [65.12, 32.32], what: 'the Kajaki dam' }
		]
	},
	{
		id: 'arghandab',
		name: 'Arghandab',
		levels: [3],
		waypoints: [
			{ at: [64.4, 31.56], what: 'its confluence with the Helmand near Lashkar Gah' },
			{ at: [65.62, 31.69], what: 'Arghandab, north-west of Kandahar' }
		]
	},
	{
		id: 'amu-darya',
		name: 'Amu Darya',
		levels: [1],
		waypoints: [
			{ at: [68.33, 37.1], what: 'the confluence of the Panj and the Vakhsh' },
			{ at: [67.28, 37.23], what: 'Termez' },
			{ at: [65.22, 37.83], what: 'Kerki' },
			{ at: [63.58, 39.08], what: 'Türkmenabat' },
			{ at: [59.6, 42.46], what: 'Nukus' }
		]
	},
	{
		id: 'panj',
		name: 'Panj',
		levels: [1],
		waypoints: [
			{ at: [68.33, 37.1], what: 'the confluence of the Panj and the Vakhsh' },
			{ at: [70.76, 38.45], what: 'Kalaikhumb' },
			{ at: [71.55, 37.49], what: 'Khorog' },
			{ at: [71.61, 36.72], what: 'Ishkashim' }
		]
	},
	{
		id: 'kurram',
		name: 'Kurram',
		levels: [4],
		waypoints: [
			{ at: [70.55, 33.37], what: 'Thal' },
			{ at: [70.6, 32.99], what: 'Bannu' }
		]
	},
	{
		id: 'gomal',
		name: 'Gomal',
		levels: [3],
		waypoints: [
			{ at: [69.97, 32.1], what: 'the Gomal Zam dam at Khajuri Kach' },
			{ at: [70.46, 31.93], what: 'Kulachi' }
		]
	},
	{
		id: 'hari-rud',
		name: 'Hari Rud',
		levels: [3],
		waypoints: [
			{ at: [62.2, 34.35], what: 'Herat' },
			{ at: [65.25, 34.52], what: 'Chaghcharan' }
		]
	},
	{
		id: 'kunduz',
		name: 'Kunduz',
		levels: [3],
		waypoints: [
			{ at: [68.86, 36.73], what: 'Kunduz' },
			{ at: [68.71, 36.13], what: 'Baghlan' }
		]
	}
];
