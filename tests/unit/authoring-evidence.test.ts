/**
 * The evidence bundle out and in. A user's source (pasted text), a place the source names (a
 * gazetteer proposal), an event (a month-only date, the place, a citation of a selected
 * sentence) and a citation added to a bundled event are exported as a zip in the layout of
 * geodata/; written over a copy of geodata/ they pass the build's validator with no problem, and
 * the JSON is as Prettier writes it, with the atlas's records byte for byte. Imported into
 * another browser's workspace they arrive in one transaction; a broken file, an edited quote, an
 * id that already exists with other content, and files that are not a bundle are refused with
 * problems naming file, record and field, and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import * as prettier from 'prettier';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readGeodata } from '$lib/server/data/read';
import { validateGeodata } from '$lib/server/data/validate';
import { loadGeodata } from '$lib/server/data/load';
import { formatProblem } from '$lib/server/data/problems';
import { PlacesFile, Source, type Event } from '$lib/schema/model';
import { GazetteerFile, decodeGazetteer } from '$lib/schema/gazetteer';
import { createPlaceFinder } from '$lib/corpus/place-finder';
import { intakeText } from '$lib/authoring/source-intake';
import { textFingerprint } from '$lib/authoring/text-fingerprint';
import { emptySourceDraft, sourceFromDraft, type OwnSource } from '$lib/authoring/source-draft';
import { acceptPlaceHits } from '$lib/authoring/place-proposals';
import { citationFromSelection } from '$lib/authoring/selection-citation';
import { addCitationToEvent, startEventFromCitation } from '$lib/authoring/event-citations';
import { eventDraftOf, eventFromDraft } from '$lib/authoring/event-draft';
import { formatGeodataJson } from '$lib/authoring/geodata-json';
import { buildEvidenceBundle, type AtlasEvidence, type OwnEvidence } from '$lib/authoring/evidence-bundle';
import { formatEvidenceProblem } from '$lib/authoring/evidence-checks';
import { unzipFiles, zipFiles } from '$lib/authoring/evidence-zip';
import { planEvidenceImport, type ImportAtlas, type ImportWorkspace } from '$lib/authoring/evidence-import';
import { freshOptions, open } from './workspace-fixtures';

const geodata = loadGeodata();
const gazetteer = decodeGazetteer(
	GazetteerFile.parse(JSON.parse(readFileSync('geodata/gazetteer.json', 'utf8')))
);
const paragraphsOf = (id: string) => geodata.sources.find((s) => s.meta.id === id)?.paragraphs;
const WHEN = new Date(Date.UTC(2024, 5, 14, 9, 30));

/** The atlas's records exactly as geodata/ has them (file order of keys). */
const raw = <T>(file: string): T => JSON.parse(readFileSync(`geodata/${file}`, 'utf8'));
const atlas: AtlasEvidence = {
	places: raw<{ places: AtlasEvidence['places'] }>('places.json').places,
	events: raw<{ events: Event[] }>('events.json').events,
	groups: geodata.groups,
	paragraphsOf
};
const importAtlas: ImportAtlas = {
	...atlas,
	sources: geodata.sources.map((s) => ({
		id: s.meta.id,
		title: s.meta.title,
		fingerprint: textFingerprint(s.text)
	}))
};
const emptyWorkspace: ImportWorkspace = { sources: [], places: [], events: [] };

const TEXT =
	'Border trade resumes\n' +
	'By a staff reporter\n' +
	'Trucks queued at Torkham in March as the crossing reopened. Traders in Peshawar said the closure had cost them dearly.\n' +
	'Officials said talks would continue.\n';

