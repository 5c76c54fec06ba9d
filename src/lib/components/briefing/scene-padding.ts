/**
 * The camera padding of a presented scene: the map is framed in what the scene's card leaves
 * free. Beside the card on a wide screen, above it on a phone (where the card lies along the
 * bottom), with a margin all round.
 */
import type { PaddingOptions } from 'maplibre-gl';

const MARGIN = 40;

/** The padding for `map` given where `card` is (the card may be absent: no padding for it). */
export function scenePadding(map: HTMLElement, card: HTMLElement | undefined): PaddingOptions {
	const padding = { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
	if (!card) return padding;
	const m = map.getBoundingClientRect();
	const c = card.getBoundingClientRect();
	const atBottom = c.width > m.width * 0.8;
	if (atBottom) padding.bottom = Math.min(m.height * 0.6, m.bottom - c.top + MARGIN / 2);
	else padding.left = Math.min(m.width * 0.6, c.right - m.left + MARGIN / 2);
	return padding;
}
