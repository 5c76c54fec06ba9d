/**
 * The standalone presenter's keys, as the atlas's presenter has them: → / Space / Page Down next,
 * ← / Page Up previous, Home / End first and last, N speaker notes, F full screen.
 */

export type KeyAction = 'next' | 'previous' | 'first' | 'last' | 'notes' | 'fullscreen';

/**
 * The action of a key, or null. `onControl`: focus is on a button or link, where Space presses
 * it instead. Keys with Alt, Ctrl or Meta are the browser's.
 */
export function keyAction(
	e: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey'>,
	onControl: boolean
): KeyAction | null {
	if (e.altKey || e.ctrlKey || e.metaKey) return null;
	switch (e.key) {
		case 'ArrowRight':
		case 'PageDown':
			return 'next';
		case ' ':
			return onControl ? null : 'next';
		case 'ArrowLeft':
		case 'PageUp':
			return 'previous';
		case 'Home':
			return 'first';
		case 'End':
			return 'last';
		case 'n':
		case 'N':
			return 'notes';
		case 'f':
		case 'F':
			return 'fullscreen';
		default:
			return null;
	}
}
