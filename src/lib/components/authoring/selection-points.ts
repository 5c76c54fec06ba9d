/**
 * Where a browser selection's ends are in a source's text, as a paragraph id and an offset into
 * the paragraph's own text (what ../../authoring/selection-citation.ts takes). The reader renders
 * each paragraph's text, exactly, inside `.paragraph > … .text` (place names as links within it),
 * so an offset is the length of the text from the start of `.text` to the selection's end. An end
 * on the paragraph's number or label counts as its start; an end between paragraphs, as the start
 * of the next one (what a triple click gives).
 */
import type { TextPoint } from '$lib/authoring/selection-citation';

const TEXT = '.text';
const PARAGRAPH = '.paragraph';

function pointIn(paragraph: Element, node: Node, offset: number): TextPoint | null {
	const text = paragraph.querySelector(TEXT);
	if (!text || !paragraph.id) return null;
	const whole = document.createRange();
	whole.selectNodeContents(text);
	const side = whole.comparePoint(node, offset);
	const length = whole.toString().length;
	if (side < 0) return { paragraph: paragraph.id, offset: 0 };
	if (side > 0) return { paragraph: paragraph.id, offset: length };
	const before = document.createRange();
	before.setStart(text, 0);
	before.setEnd(node, offset);
	return { paragraph: paragraph.id, offset: before.toString().length };
}

/** The point of a selection end within `container` (the element holding the paragraphs), or null. */
export function textPointOf(container: Element, node: Node | null, offset: number): TextPoint | null {
	if (!node || !container.contains(node)) return null;
	const element = node instanceof Element ? node : node.parentElement;
	const paragraph = element?.closest(PARAGRAPH);
	if (paragraph && container.contains(paragraph)) return pointIn(paragraph, node, offset);
	// Between paragraphs: the start of the paragraph that follows the point, or the end of the last.
	const paragraphs = [...container.querySelectorAll(PARAGRAPH)];
	for (const p of paragraphs) {
		const range = document.createRange();
		range.selectNode(p);
		if (range.comparePoint(node, offset) <= 0) return pointIn(p, p, 0);
	}
	const last = paragraphs.at(-1);
	return last ? pointIn(last, last, last.childNodes.length) : null;
}
