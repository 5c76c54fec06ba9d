/**
 * A dataset's id and name from its file's name: the id is kebab-case (it is the evidence
 * collection's id, every citation's source, and a workspace record id) and not already taken.
 */

/** `ACLED Pakistan 2024.csv` → `acled-pakistan-2024`; `dataset` when nothing Latin is left. */
export function datasetIdFromFileName(fileName: string, taken: ReadonlySet<string> = new Set()): string {
	const base =
		fileName
			.replace(/\.[^.]+$/, '')
			.normalize('NFKD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60)
			.replace(/-+$/, '') || 'dataset';
	let id = base;
	for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
	return id;
}

/** `ACLED_Pakistan_2024.csv` → `ACLED Pakistan 2024`: the name shown until the user changes it. */
export function datasetNameFromFileName(fileName: string): string {
	return (
		fileName
			.replace(/\.[^.]+$/, '')
			.replace(/[_]+/g, ' ')
			.trim() || fileName
	);
}