/** The user's evidence, made the way the UI makes it: intake, form, accepted proposals, a selection. */
function userEvidence(): OwnEvidence {
	const intake = intakeText(TEXT, { known: importAtlas.sources.map((s) => ({ ...s, bundled: true })) });
	if (!intake.ok) throw new Error(intake.message);
	const { source, errors } = sourceFromDraft(
		{
			...emptySourceDraft(),
			id: 'herald-2024-03',
			title: 'Border trade resumes',
			publisher: 'The Frontier Herald',
			date: { start: 'March 2024', end: '', precision: '', basis: 'explicit', note: '' },
			readAt: 'A printed copy',
			kind: 'news'
		},
		intake.text,
		{ takenIds: new Set(importAtlas.sources.map((s) => s.id)) }
	);
	expect(errors).toEqual({});

	const finder = createPlaceFinder(geodata.places, gazetteer);
	const hits = finder.find(intake.paragraphs).filter((h) => h.text === 'Peshawar');
	const { added } = acceptPlaceHits(hits, source!.id, intake.paragraphs, geodata.places);
	expect(added.map((p) => p.id)).toEqual(['peshawar']);

	const sentence = 'Traders in Peshawar said the closure had cost them dearly.';
	const p3 = intake.paragraphs[2]!;
	const at = p3.text.indexOf(sentence);
	const selected = citationFromSelection(intake.paragraphs, {
		source: source!.id,
		anchor: { paragraph: 'p3', offset: at },
		focus: { paragraph: 'p3', offset: at + sentence.length }
	});
	if (!selected.ok) throw new Error(selected.message);
	const draft = {
		...startEventFromCitation(selected.passage.citation, ['peshawar']),
		id: 'peshawar-traders-closure-cost-2024-03',
		title: 'Peshawar traders count the cost of the Torkham closure',
		summary:
			'Traders in Peshawar told the Herald that the closure of the crossing had cost them a great deal.',
		date: { start: '2024-03', end: '', precision: 'month' as const, basis: 'publication' as const, note: '' },
		actors: ['Traders'],
		type: 'trade-disruption',
		group: 'crossings'
	};
	const ctx = {
		paragraphsOf: (id: string) => (id === source!.id ? intake.paragraphs : paragraphsOf(id)),
		placeIds: new Set([...geodata.places.map((p) => p.id), 'peshawar']),
		groupIds: new Set(geodata.groups.map((g) => g.id)),
		takenIds: new Set(geodata.events.map((e) => e.id))
	};
	const made = eventFromDraft(draft, ctx);
	expect(made.errors).toEqual({});

	// And a citation of the new source added to a bundled event about Torkham.
	const torkhamEvent = atlas.events.find((e) => e.places.some((p) => p.place === 'torkham'))!;
	const torkhamSentence = 'Trucks queued at Torkham in March as the crossing reopened.';
	const edited = addCitationToEvent(eventDraftOf(torkhamEvent), {
		source: source!.id,
		paragraph: 'p3',
		quote: torkhamSentence
	});
	const copy = eventFromDraft(edited.draft, { ...ctx, editing: torkhamEvent.id });
	expect(copy.errors).toEqual({});
	return { sources: [source!], places: added, events: [made.event!, copy.event!] };
}

/** Writes the bundle's geodata/ over a temporary copy of geodata/, returning the copy's path. */
function writeOverCopy(entries: Map<string, Uint8Array>): string {
	const root = mkdtempSync(join(tmpdir(), 'evidence-'));
	const copy = join(root, 'geodata');
	cpSync('geodata', copy, { recursive: true });
	for (const [path, bytes] of entries) {
		if (!path.startsWith('geodata/')) continue;
		mkdirSync(dirname(join(root, path)), { recursive: true });
		writeFileSync(join(root, path), bytes);
	}
	return root;
}

/** The zip with one entry's text changed. */
function withEntry(zip: Uint8Array, path: string, change: (text: string) => string): Uint8Array {
	const entries = unzipSync(zip);
	entries[path] = strToU8(change(strFromU8(entries[path]!)));
	return zipSync(entries);
}

describe('formatGeodataJson', () => {
	it('writes every geodata list and source file byte for byte as it is', () => {
		const files = [
			'places.json',
			'events.json',
			'groups.json',
			...readdirSync('geodata/sources')
				.filter((f) => f.endsWith('.json'))
				.map((f) => `sources/${f}`)
		];
		for (const file of files) {
			const text = readFileSync(`geodata/${file}`, 'utf8');
			expect(formatGeodataJson(JSON.parse(text)), file).toBe(text);
		}
	});

	it("gives the same text for places parsed by the schema, whose key order is the file's", () => {
		expect(formatGeodataJson(PlacesFile.parse(raw('places.json')))).toBe(
			readFileSync('geodata/places.json', 'utf8')
		);
	});

	it('agrees with Prettier on arrays that do not fit, long strings, empty lists and wide characters', async () => {
		const value = {
			schemaVersion: 1,
			list: Array.from({ length: 12 }, (_, i) => `name number ${i}`),
			short: ['a', 'b'],
			numbers: Array.from({ length: 40 }, (_, i) => i * 1.5),
			empty: [],
			none: {},
			wide: [
				'北京市',
				'北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市北京市',
				'x'
			],
			marks: ['Jala\u0304la\u0304ba\u0304d'.repeat(8), 'y'],
			nested: [
				[1, 2],
				[3, 4]
			],
			text: 'x'.repeat(200)
		};
		const text = formatGeodataJson(value);
		const options = { ...(await prettier.resolveConfig('geodata/places.json')), filepath: 'geodata/x.json' };
		expect(await prettier.format(text, options)).toBe(text);
	});
});

