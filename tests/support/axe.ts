/**
 * An axe scan of a page against WCAG 2.2 level AA, the level the README claims: axe's rules tagged
 * for levels A and AA of WCAG 2.0, 2.1 and 2.2 (axe's defaults leave out 2.2's, such as
 * `target-size`; its best-practice rules stay out). The result is its serious and critical
 * violations, and every `target-size` one whatever axe rates it; the map's canvas is excluded.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Rules reported at any impact: the ones this project has broken before. */
const ALWAYS_REPORTED = new Set(['target-size']);

export async function seriousViolations(page: Page): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_22_AA).exclude('canvas').analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALWAYS_REPORTED.has(v.id))
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
