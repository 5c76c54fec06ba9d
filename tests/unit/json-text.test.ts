/**
 * The strict JSON parser of the validator: the same values as JSON.parse for everything JSON.parse
 * accepts (the real geodata/ files included), every duplicate key with its path and position, and
 * a line and column for every syntax error.
 */
import { describe, expect, it } from 'vitest';
import { parseJsonText, positionAt } from '$lib/server/data/json-text';
import { readGeodata } from '$lib/server/data/read';

describe('parseJsonText', () => {
	const jsonFiles = [...readGeodata()].filter(([name]) => name.endsWith('.json'));

	it.each(jsonFiles.map(([name, text]) => [name, text] as const))(
		'reads %s exactly as JSON.parse does, with no duplicate key',
		(_, text) => {
			const result = parseJsonText(text);
			expect(result.ok && result.duplicates).toEqual([]);
			expect(result.ok && result.value).toEqual(JSON.parse(text));
		}
	);

	it.each([
		'0',
		'-0',
		'1.5e-3',
		'-12.25E+2',
		'1e400',
		'"\\u00e9\\ud83d\\ude00 \\" \\\\ \\/ \\b\\f\\n\\r\\t"',
		'"\\ud800"',
		'"é 😀 د"',
		'[]',
		'{}',
		' \t\r\n[ 1 , [ ] , { } , "x" , true , false , null ] \n',
		'{"a":{"b":[{"c":null}]}}'
	])('reads %j as JSON.parse does', (text) => {
		const result = parseJsonText(text);
		expect(result.ok).toBe(true);
		expect(result.ok && result.value).toStrictEqual(JSON.parse(text));
	});

	it('keeps a "__proto__" key as data, as JSON.parse does', () => {
		const result = parseJsonText('{"__proto__": {"polluted": true}}');
		const value = result.ok ? (result.value as Record<string, unknown>) : {};
		expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
		expect(Object.keys(value)).toEqual(['__proto__']);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('reports every duplicate key with its path and both positions, keeping the last value', () => {
		const text = '{\n  "a": [\n    { "id": 1, "id": 2 },\n    { "x": { "y": 1,\n "y": 2, "y": 3 } }\n  ]\n}';
		const result = parseJsonText(text);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toEqual({ a: [{ id: 2 }, { x: { y: 3 } }] });
		expect(result.duplicates).toEqual([
			{ path: ['a', 0, 'id'], line: 3, column: 16, first: { line: 3, column: 7 } },
			{ path: ['a', 1, 'x', 'y'], line: 5, column: 2, first: { line: 4, column: 14 } },
			{ path: ['a', 1, 'x', 'y'], line: 5, column: 10, first: { line: 5, column: 2 } }
		]);
	});

	it.each([
		'{',
		'[1,',
		'{"a"',
		'{"a":',
		'{"a":1',
		'"abc',
		'[1 2]',
		'{"a" 1}',
		'{a:1}',
		'[.5]',
		'[-]',
		'[1.]',
		'[1e]',
		'[+1]',
		'[0x10]',
		'[Infinity]',
		'[undefined]',
		'["\\u12"]',
		'["\t"]',
		'[1]]',
		'/* c */ 1',
		'tru',
		'nul'
	])('gives a line and column for %j, which JSON.parse also refuses', (text) => {
		expect(() => JSON.parse(text)).toThrow();
		const result = parseJsonText(text);
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.error.line).toBeGreaterThanOrEqual(1);
		expect(result.error.column).toBeGreaterThanOrEqual(1);
		expect(result.error.column).toBeLessThanOrEqual(text.length + 1);
		expect(result.error.message.length).toBeGreaterThan(10);
	});

	it('refuses nesting deeper than it can safely follow, with a position', () => {
		const result = parseJsonText('['.repeat(5000) + ']'.repeat(5000));
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error.message).toMatch(/nested more than \d+ deep/);
	});

	it.each([
		['abc', 0, { line: 1, column: 1 }],
		['a\nbc', 2, { line: 2, column: 1 }],
		['a\nbc', 3, { line: 2, column: 2 }],
		['a\r\nb', 3, { line: 2, column: 1 }],
		['\n\n', 2, { line: 3, column: 1 }]
	])('positionAt(%j, %i)', (text, offset, expected) => expect(positionAt(text, offset)).toEqual(expected));
});
