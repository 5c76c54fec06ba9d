/**
 * The gazetteer proposals a user rejected, remembered in the browser by source: read back on the
 * next visit, proposed again on request, unharmed by what another program left under the key,
 * and storage refused said, not thrown.
 */
import { describe, expect, it } from 'vitest';
import {
	forgetRejected,
	readRejected,
	rememberRejected,
	REJECTED_PROPOSALS_KEY
} from '../../src/lib/authoring/rejected-proposals';
import { memoryStorage, refusingStorage } from './memory-storage';

describe('rejected gazetteer proposals', () => {
	it('are remembered by source, once each, and proposed again when forgotten', () => {
		const storage = memoryStorage();
		expect(rememberRejected('herald-2024-05', 'gazetteer:geonames-1', storage)).toEqual({
			rejected: ['gazetteer:geonames-1'],
			kept: true
		});
		rememberRejected('herald-2024-05', 'gazetteer:geonames-1', storage);
		rememberRejected('herald-2024-05', 'gazetteer:geonames-2', storage);
		rememberRejected('dawn-2024-06', 'gazetteer:geonames-3', storage);
		expect(readRejected('herald-2024-05', storage)).toEqual(['gazetteer:geonames-1', 'gazetteer:geonames-2']);
		expect(readRejected('dawn-2024-06', storage)).toEqual(['gazetteer:geonames-3']);
		expect(forgetRejected('herald-2024-05', 'gazetteer:geonames-1', storage)).toEqual([
			'gazetteer:geonames-2'
		]);
		forgetRejected('dawn-2024-06', 'gazetteer:geonames-3', storage);
		expect(JSON.parse(storage.items.get(REJECTED_PROPOSALS_KEY)!)).toEqual({
			'herald-2024-05': ['gazetteer:geonames-2']
		});
	});

	it('read nothing from what is not theirs (broken JSON, another shape)', () => {
		for (const text of [
			'{not json',
			'[1,2]',
			'"x"',
			'{"herald-2024-05": "x"}',
			'{"herald-2024-05": [1, "k"]}'
		]) {
			const storage = memoryStorage({ [REJECTED_PROPOSALS_KEY]: text });
			expect(readRejected('herald-2024-05', storage)).toEqual(text.includes('"k"') ? ['k'] : []);
			expect(rememberRejected('herald-2024-05', 'k2', storage).kept).toBe(true);
		}
	});

	it('say when the browser refuses to keep them, without throwing', () => {
		expect(rememberRejected('herald-2024-05', 'k', refusingStorage())).toEqual({
			rejected: ['k'],
			kept: false
		});
		expect(rememberRejected('herald-2024-05', 'k', undefined)).toEqual({ rejected: ['k'], kept: false });
		expect(forgetRejected('herald-2024-05', 'k', refusingStorage())).toEqual([]);
	});
});
