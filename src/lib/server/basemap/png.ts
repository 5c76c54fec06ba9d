/**
 * A minimal PNG codec for the terrain extraction and its tests: it writes 8-bit palette images
 * (with per-entry transparency and text chunks, which carry the relief's georeference) and reads
 * the non-interlaced 8-bit images the extraction meets (greyscale, RGB, palette). Node's zlib
 * does the compression, so neither the build nor the tests need an image library.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export interface IndexedImage {
	width: number;
	height: number;
	/** One palette index per pixel, row by row. */
	indices: Uint8Array;
	/** [r, g, b, a] per palette entry, each 0–255. */
	palette: [number, number, number, number][];
	/** tEXt chunks: keyword → Latin-1 text. */
	text?: Record<string, string>;
}

export interface DecodedImage {
	width: number;
	height: number;
	/** Samples per pixel as stored: 1 for greyscale and palette, 3 for RGB, 4 for RGBA. */
	channels: number;
	/** The samples, row by row (palette images: the indices). */
	data: Uint8Array;
	palette?: [number, number, number, number][];
	text: Record<string, string>;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
	const head = Buffer.alloc(8);
	head.writeUInt32BE(data.length, 0);
	head.write(type, 4, 'latin1');
	const tail = Buffer.alloc(4);
	tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
	return Buffer.concat([head, data, tail]);
}

/** Encodes an 8-bit palette PNG. Rows use the "up" filter: it suits smooth fields like relief. */
export function encodeIndexedPng(image: IndexedImage): Buffer {
	const { width, height, indices, palette } = image;
	if (indices.length !== width * height) throw new Error('pixel count does not match the size');
	if (palette.length === 0 || palette.length > 256) throw new Error('a palette has 1–256 entries');
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr[8] = 8; // bit depth
	ihdr[9] = 3; // colour type: palette
	const raw = Buffer.alloc(height * (width + 1));
	for (let y = 0; y < height; y++) {
		raw[y * (width + 1)] = 2; // filter: up
		for (let x = 0; x < width; x++) {
			const above = y > 0 ? indices[(y - 1) * width + x]! : 0;
			raw[y * (width + 1) + 1 + x] = (indices[y * width + x]! - above) & 0xff;
		}
	}
	const text = Object.entries(image.text ?? {}).map(([key, value]) =>
		chunk('tEXt', Buffer.from(`${key}\0${value}`, 'latin1'))
	);
	return Buffer.concat([
		SIGNATURE,
		chunk('IHDR', ihdr),
		chunk('PLTE', Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]))),
		chunk('tRNS', Buffer.from(palette.map(([, , , a]) => a))),
		...text,
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 6: 4 };

function paeth(a: number, b: number, c: number): number {
	const p = a + b - c;
	const pa = Math.abs(p - a);
	const pb = Math.abs(p - b);
	const pc = Math.abs(p - c);
	return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Decodes a non-interlaced 8-bit PNG; throws on anything else rather than guessing. */
export function decodePng(file: Uint8Array): DecodedImage {
	const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
	if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file');
	let width = 0;
	let height = 0;
	let channels = 0;
	let rgb: Uint8Array | undefined;
	let alpha: Uint8Array | undefined;
	const idat: Buffer[] = [];
	const text: Record<string, string> = {};
	for (let at = 8; at < buf.length;) {
		const length = buf.readUInt32BE(at);
		const type = buf.toString('latin1', at + 4, at + 8);
		const data = buf.subarray(at + 8, at + 8 + length);
		if (type === 'IHDR') {
			width = data.readUInt32BE(0);
			height = data.readUInt32BE(4);
			const [depth, colourType, , , interlace] = [data[8], data[9], data[10], data[11], data[12]];
			channels = CHANNELS[colourType!] ?? 0;
			if (depth !== 8 || !channels || interlace !== 0)
				throw new Error(`unsupported PNG: depth ${depth}, colour type ${colourType}, interlace ${interlace}`);
		} else if (type === 'PLTE') rgb = data;
		else if (type === 'tRNS') alpha = data;
		else if (type === 'IDAT') idat.push(data);
		else if (type === 'tEXt') {
			const zero = data.indexOf(0);
			text[data.toString('latin1', 0, zero)] = data.toString('latin1', zero + 1);
		}
		at += 12 + length;
	}
	const stride = width * channels;
	const raw = inflateSync(Buffer.concat(idat));
	const out = new Uint8Array(height * stride);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		for (let x = 0; x < stride; x++) {
			const a = x >= channels ? out[y * stride + x - channels]! : 0;
			const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
			const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
			const v = raw[y * (stride + 1) + 1 + x]!;
			const predicted = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter!];
			if (predicted === undefined) throw new Error(`bad PNG filter ${filter} in row ${y}`);
			out[y * stride + x] = (v + predicted) & 0xff;
		}
	}
	const palette = rgb
		? Array.from({ length: rgb.length / 3 }, (_, i): [number, number, number, number] => [
				rgb[i * 3]!,
				rgb[i * 3 + 1]!,
				rgb[i * 3 + 2]!,
				alpha?.[i] ?? 255
			])
		: undefined;
	return { width, height, channels, data: out, palette, text };
}
