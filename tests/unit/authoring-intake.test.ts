/**
 * A user's own source in: a paste or a .txt, .md or .html file to its text and paragraphs, kept
 * exactly as written or extracted, with a clear refusal for an empty text, one over the size
 * limit, a binary or non-UTF-8 file, a kind of file the atlas cannot read, and a text the atlas
 * already has (bundled or the user's), however its spaces and line breaks were laid out.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '$lib/server/data/load';
import { splitParagraphs } from '$lib/corpus/paragraphs';
import { decodeTextBytes } from '$lib/authoring/text-decoding';
import { declaredCharset, htmlToText } from '$lib/authoring/html-text';
import { textFingerprint, type KnownText } from '$lib/authoring/text-fingerprint';
import { MAX_SOURCE_TEXT_BYTES } from '$lib/authoring/limits';
import {
	formatOfFileName,
	intakeFile,
	intakeText,
	utf8Length,
	type FileLike
} from '$lib/authoring/source-intake';
import { parseHtmlStandIn } from './authoring-html-parser';

const { sources } = loadGeodata();
const known: KnownText[] = sources.map((s) => ({
	id: s.meta.id,
	title: s.meta.title,
	fingerprint: textFingerprint(s.text),
	bundled: true
}));
const encode = (s: string) => new TextEncoder().encode(s);

/** A file the way the browser's File gives one. */
function fileOf(name: string, content: string | Uint8Array): FileLike {
	const bytes = typeof content === 'string' ? encode(content) : content;
	return {
		name,
		size: bytes.length,
		arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer
	};
}

const context = { known, parseHtml: parseHtmlStandIn };

describe('decodeTextBytes', () => {
	it('keeps UTF-8 text as written, dropping only a byte-order mark', () => {
		const text = 'Torkham “closed”\r\n\u00a0Chitral\n';
		expect(decodeTextBytes(encode(text), 'a.txt')).toEqual({ ok: true, encoding: 'utf-8', text });
		const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(text)]);
		expect(decodeTextBytes(withBom, 'a.txt')).toMatchObject({ ok: true, text });
	});

	it('reads UTF-16 marked by its byte-order mark', () => {
		const text = 'Kābul ’s';
		const le = new Uint8Array(2 + text.length * 2);
		le.set([0xff, 0xfe]);
		for (let i = 0; i < text.length; i++) {
			le[2 + i * 2] = text.charCodeAt(i) & 0xff;
			le[3 + i * 2] = text.charCodeAt(i) >> 8;
		}
		expect(decodeTextBytes(le, 'u.txt')).toEqual({ ok: true, encoding: 'utf-16le', text });
	});

	it('refuses a binary file named .txt, naming the NUL byte', () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
		const result = decodeTextBytes(png, 'photo.txt');
		expect(result).toMatchObject({ ok: false, reason: 'binary' });
		expect(!result.ok && result.message).toContain('photo.txt is not a text file');
		expect(!result.ok && result.message).toContain('byte 8');
	});

	it('refuses bytes that are not UTF-8, naming where they stop being UTF-8', () => {
		// "Caf" then a Windows-1252 é (0xe9) followed by a space: not UTF-8 from byte 3.
		const bytes = new Uint8Array([...encode('Café')].slice(0, 3).concat([0xe9, 0x20, 0x41]));
		const result = decodeTextBytes(bytes, 'latin.txt');
		expect(result).toMatchObject({ ok: false, reason: 'not-utf8' });
		expect(!result.ok && result.message).toContain('from byte 3 on');
		// A valid multi-byte character before the bad byte is not blamed.
		const later = new Uint8Array([...encode('Jalālābād '), 0xff]);
		const at = encode('Jalālābād ').length;
		expect(
			!decodeTextBytes(later, 'x.txt').ok && (decodeTextBytes(later, 'x.txt') as { message: string }).message
		).toContain(`from byte ${at} on`);
	});
});

