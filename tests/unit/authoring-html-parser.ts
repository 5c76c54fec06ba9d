/**
 * A small stand-in for the browser's DOMParser, for node tests of the HTML intake: enough of HTML
 * for well-formed test pages (elements, void elements, attributes, comments, a doctype, raw-text
 * script and style, a few entities). The browser's parser is the real one; this one only feeds
 * the walk in src/lib/authoring/html-text.ts the same kind of tree.
 */
import type { HtmlDocumentLike, HtmlNode } from '$lib/authoring/html-text';

const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr', 'source', 'area', 'col', 'embed']);
const RAW = new Set(['script', 'style', 'textarea', 'title']);
const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: '\u00a0',
	rsquo: '’',
	lsquo: '‘',
	rdquo: '”',
	ldquo: '“',
	mdash: '—',
	ndash: '–'
};

const decode = (s: string) =>
	s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, name: string) => {
		if (name[0] === '#')
			return String.fromCodePoint(
				name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
			);
		return ENTITIES[name] ?? all;
	});

interface StandInNode extends HtmlNode {
	childNodes: StandInNode[];
	attributes: Map<string, string>;
}

function element(name: string, attributes = new Map<string, string>()): StandInNode {
	return {
		nodeType: 1,
		nodeName: name.toUpperCase(),
		nodeValue: null,
		childNodes: [],
		attributes,
		getAttribute: (a) => attributes.get(a) ?? null
	};
}

const node = (nodeType: number, value: string): StandInNode => ({
	nodeType,
	nodeName: nodeType === 3 ? '#text' : '#comment',
	nodeValue: value,
	childNodes: [],
	attributes: new Map()
});

function attributesOf(text: string): Map<string, string> {
	const map = new Map<string, string>();
	for (const m of text.matchAll(/([a-z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gi))
		map.set(m[1]!.toLowerCase(), decode(m[2] ?? m[3] ?? m[4] ?? ''));
	return map;
}

export function parseHtmlStandIn(html: string): HtmlDocumentLike {
	const root = element('#document-fragment');
	const stack: StandInNode[] = [root];
	const tokens =
		/<!--([\s\S]*?)-->|<!([^>]*)>|<\/([a-z0-9]+)\s*>|<([a-z0-9]+)((?:\s+[^\s/>=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>|([^<]+|<)/gi;
	let m: RegExpExecArray | null;
	while ((m = tokens.exec(html))) {
		const top = stack.at(-1)!;
		if (m[1] !== undefined) top.childNodes.push(node(8, m[1]));
		else if (m[2] !== undefined)
			continue; // doctype
		else if (m[3]) {
			const name = m[3].toUpperCase();
			const at = stack.findLastIndex((n) => n.nodeName === name);
			if (at > 0) stack.length = at;
		} else if (m[4]) {
			const el = element(m[4], attributesOf(m[5] ?? ''));
			top.childNodes.push(el);
			const name = m[4].toLowerCase();
			if (RAW.has(name)) {
				const end = html.toLowerCase().indexOf(`</${name}`, tokens.lastIndex);
				const stop = end < 0 ? html.length : end;
				el.childNodes.push(node(3, html.slice(tokens.lastIndex, stop)));
				tokens.lastIndex = stop;
				stack.push(el);
			} else if (!VOID.has(name)) stack.push(el);
		} else if (m[6] !== undefined) top.childNodes.push(node(3, decode(m[6])));
	}
	const find = (n: StandInNode, name: string): StandInNode | null =>
		n.nodeName === name ? n : n.childNodes.reduce<StandInNode | null>((f, c) => f ?? find(c, name), null);
	return { body: find(root, 'BODY'), documentElement: find(root, 'HTML') ?? root };
}
