/**
 * The validated geodata for the build's prerendered endpoints: read and checked once per process.
 * Invalid data throws with every problem listed (file, record, field, what is wrong).
 */
import { readGeodata } from './read.ts';
import { InvalidDataError } from './problems.ts';
import { validateGeodata, type Geodata } from './validate.ts';

let cached: Geodata | undefined;

export function loadGeodata(root = 'geodata'): Geodata {
	if (cached && root === 'geodata') return cached;
	const { data, problems } = validateGeodata(readGeodata(root));
	if (!data) throw new InvalidDataError(problems);
	if (root === 'geodata') cached = data;
	return data;
}
