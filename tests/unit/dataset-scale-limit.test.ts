import { describe, expect, it } from 'vitest';
import { scaleNotice, SMOOTH_IMPORTED_EVENTS } from '$lib/datasets/scale-limit';

describe('scaleNotice', () => {
	it('says nothing up to the measured limit', () => {
		expect(scaleNotice(0)).toBe('');
		expect(scaleNotice(SMOOTH_IMPORTED_EVENTS)).toBe('');
	});

	it('past it, says how many events, what slows down and what to do', () => {
		const notice = scaleNotice(300_000);
		expect(notice).toContain('300,000 imported events are on the map');
		expect(notice).toContain('Past 250,000');
		expect(notice).toContain('Remove a dataset');
	});
});
