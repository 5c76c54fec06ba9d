/**
 * Reads every file of geodata/ the atlas is built from into memory, keyed by its path relative to
 * geodata/ (the validator then works on that map, so tests can feed it broken variants).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type GeodataFiles = Map<string, string>;

export const GEODATA_FILES = {
	places: 'places.json',
	events: 'events.json',
	groups: 'groups.json',
	basemap: 'basemap.topo.json',
	/** Outside names and coordinates that propose places in a new text (`npm run gazetteer`). */
	gazetteer: 'gazetteer.json',
	sourcesDir: 'sources',
	/** Briefing decks, `briefings/<deck-id>.json`; the folder may be absent (no decks). */
	briefingsDir: 'briefings'
} as const;

export function readGeodata(root = 'geodata'): GeodataFiles {
	const files: GeodataFiles = new Map();
	for (const name of [
		GEODATA_FILES.places,
		GEODATA_FILES.events,
		GEODATA_FILES.groups,
		GEODATA_FILES.basemap,
		GEODATA_FILES.gazetteer
	]) {
		// A missing file is left out here and reported by the validator, with the others.
		if (existsSync(join(root, name))) files.set(name, readFileSync(join(root, name), 'utf8'));
	}
	const sourcesDir = join(root, GEODATA_FILES.sourcesDir);
	for (const name of existsSync(sourcesDir) ? readdirSync(sourcesDir).sort() : []) {
		if (name.endsWith('.json') || name.endsWith('.txt')) {
			files.set(
				`${GEODATA_FILES.sourcesDir}/${name}`,
				readFileSync(join(root, GEODATA_FILES.sourcesDir, name), 'utf8')
			);
		}
	}
	const briefingsDir = join(root, GEODATA_FILES.briefingsDir);
	for (const name of existsSync(briefingsDir) ? readdirSync(briefingsDir).sort() : []) {
		if (name.endsWith('.json')) {
			files.set(
				`${GEODATA_FILES.briefingsDir}/${name}`,
				readFileSync(join(root, GEODATA_FILES.briefingsDir, name), 'utf8')
			);
		}
	}
	return files;
}
