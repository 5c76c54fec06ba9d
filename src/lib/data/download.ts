/** Offers a file made in the browser (a CSV, a deck, a PNG) as a download. */
export function downloadBlob(blob: Blob, filename: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = filename;
	a.click();
	// The click has started the download; the URL can go once it has been read.
	setTimeout(() => URL.revokeObjectURL(url), 1000);
}
