/**
 * When the page has settled: loaded, its map (or reader) no longer loading, and the browser idle.
 * The service worker is registered only then, because installing it downloads the whole build,
 * which must not compete with the first paint of the map. Views that load say so with
 * `data-status="loading"` on their element (the atlas's and the presenter's map, the reader);
 * the wait ends when none does, or after `limit` ms whatever they say.
 */

const LOADING = '[data-status="loading"]';

export function whenPageSettled(limit = 20_000): Promise<void> {
	return new Promise((settled) => {
		const idle = () => {
			if ('requestIdleCallback' in window) requestIdleCallback(() => settled(), { timeout: 5_000 });
			else setTimeout(settled, 500);
		};
		const loaded = () => void nothingLoading(limit).then(idle);
		if (document.readyState === 'complete') loaded();
		else window.addEventListener('load', loaded, { once: true });
	});
}

/** Resolves once no element says it is loading (or after `limit` ms). */
function nothingLoading(limit: number): Promise<void> {
	if (!document.querySelector(LOADING)) return Promise.resolve();
	return new Promise((done) => {
		const finish = () => {
			observer.disconnect();
			clearTimeout(timer);
			done();
		};
		const observer = new MutationObserver(() => {
			if (!document.querySelector(LOADING)) finish();
		});
		observer.observe(document.body, { subtree: true, childList: true, attributeFilter: ['data-status'] });
		const timer = setTimeout(finish, limit);
	});
}
