/**
 * The text of a saved web page, as a reader sees it: scripts, styles, comments and other things
 * never shown are dropped, every block (a paragraph, a heading, a list item, a table row, a line
 * break) becomes a line of its own, and runs of spaces and line breaks inside a block fold to one
 * space as a browser folds them (a no-break space stays: it is a character of the text). The
 * result is one paragraph per line, by the corpus's paragraph rule.
 *
 * The page is parsed, never rendered: in the browser by `DOMParser`, whose documents run no
 * script and load nothing; the parser is passed in, so that node tests can use a small stand-in.
 * The walk needs only the few DOM members of `HtmlNode`.
 */

/** The DOM members the walk reads (a browser's Node has them all). */
export interface HtmlNode {
	nodeType: number;
	nodeName: string;
	nodeValue: string | null;
	childNodes: ArrayLike<HtmlNode>;
	getAttribute?(name: string): string | null;
}

export interface HtmlDocumentLike {
	body: HtmlNode | null;
	documentElement: HtmlNode | null;
}

export type HtmlParser = (html: string) => HtmlDocumentLike;

/** The browser's parser: a document that is never shown, runs no script and fetches nothing. */
export const browserHtmlParser: HtmlParser = (html) => new DOMParser().parseFromString(html, 'text/html');

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Elements whose content is never shown as text of the page. */
const NOT_SHOWN = new Set([
	'HEAD',
	'TITLE',
	'SCRIPT',
	'STYLE',
	'NOSCRIPT',
	'TEMPLATE',
	'META',
	'LINK',
	'SVG',
	'CANVAS',
	'IFRAME',
	'OBJECT',
	'EMBED',
	'AUDIO',
	'VIDEO',
	'PICTURE',
	'IMG',
	'INPUT',
	'SELECT',
	'TEXTAREA',
	'BUTTON'
]);

/** Elements that stand on lines of their own. */
const BLOCKS = new Set([
	'ADDRESS',
	'ARTICLE',
	'ASIDE',
	'BLOCKQUOTE',
	'BODY',
	'CAPTION',
	'CENTER',
	'DD',
	'DETAILS',
	'DIALOG',
	'DIV',
	'DL',
	'DT',
	'FIELDSET',
	'FIGCAPTION',
	'FIGURE',
	'FOOTER',
	'FORM',
	'H1',
	'H2',
	'H3',
	'H4',
	'H5',
	'H6',
	'HEADER',
	'HGROUP',
	'HR',
	'HTML',
	'LEGEND',
	'LI',
	'MAIN',
	'MENU',
	'NAV',
	'OL',
	'P',
	'PRE',
	'SECTION',
	'SUMMARY',
	'TABLE',
	'TBODY',
	'TFOOT',
	'THEAD',
	'TR',
	'UL'
]);

/** Table cells: separated by a tab within their row's line, as a browser's innerText does. */
const CELLS = new Set(['TD', 'TH']);

/** Elements whose whitespace is kept as written. */
const PREFORMATTED = new Set(['PRE', 'LISTING', 'PLAINTEXT', 'XMP']);

/** HTML's own whitespace (never the no-break space, which is text). */
const HTML_SPACE = /[ \t\n\f\r]+/g;

class LineBuilder {
	readonly lines: string[] = [];
	private line = '';
	private space = false;

	/** Flowing text: whitespace folds to one space, none at a line's start. */
	flow(text: string): void {
		for (const [i, piece] of text.split(HTML_SPACE).entries()) {
			if (i > 0) this.space = true;
			if (!piece) continue;
			if (this.space && this.line) this.line += ' ';
			this.space = false;
			this.line += piece;
		}
	}

	/** Preformatted text: spaces kept, each line break a new line. */
	preformatted(text: string): void {
		const parts = text.replace(/\r\n?/g, '\n').split('\n');
		parts.forEach((part, i) => {
			if (i > 0) this.end();
			if (this.space && this.line && part) this.line += ' ';
			this.space = false;
			this.line += part;
		});
	}

	/** A separator within a line (between table cells). */
	separate(separator: string): void {
		if (this.line) this.line += separator;
		this.space = false;
	}

	end(): void {
		const line = this.line.replace(/[ \t]+$/, '');
		if (/\S/.test(line)) this.lines.push(line);
		this.line = '';
		this.space = false;
	}
}

function walk(node: HtmlNode, out: LineBuilder, pre: boolean): void {
	if (node.nodeType === TEXT || node.nodeType === CDATA) {
		const text = node.nodeValue ?? '';
		if (pre) out.preformatted(text);
		else out.flow(text);
		return;
	}
	if (node.nodeType !== ELEMENT) return; // comments, processing instructions, doctypes
	const name = node.nodeName.toUpperCase();
	// A `hidden` element is not shown (its attribute reads "" when present, null when absent).
	if (NOT_SHOWN.has(name) || (node.getAttribute?.('hidden') ?? null) !== null) return;
	if (name === 'BR') return out.end();
	const block = BLOCKS.has(name);
	if (block) out.end();
	if (CELLS.has(name)) out.separate('\t');
	const inPre = pre || PREFORMATTED.has(name);
	for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!, out, inPre);
	if (block) out.end();
}

/** The text of an HTML document, one line per block, ending with a line break (empty if none). */
export function htmlToText(html: string, parse: HtmlParser = browserHtmlParser): string {
	const doc = parse(html);
	const root = doc.body ?? doc.documentElement;
	if (!root) return '';
	const out = new LineBuilder();
	walk(root, out, false);
	out.end();
	return out.lines.length ? out.lines.join('\n') + '\n' : '';
}

/**
 * The character encoding a page declares in its first 1024 bytes (`<meta charset="…">` or the
 * http-equiv form), lower-cased; undefined when it declares none. Only read when its bytes are not
 * UTF-8: most saved pages are UTF-8 whatever they declare.
 */
export function declaredCharset(bytes: Uint8Array): string | undefined {
	const head = String.fromCharCode(...bytes.subarray(0, 1024));
	const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
	return match?.[1]?.toLowerCase();
}
