/**
 * Column names as written and as compared. Comparison ignores case, diacritics, camelCase,
 * punctuation and units in brackets ("Latitude (WGS84)" is `latitude`, "decimalLatitude" is
 * `decimal_latitude`). The names kept for a dataset are unique and never empty, because the
 * workspace stores rows by column name.
 */

/** A column name reduced for comparison: `Event Date` → `event_date`. */
export function normaliseHeader(name: string): string {
	return name
		.replace(/^\uFEFF/, '')
		.replace(/([a-z0-9])([A-Z])/g, '$1_$2')
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/**
 * The header cells as unique, non-empty column names: the BOM and surrounding blanks removed,
 * an empty name becomes `column 7`, a repeated one `notes (2)`.
 */
export function uniqueColumnNames(cells: readonly string[]): string[] {
	const taken = new Set<string>();
	return cells.map((cell, i) => {
		const base = (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim() || `column ${i + 1}`;
		let name = base;
		for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
		taken.add(name);
		return name;
	});
}
