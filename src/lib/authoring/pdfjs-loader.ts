/**
 * Loads PDF.js in the browser, only when a PDF is opened (it is about 160 KB gzipped, its worker
 * about 400 KB), with its worker served from the site's own origin: Vite copies the worker file
 * into the build and `?url` gives its address, so no request leaves the site (CSP `worker-src
 * 'self'`).
 *
 * The legacy build, not the default one: the default build of pdfjs-dist 6 calls JavaScript
 * added to browsers in 2025 and 2026 (`Map.prototype.getOrInsertComputed`,
 * `Uint8Array.prototype.toHex`, `Math.sumPrecise`), which an analyst's managed laptop may not
 * have yet; the legacy build carries what it needs, costs about 20 KB more, and is the build the
 * node tests run. Vite bundles its main module into a lazy chunk; the worker is served as
 * published. Browser-only: import this module lazily.
 */
import type { PdfjsLike } from './pdf-text.ts';

let loading: Promise<PdfjsLike> | undefined;

export function loadPdfjs(): Promise<PdfjsLike> {
	loading ??= Promise.all([
		import('pdfjs-dist/legacy/build/pdf.mjs'),
		import('pdfjs-dist/legacy/build/pdf.worker.min.mjs?url')
	]).then(([pdfjs, worker]) => {
		pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
		return pdfjs as unknown as PdfjsLike;
	});
	// A failed load (the network gone mid-way, say) may be retried.
	loading.catch(() => (loading = undefined));
	return loading;
}
