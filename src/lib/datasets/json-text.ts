/**
 * JSON text read defensively: its nesting is measured before `JSON.parse` sees it (a file of a
 * million `[` would otherwise exhaust the stack, or parse into something every later walk
 * recurses through), and a syntax error says where it is, and whether the file seems cut off.
 */

/** Deeper than any GeoJSON needs: a MultiPolygon's coordinates are 4 deep inside 3 or 4 objects. */
export const MAX_JSON_DEPTH = 64;

export type JsonText = { ok: true; value: unknown } | { ok: false; message: string };

/** Line and column (from 1) of a position in the text. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, column: index - lineStart + 1 };
}

/** Where the nesting first goes deeper than `max`, or undefined; strings are skipped. */
export function tooDeepAt(text: string, max = MAX_JSON_DEPTH): number | undefined {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 92) i++;
			else if (c === 34) inString = false;
		} else if (c === 34) inString = true;
		else if (c === 123 || c === 91) {
			if (++depth > max) return i;
		} else if (c === 125 || c === 93) depth--;
	}
	return undefined;
}

/** Parses JSON text, with the problem in words when it is not JSON or nests too deeply. */
export function parseJsonText(text: string): JsonText {
	const deep = tooDeepAt(text);
	if (deep !== undefined) {
		const { line, column } = lineAndColumn(text, deep);
		return {
			ok: false,
			message: `it nests more than ${MAX_JSON_DEPTH} levels deep (at line ${line}, column ${column}); GeoJSON never needs that, so it was not parsed`
		};
	}
	try {
		return { ok: true, value: JSON.parse(text) };
	} catch (e) {
		const raw = (e as Error).message;
		const position = /position (\d+)/.exec(raw);
		let where = '';
		if (
			/end of JSON input|Unterminated string/i.test(raw) ||
			(position && Number(position[1]) >= text.trimEnd().length)
		)
			where = ' (the file ends early: was it cut off?)';
		else if (position) {
			const { line, column } = lineAndColumn(text, Number(position[1]));
			where = ` (line ${line}, column ${column})`;
		}
		// The engine's words without the excerpt of the text it may quote (which may be binary).
		const words = raw
			.replace(/ at position \d+.*$/s, '')
			.replace(/, ".*$/s, '')
			.replace(/\p{Cc}/gu, '?');
		return { ok: false, message: `it is not valid JSON: ${words}${where}` };
	}
}
