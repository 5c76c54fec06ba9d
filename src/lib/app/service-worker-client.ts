/**
 * The page's side of the service worker (src/service-worker.ts): registers it once the page has
 * settled (never during the first load), and runs the update flow. A new build's worker installs
 * and waits; `onUpdateReady` is then called with a function that takes the new version: it tells
 * the waiting worker to skip waiting and reloads the page once that worker controls it.
 *
 * When another tab took the update, this tab's page is suddenly controlled by the new worker
 * while running the old build: it is offered a plain reload too.
 */
import { SKIP_WAITING } from './messages.ts';
import { whenPageSettled } from './page-settled.ts';

/** The parts of `navigator.serviceWorker` the update flow uses (a fake in the unit tests). */
export interface WorkerContainer extends EventTarget {
	readonly controller: unknown;
}

/** The parts of a ServiceWorkerRegistration it uses. */
export interface WorkerRegistration extends EventTarget {
	readonly waiting: WaitingWorker | null;
	readonly installing: WaitingWorker | null;
}

export interface WaitingWorker extends EventTarget {
	readonly state: string;
	postMessage(message: unknown): void;
}

export type OnUpdateReady = (takeUpdate: () => void) => void;

/**
 * Calls `onUpdateReady` when a new worker is installed and waiting behind the one that controls
 * this page (not on the first install, which simply takes over), or when another tab has let a
 * new worker take over. `reload` reloads the page (location.reload in the browser).
 */
export function watchForUpdates(
	registration: WorkerRegistration,
	container: WorkerContainer,
	onUpdateReady: OnUpdateReady,
	reload: () => void
): void {
	let requested = false;
	let reloaded = false;
	const reloadOnce = () => {
		if (reloaded) return;
		reloaded = true;
		reload();
	};
	const offer = (worker: WaitingWorker) => {
		if (!container.controller) return;
		onUpdateReady(() => {
			requested = true;
			worker.postMessage({ type: SKIP_WAITING });
		});
	};

	const controlled = !!container.controller;
	container.addEventListener('controllerchange', () => {
		if (requested) reloadOnce();
		// The first install claiming this page is no update; a takeover from another tab is.
		else if (controlled) onUpdateReady(reloadOnce);
	});

	if (registration.waiting) offer(registration.waiting);
	registration.addEventListener('updatefound', () => {
		const worker = registration.installing;
		if (!worker) return;
		worker.addEventListener('statechange', () => {
			if (worker.state === 'installed') offer(worker);
		});
	});
}

/**
 * Registers the worker at `scriptUrl` once the page has settled, and watches for updates. Does
 * nothing where service workers are unavailable (an insecure origin, a private window in some
 * browsers, or blocked by the tests).
 */
export async function registerServiceWorker(scriptUrl: string, onUpdateReady: OnUpdateReady): Promise<void> {
	if (!('serviceWorker' in navigator)) return;
	await whenPageSettled();
	const registration = await navigator.serviceWorker
		.register(scriptUrl, { type: 'classic' })
		.catch((e: unknown) => {
			// Offline use is an extra: the atlas works online without it.
			console.warn('The atlas cannot work offline here:', e instanceof Error ? e.message : e);
			return undefined;
		});
	// A browser that blocks service workers (as the end-to-end tests do) may answer with nothing.
	if (!registration) return;
	watchForUpdates(registration, navigator.serviceWorker, onUpdateReady, () => location.reload());
	// A briefing may stay open for hours: look for a new build whenever the tab is shown again.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') registration.update().catch(() => {});
	});
}
