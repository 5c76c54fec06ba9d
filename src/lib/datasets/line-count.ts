/**
 * Line numbers of CSV rows, counted from the rows themselves: a row takes one line plus one for
 * every line break inside its quoted cells (CRLF, LF or a lone CR each count once), so the row
 * after a quoted multi-line cell gets the line a text editor shows. The parser returns cells with
 * their line breaks intact, so nothing needs the raw text again.
 */

/** Line breaks inside a cell. */
export function lineBreaks(cell: string): number {
	let n = 0;
	for (
		let i = cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1 ? cell.length : 0;
		i < cell.length;
		i++
	) {
		const c = cell.charCodeAt(i);
		if (c === 10) n++;
		else if (c === 13) {
			n++;
			if (cell.charCodeAt(i + 1) === 10) i++;
		}
	}
	return n;
}

/** The lines a parsed row spans in the file. */
export function rowLines(cells: readonly string[]): number {
	let lines = 1;
	for (const cell of cells) lines += lineBreaks(cell);
	return lines;
}
