/**
 * Lighthouse's desktop preset over a page, in the benchmark's own Chromium (reached through its
 * DevTools port, so no second browser is downloaded or launched): largest contentful paint, total
 * blocking time, and which element the largest paint was.
 */
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

export interface LighthouseSample {
	lcp: number;
	tbt: number;
	/** The element Lighthouse names as the largest contentful paint, as a short selector. */
	lcpElement: string;
}

export async function lighthouseSample(url: string, port: number): Promise<LighthouseSample> {
	const result = await lighthouse(
		url,
		{ port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] },
		desktopConfig
	);
	if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
	const audits = result.lhr.audits;
	// Lighthouse 13 names the element in its LCP breakdown insight, as a node item of its list.
	const breakdown = audits['lcp-breakdown-insight']?.details as
		{ items?: { type?: string; selector?: string; snippet?: string }[] } | undefined;
	const node = breakdown?.items?.find((item) => item.type === 'node');
	return {
		lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
		tbt: audits['total-blocking-time']?.numericValue ?? NaN,
		lcpElement: node?.selector ?? node?.snippet ?? 'not named'
	};
}
