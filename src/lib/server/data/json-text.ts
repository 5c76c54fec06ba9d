/**
 * A strict JSON parser (RFC 8259) for the hand-edited files of geodata/, written for the
 * validator because `JSON.parse` cannot do two things editors need: it silently keeps the last of
 * two equal keys in an object (so a duplicated `"coordinates"` hides the first), and several of
 * its errors ("Unexpected end of JSON input") say nothing of where. This parser accepts exactly
 * what `JSON.parse` accepts and returns the same value, plus every duplicate key with its path and
 * position; a syntax error always comes with a line and column and says what was expected.
 * No installed package does both (zod checks values, not text), hence this small scanner.
 */

/** A place in the text: 1-based line and column (columns count UTF-16 code units, like editors). */
export interface TextPosition {
	line: number;
	column: number;
}

/** A key that occurs twice in one object: JSON keeps the last, so the first is lost. */
export interface DuplicateKey extends TextPosition {
	/** Where the key is: the path of the object plus the key, e.g. `["places", 3, "id"]`. */
	path: (string | number)[];
	/** Where the first occurrence is. */
	first: TextPosition;
}

export interface JsonSyntaxError extends TextPosition {
	message: string;
}

export type JsonResult =
	{ ok: true; value: unknown; duplicates: DuplicateKey[] } | { ok: false; error: JsonSyntaxError };

/** Deeper nesting than this is refused rather than risking the stack (geodata/ nests about 6 deep). */
const MAX_DEPTH = 1000;

class Failure extends Error {
	constructor(
		readonly offset: number,
		message: string
	) {
		super(message);
	}
}

/** Line and column of an offset, counted only when something is reported. */
export function positionAt(text: string, offset: number): TextPosition {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: offset - lineStart + 1 };
}

/** How a character is shown in a message: printable ones quoted, the rest by code point. */
function show(char: string | undefined): string {
	if (char === undefined) return 'the end of the file';
	const code = char.codePointAt(0)!;
	if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0))
		return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
	return `'${char}'`;
}