describe('export: the bundle', () => {
	const own = userEvidence();
	const bundle = buildEvidenceBundle(own, atlas, { appVersion: '1.2.3', when: WHEN });
	const zip = zipFiles(bundle.files, WHEN);

	it('has the layout of geodata/, a manifest naming the user records, and no problem', () => {
		expect(bundle.problems.map(formatEvidenceProblem)).toEqual([]);
		expect([...bundle.files.keys()].sort()).toEqual([
			'README.txt',
			'evidence.json',
			'geodata/events.json',
			'geodata/places.json',
			'geodata/sources/herald-2024-03.json',
			'geodata/sources/herald-2024-03.txt'
		]);
		const copied = own.events[1]!;
		expect(bundle.manifest).toEqual({
			format: 'frontier-atlas-evidence',
			version: 1,
			appVersion: '1.2.3',
			exported: '2024-06-14T09:30:00.000Z',
			records: [
				{ kind: 'source', id: 'herald-2024-03' },
				{ kind: 'place', id: 'peshawar' },
				{ kind: 'event', id: copied.id, edits: expect.stringMatching(/^[0-9a-f]{14}$/) },
				{ kind: 'event', id: 'peshawar-traders-closure-cost-2024-03' }
			]
		});
		expect(bundle.fileName).toBe('frontier-atlas-evidence-2024-06-14.zip');
		expect(bundle.files.get('geodata/sources/herald-2024-03.txt')).toBe(TEXT);
		expect(
			Source.safeParse(JSON.parse(bundle.files.get('geodata/sources/herald-2024-03.json')!)).success
		).toBe(true);
	});

	it('passes the project validator when written over a copy of geodata/', () => {
		const unzipped = unzipFiles(zip, bundle.fileName);
		expect(unzipped.ok).toBe(true);
		if (!unzipped.ok) return;
		const root = writeOverCopy(unzipped.entries);
		try {
			const { data, problems } = validateGeodata(readGeodata(join(root, 'geodata')));
			expect(problems.map(formatProblem)).toEqual([]);
			expect(data!.sources.map((s) => s.meta.id)).toContain('herald-2024-03');
			expect(data!.places.find((p) => p.id === 'peshawar')?.mentions[0]?.source).toBe('herald-2024-03');
			const event = data!.events.find((e) => e.id === 'peshawar-traders-closure-cost-2024-03')!;
			expect(event.date).toEqual({ start: '2024-03', precision: 'month', basis: 'publication' });
			expect(event.citations[0]!.quote).toBe('Traders in Peshawar said the closure had cost them dearly.');
			expect(data!.events).toHaveLength(geodata.events.length + 1);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});

	it("keeps the atlas's records byte for byte, the edited one in its place, new ones after", async () => {
		const original = readFileSync('geodata/events.json', 'utf8');
		const exported = bundle.files.get('geodata/events.json')!;
		const copied = own.events[1]!;
		const index = atlas.events.findIndex((e) => e.id === copied.id);
		const parsed = JSON.parse(exported) as { events: Event[] };
		expect(parsed.events.map((e) => e.id)).toEqual([
			...atlas.events.map((e) => e.id),
			'peshawar-traders-closure-cost-2024-03'
		]);
		expect(parsed.events[index]).toEqual(copied);
		// Every line before the edited record is the file's own.
		const head = original.slice(0, original.indexOf(`"id": "${copied.id}"`));
		expect(exported.startsWith(head)).toBe(true);
		const options = {
			...(await prettier.resolveConfig('geodata/events.json')),
			filepath: 'geodata/events.json'
		};
		for (const file of ['geodata/events.json', 'geodata/places.json', 'geodata/sources/herald-2024-03.json'])
			expect(await prettier.check(bundle.files.get(file)!, { ...options, filepath: file }), file).toBe(true);
	});

	it('writes the same bytes for the same evidence at the same time', () => {
		expect(zipFiles(bundle.files, WHEN)).toEqual(zip);
	});

	it('names what the validator would refuse in the user records', () => {
		const bad = structuredClone(own);
		bad.events[0]!.citations[0]!.quote = 'Traders in Peshawar said the closure cost nothing.';
		bad.places[0]!.parent = 'nowhere';
		const problems = buildEvidenceBundle(bad, atlas, { appVersion: '1', when: WHEN }).problems.map(
			formatEvidenceProblem
		);
		expect(problems).toEqual([
			'places.json › record "peshawar" › field parent: unknown place "nowhere"',
			expect.stringMatching(
				/^events\.json › record "peshawar-traders-closure-cost-2024-03" › field citations\[0\]: quote is not verbatim in herald-2024-03 p3/
			)
		]);
	});
});

describe('import: the bundle into another browser', () => {
	const own = userEvidence();
	const bundle = buildEvidenceBundle(own, atlas, { appVersion: '1.2.3', when: WHEN });
	const zip = zipFiles(bundle.files, WHEN);
	const plan = (bytes: Uint8Array, workspace = emptyWorkspace, onConflict?: 'mine' | 'theirs') =>
		planEvidenceImport(bytes, { fileName: 'evidence.zip', atlas: importAtlas, workspace, onConflict });

	it('adds every record of the user, in one transaction', async () => {
		const result = plan(zip);
		expect(result.problems.map(formatEvidenceProblem)).toEqual([]);
		expect(result.conflicts).toEqual([]);
		expect(result.ok).toBe(true);
		expect(result.added.map((r) => `${r.kind} ${r.id}`)).toEqual([
			'source herald-2024-03',
			'place peshawar',
			`event ${own.events[1]!.id}`,
			'event peshawar-traders-closure-cost-2024-03'
		]);
		const ws = await open(freshOptions());
		await ws.writeMany(result.changes);
		const source = await ws.get('source', 'herald-2024-03');
		expect(source?.data.text).toBe(TEXT);
		expect(source?.origin).toEqual({ how: 'imported', file: 'evidence.zip' });
		expect((await ws.list('event')).map((r) => r.id).sort()).toEqual(
			[own.events[1]!.id, 'peshawar-traders-closure-cost-2024-03'].sort()
		);
		// Imported again: all here already, nothing to write.
		const workspace: ImportWorkspace = {
			sources: await ws.list('source'),
			places: await ws.list('place'),
			events: await ws.list('event')
		};
		const again = plan(zip, workspace);
		expect(again).toMatchObject({ ok: true, changes: [], added: [] });
		expect(again.unchanged).toHaveLength(4);
	});

	it('refuses a broken file, naming it, and changes nothing', () => {
		const broken = withEntry(zip, 'geodata/events.json', (t) =>
			t.replace('"schemaVersion": 1,', '"schemaVersion": 1')
		);
		const result = plan(broken);
		expect(result.ok).toBe(false);
		expect(result.changes).toEqual([]);
		expect(result.problems.map(formatEvidenceProblem)).toEqual(
			expect.arrayContaining([expect.stringMatching(/^events\.json: not valid JSON: /)])
		);
		const badText = unzipSync(zip);
		badText['geodata/sources/herald-2024-03.txt'] = new Uint8Array([0x54, 0x6f, 0xff, 0x0a]);
		expect(plan(zipSync(badText)).problems.map(formatEvidenceProblem)).toEqual(
			expect.arrayContaining([
				expect.stringContaining('sources/herald-2024-03.txt: sources/herald-2024-03.txt is not UTF-8 text')
			])
		);
	});

	it('refuses a citation whose quote was edited', () => {
		const edited = withEntry(zip, 'geodata/events.json', (t) =>
			t.replace(
				'"quote": "Traders in Peshawar said the closure had cost them dearly."',
				'"quote": "Traders in Peshawar said the closure cost nothing."'
			)
		);
		const result = plan(edited);
		expect(result.ok).toBe(false);
		expect(result.changes).toEqual([]);
		expect(result.problems.map(formatEvidenceProblem)).toEqual([
			'events.json › record "peshawar-traders-closure-cost-2024-03" › field citations[0]: quote is not verbatim in herald-2024-03 p3: “Traders in Peshawar said the closure cost nothing.”'
		]);
	});

	it('names an id that already exists here with other content, and resolves it only when asked', () => {
		const mine = structuredClone(own.events[0]!);
		mine.title = 'My own title for it';
		const workspace: ImportWorkspace = {
			...emptyWorkspace,
			events: [
				{
					kind: 'event',
					id: mine.id,
					rev: '3-00000000000abc',
					changed: '2024-06-01T00:00:00.000Z',
					origin: { how: 'made-here' },
					deleted: false,
					data: mine
				}
			]
		};
		const result = plan(zip, workspace);
		expect(result.ok).toBe(false);
		expect(result.changes).toEqual([]);
		expect(result.conflicts).toEqual([
			{
				kind: 'event',
				id: mine.id,
				with: 'workspace',
				message: 'your workspace has a different event with this id (changed 2024-06-01)'
			}
		]);
		const theirs = plan(zip, workspace, 'theirs');
		expect(theirs.ok).toBe(true);
		expect(theirs.changes.find((c) => c.data.id === mine.id)?.baseRev).toBe('3-00000000000abc');
		const kept = plan(zip, workspace, 'mine');
		expect(kept.ok).toBe(true);
		expect(kept.kept).toEqual([{ kind: 'event', id: mine.id }]);
		expect(kept.changes.map((c) => c.data.id)).not.toContain(mine.id);
	});

	it('names an id the atlas ships with other content, and an edit of a shipped record that has changed since', () => {
		const manifest = JSON.parse(bundle.files.get('evidence.json')!);
		// Claim the atlas's own Torkham as a new record of the user's.
		manifest.records.push({ kind: 'place', id: 'torkham' });
		const claimed = withEntry(
			withEntry(zip, 'evidence.json', () => JSON.stringify(manifest)),
			'geodata/places.json',
			(t) => t.replace('"name": "Torkham"', '"name": "Torkham crossing"')
		);
		expect(plan(claimed).conflicts).toEqual([
			{
				kind: 'place',
				id: 'torkham',
				with: 'atlas',
				message: 'the atlas ships a different place with this id'
			}
		]);
		// The atlas here has changed the shipped event the user edited.
		const copied = own.events[1]!;
		const changedAtlas = {
			...importAtlas,
			events: importAtlas.events.map((e) =>
				e.id === copied.id ? { ...e, summary: `${e.summary} (revised)` } : e
			)
		};
		const result = planEvidenceImport(zip, {
			fileName: 'evidence.zip',
			atlas: changedAtlas,
			workspace: emptyWorkspace
		});
		expect(result.conflicts).toEqual([
			{
				kind: 'event',
				id: copied.id,
				with: 'atlas',
				message:
					"this is an edit of the atlas's event as another version of the atlas shipped it; the event has changed here since"
			}
		]);
	});

	it('refuses what is not a bundle: not a zip, no manifest, unexpected files, a text already here', () => {
		expect(plan(strToU8('not a zip')).problems[0]!.message).toContain(
			'evidence.zip is not a zip file the atlas can read'
		);
		const noManifest = unzipSync(zip);
		delete noManifest['evidence.json'];
		expect(plan(zipSync(noManifest)).problems[0]!.message).toContain('has no evidence.json');
		const extra = unzipSync(zip);
		extra['geodata/../../etc/passwd'] = strToU8('x');
		extra['__MACOSX/._README.txt'] = strToU8('ignored');
		expect(plan(zipSync(extra)).problems.map(formatEvidenceProblem)).toEqual([
			'geodata/../../etc/passwd: is not a file of an evidence bundle (expected evidence.json, README.txt and geodata/…)'
		]);
		const sameText: ImportWorkspace = {
			...emptyWorkspace,
			sources: [
				{
					kind: 'source',
					id: 'my-copy',
					rev: '1-00000000000001',
					changed: '2024-06-01T00:00:00.000Z',
					origin: { how: 'made-here' },
					deleted: false,
					data: { ...(own.sources[0] as OwnSource), id: 'my-copy', textFile: 'my-copy.txt', title: 'My copy' }
				}
			]
		};
		expect(plan(zip, sameText).problems.map(formatEvidenceProblem)).toEqual([
			'sources/herald-2024-03.json › record "herald-2024-03": its text is already here as the source “My copy” (my-copy); it is not imported twice'
		]);
	});
});
