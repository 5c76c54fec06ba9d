/**
 * sirv reads a Range header simply: it takes `bytes=-500` (the last 500 bytes) for the first 501,
 * `bytes=0-0` for the whole file, ignores If-Range, and a range that ends before it starts throws
 * in its file stream. Only what it gets right is passed on to it: one `bytes=first-last` range
 * with last ≥ first and last > 0, or `bytes=first-`. Any other Range is dropped and the whole file
 * sent with 200, which RFC 9110 allows a server to do with any Range it does not serve.
 */
import type { IncomingMessage } from 'node:http';

export function isSimpleRange(range: string): boolean {
	const match = /^bytes=(\d+)-(\d*)$/.exec(range.trim());
	if (!match) return false;
	if (match[2] === '') return true;
	const first = Number(match[1]);
	const last = Number(match[2]);
	return last >= first && last > 0;
}

export function keepOnlySimpleRanges(req: IncomingMessage): void {
	const range = req.headers.range;
	if (range === undefined) return;
	if (req.headers['if-range'] !== undefined || !isSimpleRange(range)) delete req.headers.range;
}