const ESCAPES: Record<string, string> = {
	'"': '"',
	'\\': '\\',
	'/': '/',
	b: '\b',
	f: '\f',
	n: '\n',
	r: '\r',
	t: '\t'
};
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonText(text: string): JsonResult {
	let i = 0;
	const path: (string | number)[] = [];
	const duplicates: DuplicateKey[] = [];
	const fail = (offset: number, message: string): never => {
		throw new Failure(offset, message);
	};
	/** The end of the text inside an array or object: say which one is left open. */
	const unclosed = (what: 'array' | 'object', open: number): never => {
		const at = positionAt(text, open);
		return fail(
			i,
			`unexpected end of the file: the ${what} opened at line ${at.line}, column ${at.column} is not closed`
		);
	};

	const skipBlanks = () => {
		for (;;) {
			const c = text.charCodeAt(i);
			if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
			else if (c === 0x2f && (text[i + 1] === '/' || text[i + 1] === '*'))
				fail(i, 'comments are not allowed in JSON');
			else return;
		}
	};

	/** What was found where a value should start, as a message. */
	const notAValue = (): never => {
		const c = text[i];
		if (c === undefined) return fail(i, 'unexpected end of the file: a value is missing');
		if (c === "'") return fail(i, 'strings must be in double quotes, not single quotes');
		if (c === ']' || c === '}') return fail(i, `expected a value, found ${show(c)} (a trailing comma?)`);
		const word = /[A-Za-z_$][\w$]*/y;
		word.lastIndex = i;
		const w = word.exec(text)?.[0];
		if (w) return fail(i, `expected a value, found the word '${w}' (JSON has only true, false and null)`);
		return fail(i, `expected a value, found ${show(c)}`);
	};

	const parseString = (): string => {
		const open = i;
		i++; // the opening quote
		let out = '';
		let from = i;
		for (;;) {
			const c = text.charCodeAt(i);
			if (Number.isNaN(c)) fail(open, 'this string is not closed: a double quote is missing');
			if (c === 0x22) break;
			if (c < 0x20)
				fail(i, `a control character (${show(text[i])}) in a string: a line break must be written as \\n`);
			if (c === 0x5c) {
				out += text.slice(from, i);
				const e = text[i + 1];
				if (e === 'u') {
					const hex = text.slice(i + 2, i + 6);
					if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(i, 'a \\u escape needs four hexadecimal digits');
					out += String.fromCharCode(parseInt(hex, 16));
					i += 6;
				} else if (e !== undefined && e in ESCAPES) {
					out += ESCAPES[e];
					i += 2;
				} else fail(i, `invalid escape \\${e ?? ''} in a string`);
				from = i;
			} else i++;
		}
		out += text.slice(from, i);
		i++; // the closing quote
		return out;
	};

	const parseNumber = (): number => {
		NUMBER.lastIndex = i;
		const match = NUMBER.exec(text);
		if (!match) return fail(i, `invalid number`);
		const end = i + match[0].length;
		if (/[\d.eE+-]/.test(text[end] ?? '')) fail(i, `invalid number ${text.slice(i, end + 1)}…`);
		const value = Number(match[0]);
		i = end;
		return value;
	};

	const parseValue = (depth: number): unknown => {
		if (depth > MAX_DEPTH) fail(i, `nested more than ${MAX_DEPTH} deep`);
		skipBlanks();
		const c = text[i];
		if (c === '{') return parseObject(depth);
		if (c === '[') return parseArray(depth);
		if (c === '"') return parseString();
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
		for (const [word, value] of [
			['true', true],
			['false', false],
			['null', null]
		] as const) {
			if (text.startsWith(word, i) && !/[\w$]/.test(text[i + word.length] ?? '')) {
				i += word.length;
				return value;
			}
		}
		return notAValue();
	};

	const parseArray = (depth: number): unknown[] => {
		const open = i;
		i++;
		const out: unknown[] = [];
		skipBlanks();
		if (text[i] === ']') {
			i++;
			return out;
		}
		for (;;) {
			skipBlanks();
			if (i >= text.length) unclosed('array', open);
			path.push(out.length);
			out.push(parseValue(depth + 1));
			path.pop();
			skipBlanks();
			const c = text[i];
			if (c === ',') {
				i++;
				skipBlanks();
				if (text[i] === ']') fail(i, "a trailing comma before ']' is not allowed in JSON");
			} else if (c === ']') {
				i++;
				return out;
			} else if (c === undefined) unclosed('array', open);
			else fail(i, `expected ',' or ']' after an array element, found ${show(c)}`);
		}
	};

	const parseObject = (depth: number): Record<string, unknown> => {
		const open = i;
		i++;
		const out: Record<string, unknown> = {};
		const keyOffsets = new Map<string, number>();
		skipBlanks();
		if (text[i] === '}') {
			i++;
			return out;
		}
		for (;;) {
			skipBlanks();
			const keyAt = i;
			if (text[i] !== '"') {
				if (text[i] === undefined) unclosed('object', open);
				if (text[i] === '}') fail(i, "a trailing comma before '}' is not allowed in JSON");
				fail(i, `expected a property name in double quotes, found ${show(text[i])}`);
			}
			const key = parseString();
			skipBlanks();
			if (text[i] !== ':') fail(i, `expected ':' after the property name "${key}", found ${show(text[i])}`);
			i++;
			skipBlanks();
			if (i >= text.length) unclosed('object', open);
			path.push(key);
			const value = parseValue(depth + 1);
			const earlier = keyOffsets.get(key);
			if (earlier !== undefined)
				duplicates.push({ path: [...path], ...positionAt(text, keyAt), first: positionAt(text, earlier) });
			path.pop();
			keyOffsets.set(key, keyAt);
			// defineProperty, not assignment: a key "__proto__" must be data, as with JSON.parse.
			Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
			skipBlanks();
			const c = text[i];
			if (c === ',') i++;
			else if (c === '}') {
				i++;
				return out;
			} else if (c === undefined) unclosed('object', open);
			else fail(i, `expected ',' or '}' after the value of "${key}", found ${show(c)}`);
		}
	};

	try {
		if (text.charCodeAt(0) === 0xfeff)
			fail(0, 'the file starts with a byte-order mark: save it as UTF-8 without one');
		const value = parseValue(0);
		skipBlanks();
		if (i < text.length) fail(i, `unexpected ${show(text[i])} after the end of the JSON value`);
		return { ok: true, value, duplicates };
	} catch (e) {
		if (!(e instanceof Failure)) throw e;
		return { ok: false, error: { message: e.message, ...positionAt(text, e.offset) } };
	}
}