describe('htmlToText', () => {
	const page = `<!DOCTYPE html>
<html><head><title>Ignored title</title><style>p { color: red }</style>
<script>document.write("never")</script></head>
<body>
<nav>Home</nav>
<!-- a comment that is not text -->
<h1>Strikes   in
  Khost</h1>
<p>Pakistan&rsquo;s <b>air</b>strikes hit <a href="x">Khost</a> and&nbsp;Paktika, officials said.</p>
<p hidden>Hidden text</p>
<div>First line<br>Second line</div>
<ul><li>one</li><li>two &amp; three</li></ul>
<table><tr><th>Place</th><td>Deaths</td></tr><tr><td>Khost</td><td>8</td></tr></table>
<pre>  kept
    as written</pre>
<script>alert(1)</script><noscript>Enable JavaScript</noscript>
</body></html>`;

	it('keeps what a reader sees, one block per line, and drops what is never shown', () => {
		expect(htmlToText(page, parseHtmlStandIn)).toBe(
			[
				'Home',
				'Strikes in Khost',
				'Pakistan’s airstrikes hit Khost and\u00a0Paktika, officials said.',
				'First line',
				'Second line',
				'one',
				'two & three',
				'Place\tDeaths',
				'Khost\t8',
				'  kept',
				'    as written'
			].join('\n') + '\n'
		);
	});

	it('gives paragraphs by the corpus rule, and nothing for a page without text', () => {
		const paragraphs = splitParagraphs(htmlToText(page, parseHtmlStandIn));
		expect(paragraphs.map((p) => p.id).slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
		expect(paragraphs[2]!.text).toContain('Paktika');
		expect(htmlToText('<html><body><script>x()</script> \n </body></html>', parseHtmlStandIn)).toBe('');
	});

	it('reads the encoding a page declares', () => {
		expect(declaredCharset(encode('<html><head><meta charset="windows-1252">'))).toBe('windows-1252');
		expect(
			declaredCharset(encode('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'))
		).toBe('iso-8859-1');
		expect(declaredCharset(encode('<html><body>no declaration'))).toBeUndefined();
	});
});

describe('intakeText', () => {
	it('keeps a pasted text byte for byte and splits it into paragraphs', () => {
		const text = 'Torkham was closed on Monday.\r\n\r\n  The “talks” resumed\u00a0later.\n';
		const result = intakeText(text, { known });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.text).toBe(text);
		expect(result.paragraphs).toEqual(splitParagraphs(text));
		expect(result.paragraphs.map((p) => p.text)).toEqual([
			'Torkham was closed on Monday.',
			'  The “talks” resumed\u00a0later.'
		]);
	});

	it('refuses an empty text', () => {
		expect(intakeText(' \n\t \n', { known })).toMatchObject({
			ok: false,
			reason: 'empty',
			message: expect.stringContaining('The text is empty')
		});
	});

	it('refuses a 30 MB text, stating the limit', () => {
		const huge = 'word '.repeat(6_000_000);
		expect(utf8Length(huge)).toBe(30_000_000);
		const result = intakeText(huge, { known });
		expect(result).toMatchObject({ ok: false, reason: 'too-large' });
		expect(!result.ok && result.message).toContain('30 MB');
		expect(!result.ok && result.message).toContain(`at most ${MAX_SOURCE_TEXT_BYTES / 1_000_000} MB`);
	});

	it('recognises a bundled text brought again, whatever its line breaks and spaces', () => {
		const voa = sources.find((s) => s.meta.id === 'voa-2024-01')!;
		const relaid = voa.text.replace(/\n/g, '\r\n\r\n').replace(/ /g, '  ');
		const result = intakeText(relaid, { known });
		expect(result).toMatchObject({ ok: false, reason: 'duplicate', sameAs: { id: 'voa-2024-01' } });
		expect(!result.ok && result.message).toContain('the bundled source “Surging Militancy');
		// One changed word is another text.
		expect(intakeText(voa.text.replace('Pakistan', 'Pakistan,'), { known }).ok).toBe(true);
	});

	it("recognises the user's own text too", () => {
		const own = 'A report of my own about Chitral.\n';
		const mine: KnownText = {
			id: 'mine-2024',
			title: 'My report',
			fingerprint: textFingerprint(own),
			bundled: false
		};
		expect(intakeText(' A report of my own\tabout Chitral. ', { known: [...known, mine] })).toMatchObject({
			ok: false,
			reason: 'duplicate',
			message: expect.stringContaining('your source “My report” (mine-2024)')
		});
	});
});

describe('intakeFile', () => {
	it('reads a .txt and a .md as written', async () => {
		const md = '# Heading\n\n*Khost* was **struck**.\n';
		const result = await intakeFile(fileOf('report.md', md), context);
		expect(result).toMatchObject({ ok: true, format: 'md', fileName: 'report.md', text: md });
		expect(result.ok && result.paragraphs.map((p) => p.text)).toEqual([
			'# Heading',
			'*Khost* was **struck**.'
		]);
		expect(await intakeFile(fileOf('r.txt', 'Line one\nLine two\n'), context)).toMatchObject({
			ok: true,
			format: 'txt'
		});
	});

	it('reduces an .html file to its text', async () => {
		const result = await intakeFile(
			fileOf('page.html', '<html><body><p>Talks in <i>Kabul</i>.</p><script>x</script></body></html>'),
			context
		);
		expect(result).toMatchObject({ ok: true, format: 'html', text: 'Talks in Kabul.\n' });
	});

	it('reads a page in the Windows-1252 encoding it declares', async () => {
		const bytes = new Uint8Array([
			...encode('<html><head><meta charset="windows-1252"></head><body><p>Pakistan'),
			0x92,
			...encode('s border</p></body></html>')
		]);
		expect(await intakeFile(fileOf('old.htm', bytes), context)).toMatchObject({
			ok: true,
			text: 'Pakistan’s border\n'
		});
	});

	it('refuses a binary file named .txt', async () => {
		const zipBytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]);
		expect(await intakeFile(fileOf('notes.txt', zipBytes), context)).toMatchObject({
			ok: false,
			reason: 'binary',
			message: expect.stringContaining('notes.txt is not a text file')
		});
	});

	it('refuses a file over its limit without reading it', async () => {
		let read = false;
		const big: FileLike = {
			name: 'huge.txt',
			size: 30_000_000,
			arrayBuffer: async () => {
				read = true;
				return new ArrayBuffer(0);
			}
		};
		const result = await intakeFile(big, context);
		expect(result).toMatchObject({ ok: false, reason: 'too-large' });
		expect(!result.ok && result.message).toContain('30 MB');
		expect(!result.ok && result.message).toContain('10 MB');
		expect(read).toBe(false);
	});

	it('refuses kinds of file it cannot read, and empty files', async () => {
		expect(formatOfFileName('Report.PDF')).toBe('pdf');
		expect(formatOfFileName('report.docx')).toBeUndefined();
		expect(await intakeFile(fileOf('report.docx', 'PK'), context)).toMatchObject({
			ok: false,
			reason: 'unsupported',
			message: expect.stringContaining('.txt, .md, .html, .htm, .pdf')
		});
		expect(await intakeFile(fileOf('empty.txt', ''), context)).toMatchObject({ ok: false, reason: 'empty' });
		expect(await intakeFile(fileOf('blank.md', '\n  \n'), context)).toMatchObject({
			ok: false,
			reason: 'empty',
			message: expect.stringContaining('blank.md holds no text')
		});
	});
});
