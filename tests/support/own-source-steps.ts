/**
 * The steps of a user adding a source of their own, shared by the end-to-end tests of the pages
 * and their accessibility scans: a short news text naming Torkham (an atlas place) and Jalalabad
 * (only the gazetteer's), its metadata, a selection made as a drag would make it, and a count of
 * the sources in the browser's workspace read straight from IndexedDB.
 */
import type { Locator, Page } from 'playwright-core';

export const TITLE = 'Trade resumes at Torkham after week-long closure';
export const SENTENCE =
	'Hundreds of trucks loaded with fruit from Jalalabad had waited on the Afghan side, drivers said.';
export const NEWS = [
	TITLE,
	'',
	'Pakistani and Afghan officials reopened the Torkham crossing on Tuesday after a closure of more than a week that followed an exchange of fire between border guards.',
	'',
	`${SENTENCE} A customs official said the backlog would take several days to clear.`,
	'',
	'Traders on both sides said the repeated closures had cost them millions of rupees this winter.'
].join('\n');
export const EVENT_TITLE = 'Torkham reopens after a week';
export const SOURCE_ID = 'frontier-wire-2025-02';

/** Sources in this browser's workspace, counted straight from IndexedDB. */
export async function savedSources(page: Page): Promise<number> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((ok, fail) => {
			const request = indexedDB.open('frontier-atlas-workspace');
			request.onsuccess = () => ok(request.result);
			request.onerror = () => fail(request.error);
		});
		const names = [...db.objectStoreNames];
		if (!names.includes('records')) throw new Error('the page has not opened its workspace');
		const store = 'records';
		const all = await new Promise<{ kind: string; deleted: boolean }[]>((ok, fail) => {
			const request = db.transaction(store).objectStore(store).getAll();
			request.onsuccess = () => ok(request.result);
			request.onerror = () => fail(request.error);
		});
		db.close();
		return all.filter((r) => r.kind === 'source' && !r.deleted).length;
	});
}

export const alert = (page: Page) => page.locator('.source-form [role="alert"]');

export async function openFile(page: Page, name: string, buffer: Buffer, mimeType = 'text/plain') {
	await page.getByLabel(/^Open a file/).setInputFiles({ name, mimeType, buffer });
}

/** Fills the metadata of the pasted source; `date` as typed. */
export async function describeSource(page: Page, date: string) {
	await page.getByLabel('Title', { exact: true }).fill(TITLE);
	await page.getByRole('textbox', { name: /^Publisher/ }).fill('Frontier Wire');
	await page.getByRole('textbox', { name: /^Where you read it/ }).fill('frontierwire.example, printed copy');
	const start = page.getByLabel('From (or the date)');
	await start.fill(date);
	await start.blur();
	await page.getByLabel('Where the date comes from').selectOption('explicit');
	await page.getByLabel('Kind').selectOption('news');
}

/** Selects `text` inside the paragraph `paragraph` of the reader, as a user's drag would. */
export async function selectInParagraph(page: Page, paragraph: string, text: string) {
	await page.evaluate(
		([id, wanted]) => {
			const container = document.querySelector(`#${id} .text`)!;
			const at = container.textContent!.indexOf(wanted);
			if (at < 0) throw new Error(`“${wanted}” is not in ${id}`);
			const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
			const range = document.createRange();
			let seen = 0;
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const length = node.textContent!.length;
				if (seen <= at && at < seen + length) range.setStart(node, at - seen);
				if (seen < at + wanted.length && at + wanted.length <= seen + length)
					range.setEnd(node, at + wanted.length - seen);
				seen += length;
			}
			const selection = document.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		},
		[paragraph, text] as const
	);
}

/** The control labelled `label` (a label holds its help, and a select its options, after the words). */
export const field = (scope: Locator, label: string) =>
	scope.getByLabel(new RegExp(`^${label.replace(/[()]/g, '\\$&')}`)).first();
