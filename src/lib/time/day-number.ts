/**
 * A day as a number: days since 1 January 1970 (UTC), the form the map's layer filters compare
 * on the GPU (a style expression compares numbers, not ISO strings).
 */

/** `2024-03-18` → 19800. */
export function dayNumber(isoDay: string): number {
	return (
		Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10))) /
		86_400_000
	);
}
