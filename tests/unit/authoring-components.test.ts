/**
 * The authoring components, rendered on the server as a first paint: every control has its label,
 * every aria-describedby points at an element that exists, ids are unique, the data is rendered
 * as text (a quote holding markup comes out escaped), nothing is typed as {@html}, and PDF.js is
 * only ever imported lazily.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { render } from 'svelte/server';
import { loadGeodata } from '$lib/server/data/load';
import EventForm from '$lib/components/authoring/EventForm.svelte';
import SourceForm from '$lib/components/authoring/SourceForm.svelte';
import { emptyEventDraft } from '$lib/authoring/event-draft';
import { knownActors, knownTypes } from '$lib/authoring/suggestions';

const { sources, places, events, groups } = loadGeodata();

/** Every id an aria-describedby or a label's for names, and every id the markup has. */
function references(html: string): { ids: string[]; described: string[] } {
	const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
	const described = [...html.matchAll(/aria-describedby="([^"]+)"/g)].flatMap((m) => m[1]!.split(/\s+/));
	return { ids, described };
}

describe('EventForm', () => {
	const draft = {
		...emptyEventDraft(),
		title: 'A <b>bold</b> title',
		places: [{ place: 'kabul', role: 'site' as const }],
		actors: ['Afghan Taliban'],
		citations: [{ source: 'voa-2024-01', paragraph: 'p7', quote: '<script>alert(1)</script>' }]
	};
	const { body } = render(EventForm, {
		props: {
			initial: draft,
			context: {
				paragraphsOf: (id: string) => sources.find((s) => s.meta.id === id)?.paragraphs,
				placeIds: new Set(places.map((p) => p.id)),
				groupIds: new Set(groups.map((g) => g.id)),
				takenIds: new Set(events.map((e) => e.id))
			},
			places,
			actors: knownActors(events),
			types: knownTypes(events),
			groups,
			sourceTitle: (id: string) => sources.find((s) => s.meta.id === id)?.meta.title ?? id,
			onsave: () => {}
		}
	});

	it('renders data as text, never as markup', () => {
		expect(body).not.toContain('<script>alert(1)</script>');
		expect(body).toContain('&lt;script>alert(1)&lt;/script>');
		expect(body).not.toContain('<b>bold</b>');
		expect(body).toContain('Surging Militancy Prompts Pakistan');
	});

	it('ties every description to an element that exists, with unique ids', () => {
		const { ids, described } = references(body);
		expect(new Set(ids).size).toBe(ids.length);
		expect(described.length).toBeGreaterThan(3);
		for (const id of described) expect(ids, id).toContain(id);
	});

	it('labels every control and shows no error before the user has done anything', () => {
		expect(body).toContain('Summary, in your own words');
		expect(body).toContain('Place 1');
		expect(body).toContain('Kabul (city, AF)');
		expect(body).not.toContain('aria-invalid="true"');
		expect(body).not.toContain('things to fix');
		const controls = body.match(/<(input|select|textarea)\b/g) ?? [];
		const labelled = body.match(/<label\b/g) ?? [];
		expect(controls.length).toBeGreaterThan(5);
		expect(labelled.length).toBeGreaterThanOrEqual(controls.length - 1); // the actor input shares its row
	});
});

describe('SourceForm', () => {
	const { body } = render(SourceForm, {
		props: {
			known: [],
			takenIds: new Set(sources.map((s) => s.meta.id)),
			places,
			loadGazetteer: async () => [],
			onsave: () => {}
		}
	});

	it('offers a paste area and a file picker for the kinds of file it reads', () => {
		expect(body).toContain('Paste the text');
		expect(body).toMatch(
			/type="file"[^>]*accept=".txt,.md,.html,.htm,.pdf"|accept=".txt,.md,.html,.htm,.pdf"[^>]*type="file"/
		);
		const { ids, described } = references(body);
		for (const id of described) expect(ids, id).toContain(id);
	});
});

describe('the authoring components', () => {
	const dir = 'src/lib/components/authoring';
	const files = readdirSync(dir).filter((f) => f.endsWith('.svelte'));

	it('never render data as HTML, and load PDF.js only when a PDF is opened', () => {
		expect(files).toEqual(expect.arrayContaining(['EventForm.svelte', 'SourceForm.svelte']));
		for (const file of files) {
			const text = readFileSync(`${dir}/${file}`, 'utf8');
			expect(text, file).not.toContain('{@html');
			expect(text, file).not.toMatch(/from ['"]pdfjs-dist|from ['"]\$lib\/authoring\/pdfjs-loader/);
		}
		expect(readFileSync(`${dir}/SourceForm.svelte`, 'utf8')).toContain(
			"import('$lib/authoring/pdfjs-loader')"
		);
	});
});
