/**
 * Shared pieces of the workspace tests: a fresh fake IndexedDB per test (fake-indexeddb's
 * globals are installed once, as idb's wrappers need them), a deterministic clock, unique
 * channel names so tests never hear each other, and real records of geodata/ to store.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { afterEach } from 'vitest';
import { openWorkspace, type Workspace, type WorkspaceOptions } from '$lib/workspace/workspace';
import type { Deck } from '$lib/schema/briefing';
import type { Event, Place } from '$lib/schema/model';

let counter = 0;
const opened: Workspace[] = [];

afterEach(() => {
	for (const ws of opened.splice(0)) ws.close();
});

/** A clock that starts at 2024-05-01T12:00:00Z and ticks one second per reading. */
export function steppingClock(start = Date.UTC(2024, 4, 1, 12)): () => Date {
	let t = start;
	return () => new Date((t += 1000) - 1000);
}

/** Options for a workspace on a fresh, empty fake database of its own. */
export function freshOptions(overrides: Partial<WorkspaceOptions> = {}): WorkspaceOptions {
	counter++;
	return {
		factory: new IDBFactory(),
		name: `workspace-test-${counter}`,
		channelName: `workspace-test-${counter}`,
		clock: steppingClock(),
		appVersion: '0.0.0-test',
		storage: {},
		...overrides
	};
}

/** Opens a workspace and closes it after the test. */
export async function open(options: WorkspaceOptions = freshOptions()): Promise<Workspace> {
	const ws = await openWorkspace(options);
	opened.push(ws);
	return ws;
}

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

export const shippedDeck: Deck = json('geodata/briefings/border-story.json');
const places: Place[] = json('geodata/places.json').places;
const events: Event[] = json('geodata/events.json').events;

/** A copy of the shipped deck under another id, as a user's own deck. */
export function ownDeck(id = 'my-deck', title = 'My deck'): Deck {
	return { ...structuredClone(shippedDeck), id, title };
}

export const aPlace = (): Place => structuredClone(places[0]!);
export const anEvent = (): Event => structuredClone(events[0]!);

/** Resolves with the next value `subscribe` delivers that matches. */
export function nextEvent<T>(
	subscribe: (listener: (event: T) => void) => () => void,
	match: (event: T) => boolean
) {
	return new Promise<T>((resolve) => {
		const stop = subscribe((event) => {
			if (!match(event)) return;
			stop();
			resolve(event);
		});
	});
}
