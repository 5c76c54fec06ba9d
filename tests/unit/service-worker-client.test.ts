/**
 * The page's update flow (src/lib/app/service-worker-client.ts), with fake registrations: a new
 * worker waiting behind the one in control is offered; taking it tells that worker to skip
 * waiting and reloads once when it takes control; the first install is never offered as an update.
 */
import { describe, expect, it } from 'vitest';
import { watchForUpdates, type WaitingWorker } from '$lib/app/service-worker-client';
import { SKIP_WAITING } from '$lib/app/messages';

class FakeWorker extends EventTarget implements WaitingWorker {
	state = 'installing';
	messages: unknown[] = [];
	postMessage(message: unknown) {
		this.messages.push(message);
	}
	become(state: string) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget {
	waiting: FakeWorker | null = null;
	installing: FakeWorker | null = null;
	/** A new worker is found and starts installing. */
	found(): FakeWorker {
		const worker = new FakeWorker();
		this.installing = worker;
		this.dispatchEvent(new Event('updatefound'));
		return worker;
	}
}

class FakeContainer extends EventTarget {
	constructor(public controller: unknown) {
		super();
	}
	takeControl(worker: unknown) {
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
	}
}

function setup(controlled: boolean) {
	const registration = new FakeRegistration();
	const container = new FakeContainer(controlled ? new FakeWorker() : null);
	const offers: (() => void)[] = [];
	let reloads = 0;
	return {
		registration,
		container,
		offers,
		reloads: () => reloads,
		watch: () =>
			watchForUpdates(
				registration,
				container,
				(take) => offers.push(take),
				() => reloads++
			)
	};
}

describe('the update flow', () => {
	it('offers a new worker once it is installed and waiting, and takes it on request', () => {
		const t = setup(true);
		t.watch();
		const worker = t.registration.found();
		expect(t.offers).toHaveLength(0);
		worker.become('installed');
		expect(t.offers).toHaveLength(1);

		t.offers[0]!();
		expect(worker.messages).toEqual([{ type: SKIP_WAITING }]);
		expect(t.reloads()).toBe(0);
		t.container.takeControl(worker);
		expect(t.reloads()).toBe(1);
		// A second change of control (another update) does not reload twice.
		t.container.takeControl(new FakeWorker());
		expect(t.reloads()).toBe(1);
	});

	it('offers a worker that was already waiting when the page registered', () => {
		const t = setup(true);
		t.registration.waiting = new FakeWorker();
		t.watch();
		expect(t.offers).toHaveLength(1);
		t.offers[0]!();
		expect(t.registration.waiting.messages).toEqual([{ type: SKIP_WAITING }]);
	});

	it('never offers the first install, which takes over the page by itself', () => {
		const t = setup(false);
		t.watch();
		const worker = t.registration.found();
		worker.become('installed');
		t.container.takeControl(worker);
		expect(t.offers).toHaveLength(0);
		expect(t.reloads()).toBe(0);
	});

	it('offers a plain reload when another tab has let the new version take over', () => {
		const t = setup(true);
		t.watch();
		t.container.takeControl(new FakeWorker());
		expect(t.offers).toHaveLength(1);
		expect(t.reloads()).toBe(0);
		t.offers[0]!();
		expect(t.reloads()).toBe(1);
	});
});
