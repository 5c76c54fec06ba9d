import { describe, expect, it } from 'vitest';
import {
	forgetUnsavedEvent,
	keepUnsavedEvent,
	readUnsavedEvent,
	UNSAVED_EVENT_KEY,
	type UnsavedEvent
} from '../../src/lib/authoring/unsaved-event';
import { emptyEventDraft } from '../../src/lib/authoring/event-draft';
import { memoryStorage } from './memory-storage';

const citation = { source: 'voa-2024-01', paragraph: 'p5', quote: 'almost daily attacks' };
const kept: UnsavedEvent = {
	draft: { ...emptyEventDraft(), title: 'Typed, not saved', citations: [citation] },
	editing: null,
	citation
};

describe('the unsaved event kept in the browser', () => {
	it('reads back what was kept, and nothing once forgotten', () => {
		const storage = memoryStorage();
		keepUnsavedEvent(kept, storage);
		expect(readUnsavedEvent(storage)).toEqual(kept);
		forgetUnsavedEvent(storage);
		expect(readUnsavedEvent(storage)).toBeNull();
	});

	it('lets go of what is not a draft (broken JSON, another shape) instead of resuming it', () => {
		for (const text of ['{not json', '{"draft":1}', JSON.stringify({ ...kept, citation: null })]) {
			const storage = memoryStorage({ [UNSAVED_EVENT_KEY]: text });
			expect(readUnsavedEvent(storage)).toBeNull();
			if (text !== '{not json') expect(storage.items.has(UNSAVED_EVENT_KEY)).toBe(false);
		}
	});

	it('does not throw when the browser refuses storage', () => {
		const refusing = {
			getItem: () => {
				throw new DOMException('denied', 'SecurityError');
			},
			setItem: () => {
				throw new DOMException('full', 'QuotaExceededError');
			},
			removeItem: () => {
				throw new DOMException('denied', 'SecurityError');
			}
		};
		expect(() => keepUnsavedEvent(kept, refusing)).not.toThrow();
		expect(readUnsavedEvent(refusing)).toBeNull();
		expect(() => forgetUnsavedEvent(refusing)).not.toThrow();
	});
});
