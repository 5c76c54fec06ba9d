/**
 * The steps of a user adding a source of their own, shared by the end-to-end tests of the pages,
 * of editing the events made from them and their accessibility scans: a short news text naming
 * Torkham (an atlas place) and Jalalabad (only the gazetteer's), pasted and described, saved; a
 * selection made as a drag would make it; an event's form filled; the whole way from the paste
 * to a saved event; and the records in the browser's workspace read straight from IndexedDB.
 */
import type { Locator, Page } from 'playwright-core';
import type { BrowserSession } from './session';

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
/** The first sentence of the news text's second paragraph: officials reopened the crossing. */
export const REOPENED = NEWS.split('\n')[2]!;
export const EVENT_TITLE = 'Torkham reopens after a week';
export const SOURCE_ID = 'frontier-wire-2025-02';

/** A record of this browser's workspace as the tests look at it: its kind, id, title, and whether in the trash. */
export interface StoredRecord {
	kind: string;
	id: string;
	deleted: boolean;
	title?: string;
}

/** Every record in this browser's workspace, read straight from IndexedDB. */
export async function storedRecords(page: Page): Promise<StoredRecord[]> {
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((ok, fail) => {
			const request = indexedDB.open('frontier-atlas-workspace');
			request.onsuccess = () => ok(request.result);
			request.onerror = () => fail(request.error);
		});
		const names = [...db.objectStoreNames];
		if (!names.includes('records')) throw new Error('the page has not opened its workspace');
		const store = 'records';
		const all = await new Promise<
			{ kind: string; id: string; deleted: boolean; data?: { title?: string } }[]
		>((ok, fail) => {
			const request = db.transaction(store).objectStore(store).getAll();
			request.onsuccess = () => ok(request.result);
			request.onerror = () => fail(request.error);
		});
		db.close();
		return all.map((r) => ({ kind: r.kind, id: r.id, deleted: r.deleted, title: r.data?.title }));
	});
}

/** Sources in this browser's workspace, counted straight from IndexedDB. */
export async function savedSources(page: Page): Promise<number> {
	return (await storedRecords(page)).filter((r) => r.kind === 'source' && !r.deleted).length;
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

/** On "Add a source": pastes the news text, takes it and fills its metadata (`date` as typed). */
export async function pasteNews(page: Page, date = '2025-02-11') {
	await page.getByLabel('Paste the text').fill(NEWS);
	await page.getByRole('button', { name: 'Use the pasted text' }).click();
	await describeSource(page, date);
}

/** Saves the source described and waits for its reader. */
export async function saveSource(page: Page) {
	await page.getByRole('button', { name: 'Save the source' }).click();
	await page.waitForURL(`**/sources/mine/?source=${SOURCE_ID}`);
}

/** Selects `text` inside the paragraph `paragraph` of the reader, as a user's drag would. */
export async function selectInParagraph(page: Page, paragraph: string, text: string) {
	// The reader draws its text once the workspace is open: not at once after a navigation.
	await page.locator(`#${paragraph} .text`).waitFor();
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

/**
 * Fills the event form in `dialog` as EVENT_TITLE, in February 2025 (said in the source), a
 * reopened crossing on the crossings layer; its places are left as they are.
 */
export async function describeEvent(dialog: Locator, summary: string) {
	await field(dialog, 'Title').fill(EVENT_TITLE);
	await dialog.getByRole('textbox', { name: /^Summary, in your own words/ }).fill(summary);
	const start = field(dialog, 'From (or the date)');
	await start.fill('February 2025');
	await start.blur();
	await field(dialog, 'Where the date comes from').selectOption('explicit');
	await field(dialog, 'Type of event').fill('crossing-reopened');
	await field(dialog, 'Layer').selectOption('crossings');
}

/**
 * The whole way, in a page of its own closed after: the news text saved as a source, REOPENED
 * selected in its reader and made the event EVENT_TITLE at Torkham. `withToolbar` runs in the
 * reader once the selection's toolbar is shown (the gazetteer's proposals are shown too).
 */
export async function makeEvent(session: BrowserSession, withToolbar?: (reader: Page) => Promise<void>) {
	const page = await session.open('/sources/new/', { map: false });
	await pasteNews(page);
	await saveSource(page);
	await selectInParagraph(page, 'p2', REOPENED);
	const start = page.getByRole('button', { name: 'Start an event from this' });
	await start.waitFor();
	await withToolbar?.(page);
	await start.click();
	const dialog = page.getByRole('dialog');
	await describeEvent(dialog, 'Frontier Wire reports that officials reopened the crossing after a closure.');
	await field(dialog, 'Role').selectOption('site');
	await dialog.getByRole('button', { name: 'Save event' }).click();
	await dialog.waitFor({ state: 'hidden' });
	await page.close();
}
