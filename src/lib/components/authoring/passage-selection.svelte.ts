/**
 * The passage selected in a reader's text, followed as the browser's selection changes (mouse,
 * touch or keyboard), for both readers: the bundled sources' and the user's own. It holds the
 * citation the selection makes (or why it cannot make one) and where the toolbar stands beside
 * it; the readers draw the toolbar. Only this and the toolbar are in a reader's first load: what a
 * passage becomes (the event dialog) loads when asked for.
 */
import { citationFromSelection, type SelectedPassage } from '$lib/authoring/selection-citation';
import type { ReaderParagraph } from '$lib/corpus/reader';
import { textPointOf } from './selection-points';

export interface Selected {
	passage: SelectedPassage | null;
	problem: string;
	/** The paragraph the toolbar follows: where the selection ends. */
	after: string;
}

const TOOLBAR_WIDTH = 448;
const TOOLBAR_HEIGHT = 56;

export class PassageSelection {
	selected = $state.raw<Selected | null>(null);
	toolbarAt = $state<{ top: number; left: number }>({ top: 0, left: 0 });

	/**
	 * Follows the selection within `container` (the element holding the paragraphs) of the source
	 * `source()`, whose paragraphs are `paragraphs()`. Returns what stops following it.
	 */
	follow(container: HTMLElement, source: () => string, paragraphs: () => readonly ReaderParagraph[]) {
		const update = () => this.#update(container, source(), paragraphs());
		document.addEventListener('selectionchange', update);
		window.addEventListener('scroll', update, { passive: true });
		window.addEventListener('resize', update);
		return () => {
			document.removeEventListener('selectionchange', update);
			window.removeEventListener('scroll', update);
			window.removeEventListener('resize', update);
		};
	}

	/** The atlas places named wholly inside the passage, for a new event's places. */
	placesIn(passage: SelectedPassage, paragraphs: readonly ReaderParagraph[]): string[] {
		const { start, end } = passage.position;
		const paragraph = paragraphs.find((p) => p.id === passage.citation.paragraph);
		return (paragraph?.mentions ?? []).filter((m) => m.start >= start && m.end <= end).map((m) => m.place);
	}

	#update(container: HTMLElement, source: string, paragraphs: readonly ReaderParagraph[]) {
		const selection = document.getSelection();
		if (!selection || selection.rangeCount === 0 || selection.isCollapsed) {
			this.selected = null;
			return;
		}
		const range = selection.getRangeAt(0);
		const anchor = textPointOf(container, selection.anchorNode, selection.anchorOffset);
		const focus = textPointOf(container, selection.focusNode, selection.focusOffset);
		if (!container.contains(range.commonAncestorContainer) || !anchor || !focus) {
			this.selected = null;
			return;
		}
		const result = citationFromSelection(paragraphs, { source, anchor, focus });
		this.selected = result.ok
			? { passage: result.passage, problem: '', after: result.passage.citation.paragraph }
			: { passage: null, problem: result.message, after: focus.paragraph };
		const rect = range.getBoundingClientRect();
		const width = Math.min(TOOLBAR_WIDTH, window.innerWidth - 16);
		this.toolbarAt = {
			top: Math.min(rect.bottom + 8, window.innerHeight - TOOLBAR_HEIGHT),
			left: Math.max(8, Math.min(rect.left, window.innerWidth - width - 8))
		};
	}
}
