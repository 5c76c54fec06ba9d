/**
 * JSON written the way geodata/ is written: as Prettier formats it with the project's settings
 * (tabs, print width 110), so that an exported file copied over geodata/ passes `npm run lint`
 * unchanged and a bundled record comes out byte for byte as it is in the file. In geodata/ every
 * object is spread over lines (Prettier keeps an object expanded when it was), and an array stays
 * on one line when it fits in the width (Prettier measuring a tab as two columns and a wide East
 * Asian character as two) and has one element per line otherwise; an array of numbers that does
 * not fit is filled line by line; an array of several non-empty arrays or objects always breaks.
 */

const WIDTH = 110;
const TAB_WIDTH = 2;

/** Display width as Prettier counts it: combining marks 0, wide and full-width characters 2. */
export function displayWidth(text: string): number {
	// eslint-disable-next-line no-control-regex
	if (!/[^\x00-\x7f]/.test(text)) return text.length;
	let width = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		if (c <= 0x1f || (c >= 0x7f && c <= 0x9f) || (c >= 0x300 && c <= 0x36f)) continue;
		width += isWide(c) ? 2 : 1;
	}
	return width;
}

/** East Asian Wide and Fullwidth ranges (Unicode UAX #11), and emoji. */
function isWide(c: number): boolean {
	return (
		(c >= 0x1100 && c <= 0x115f) ||
		(c >= 0x2e80 && c <= 0x303e) ||
		(c >= 0x3041 && c <= 0x33ff) ||
		(c >= 0x3400 && c <= 0x4dbf) ||
		(c >= 0x4e00 && c <= 0x9fff) ||
		(c >= 0xa000 && c <= 0xa4cf) ||
		(c >= 0xac00 && c <= 0xd7a3) ||
		(c >= 0xf900 && c <= 0xfaff) ||
		(c >= 0xfe30 && c <= 0xfe4f) ||
		(c >= 0xff00 && c <= 0xff60) ||
		(c >= 0xffe0 && c <= 0xffe6) ||
		(c >= 0x1f300 && c <= 0x1f64f) ||
		(c >= 0x1f900 && c <= 0x1f9ff) ||
		(c >= 0x20000 && c <= 0x3fffd)
	);
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

/** The value on one line, as Prettier prints it flat (`{ "a": 1 }`, `[1, 2]`). */
function flat(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
	if (isContainer(value)) {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		return entries.length
			? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }`
			: '{}';
	}
	return JSON.stringify(value);
}

/**
 * Prints `value` whose first line starts at `column` after the indentation `depth`, followed on
 * its last line by `trailing` characters (a comma) that must fit too.
 */
function print(value: unknown, depth: number, column: number, trailing: number): string {
	const indent = '\t'.repeat(depth + 1);
	const close = '\t'.repeat(depth);
	if (Array.isArray(value)) {
		if (!value.length) return '[]';
		const one = flat(value);
		const nestedBreaks = value.length > 1 && value.every((v) => isContainer(v) && Object.keys(v).length > 0);
		const hasObject = value.some((v) => isContainer(v) && !Array.isArray(v) && Object.keys(v).length > 0);
		if (!nestedBreaks && !hasObject && column + displayWidth(one) + trailing <= WIDTH) return one;
		const inner = (depth + 1) * TAB_WIDTH;
		if (value.every((v) => typeof v === 'number')) {
			// Filled: as many numbers on a line as fit.
			const lines: string[] = [];
			let line = '';
			value.forEach((v, i) => {
				const item = JSON.stringify(v) + (i < value.length - 1 ? ',' : '');
				if (line && inner + displayWidth(line) + 1 + displayWidth(item) > WIDTH) {
					lines.push(line);
					line = item;
				} else line = line ? `${line} ${item}` : item;
			});
			lines.push(line);
			return `[\n${lines.map((l) => indent + l).join('\n')}\n${close}]`;
		}
		const items = value.map((v, i) => indent + print(v, depth + 1, inner, i < value.length - 1 ? 1 : 0));
		return `[\n${items.join(',\n')}\n${close}]`;
	}
	if (isContainer(value)) {
		const entries = Object.entries(value).filter(([, v]) => v !== undefined);
		if (!entries.length) return '{}';
		const inner = (depth + 1) * TAB_WIDTH;
		const lines = entries.map(([k, v], i) => {
			const key = `${JSON.stringify(k)}: `;
			return indent + key + print(v, depth + 1, inner + displayWidth(key), i < entries.length - 1 ? 1 : 0);
		});
		return `{\n${lines.join(',\n')}\n${close}}`;
	}
	return JSON.stringify(value);
}

/** The text of a geodata JSON file holding `value`, ending with a line break. */
export function formatGeodataJson(value: unknown): string {
	return print(value, 0, 0, 0) + '\n';
}
