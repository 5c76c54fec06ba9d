/**
 * An import's progress in numbers and words, for the progress bar and its live region. The live
 * region is told only at each tenth of the way, so a screen reader is not flooded with updates.
 */
import { formatBytes } from '../workspace/persistence.ts';
import type { ImportProgress } from './import-protocol.ts';

/** How far along, from 0 to 1: by features when their number is known (GeoJSON), else by bytes. */
export function progressFraction(p: ImportProgress): number {
	if (p.rowsTotal !== undefined) return p.rowsTotal ? Math.min(1, p.rowsRead / p.rowsTotal) : 1;
	return p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : 1;
}

/** "12,000 rows read (3.1 MB of 12 MB, 26%)" */
export function progressWords(p: ImportProgress): string {
	const percent = Math.floor(progressFraction(p) * 100);
	const rows = `${p.rowsRead.toLocaleString('en-GB')} ${p.rowsTotal !== undefined ? 'features' : 'rows'} read`;
	if (p.rowsTotal !== undefined) return `${rows} of ${p.rowsTotal.toLocaleString('en-GB')} (${percent}%)`;
	return `${rows} (${formatBytes(p.bytesRead)} of ${formatBytes(p.bytesTotal)}, ${percent}%)`;
}

/** The tenth of the way the import has reached (0–10): the live region speaks when it changes. */
export function announcementStep(p: ImportProgress): number {
	return Math.floor(progressFraction(p) * 10);
}
