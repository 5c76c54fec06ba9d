/**
 * A minimal valid PDF written by hand, one page per content stream (Helvetica, a correct
 * cross-reference table), for tests that open a PDF: a page of text operators has a text layer;
 * a page that only draws has none, as a scan has none.
 */
export function buildPdf(pages: string[]): Uint8Array {
	const objects: string[] = [];
	const fontId = 3 + pages.length * 2;
	objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
	objects[2] = `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + i * 2} 0 R`).join(' ')}] /Count ${pages.length} >>`;
	pages.forEach((content, i) => {
		const id = 3 + i * 2;
		objects[id] =
			`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${fontId} 0 R >> >> /Contents ${id + 1} 0 R >>`;
		objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
	});
	objects[fontId] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
	let pdf = '%PDF-1.4\n';
	const offsets: number[] = [];
	for (let i = 1; i < objects.length; i++) {
		offsets[i] = pdf.length;
		pdf += `${i} 0 obj\n${objects[i]}\nendobj\n`;
	}
	const xref = pdf.length;
	pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
	for (let i = 1; i < objects.length; i++) pdf += `${String(offsets[i]).padStart(10, '0')} 00000 n \n`;
	pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
	return new TextEncoder().encode(pdf);
}

/** A page that draws a filled rectangle and writes no text: what a scanned page looks like. */
export const DRAWING_PAGE = '0.5 g 72 72 468 648 re f';

/** A page of one line of text at 12 points. */
export const textPage = (line: string) => `BT /F1 12 Tf 72 720 Td (${line}) Tj ET`;
