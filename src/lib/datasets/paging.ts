/**
 * Paging a long list (thousands of rejected rows) for the import panel, and showing a cell of
 * someone else's file in a table cell: as text, on one line, shortened.
 */

/** How many pages `total` items fill; at least one, so an empty list still has its page. */
export function pageCount(total: number, size: number): number {
	return Math.max(1, Math.ceil(total / size));
}

/** The page number brought into range (pages count from 1). */
export function clampPage(page: number, total: number, size: number): number {
	return Math.min(Math.max(1, Math.floor(page) || 1), pageCount(total, size));
}

/** The items of one page. */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
	const p = clampPage(page, items.length, size);
	return items.slice((p - 1) * size, p * size);
}

/** "101–200 of 3,210" */
export function pageRangeWords(page: number, total: number, size: number): string {
	if (!total) return 'none';
	const p = clampPage(page, total, size);
	const first = (p - 1) * size + 1;
	const last = Math.min(total, p * size);
	return `${first.toLocaleString('en-GB')}–${last.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')}`;
}

/** A cell for a table: line breaks shown as ⏎, runs of blanks as one, at most `max` characters. */
export function cellPreview(value: string, max = 120): string {
	const oneLine = value
		.replace(/\r\n|\r|\n/g, ' ⏎ ')
		.replace(/\s+/g, ' ')
		.trim();
	return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
