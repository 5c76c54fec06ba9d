/**
 * The scene's card of the standalone presenter, as the atlas's presenter shows it: the deck's
 * title, progress, the scene's title and text, its time window, legend and numbered citations
 * (quote, source title, publisher, date, paragraph), speaker notes on request, and the controls.
 * Every string of the data is set as text (textContent, attributes): the data is untrusted and
 * never parsed as HTML.
 */
import { plural } from '../../../evidence/words.ts';
import { BORDER_NOTE } from '../../../geo/border-note.ts';
import { shapePath } from '../../../map/symbols.ts';
import { themeColours } from '../../../theme/colours.ts';
import type { BriefingFileData } from '../types.ts';

export interface CardActions {
	go(index: number): void;
	toggleNotes(): void;
	fullscreen(): void;
}

export interface Card {
	element: HTMLElement;
	/** Shows scene `index`, with or without its notes. */
	show(index: number, notes: boolean): void;
}

type Attrs = Record<string, string>;

function el<K extends keyof HTMLElementTagNameMap>(
	tag: K,
	attrs: Attrs = {},
	...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
	node.append(...children);
	return node;
}

const SVG = 'http://www.w3.org/2000/svg';

function swatch(shape: BriefingFileData['groups'][number]['shape'], colour: string, size = 14): SVGElement {
	const svg = document.createElementNS(SVG, 'svg');
	for (const [k, v] of Object.entries({ width: size, height: size, viewBox: `0 0 ${size} ${size}` }))
		svg.setAttribute(k, String(v));
	svg.setAttribute('aria-hidden', 'true');
	const path = document.createElementNS(SVG, 'path');
	path.setAttribute('d', shapePath(shape, size, 1.5));
	path.setAttribute('fill', colour);
	path.setAttribute('stroke', themeColours.ink);
	path.setAttribute('stroke-width', '1');
	path.setAttribute('stroke-linejoin', 'round');
	svg.append(path);
	return svg;
}

/** The note on the border's status, as the atlas's map offers it (outside knowledge, said so). */
function borderNote(): HTMLElement {
	return el(
		'details',
		{ class: 'border-note' },
		el('summary', {}, BORDER_NOTE.title),
		...BORDER_NOTE.paragraphs.map((p) => el('p', {}, p)),
		el('p', { class: 'provenance' }, BORDER_NOTE.provenance)
	);
}

export function createCard(data: BriefingFileData, actions: CardActions): Card {
	const total = data.scenes.length;
	const bar = el('span');
	const progress = el('div', { class: 'progress', role: 'progressbar', 'aria-label': 'Scene' }, bar);
	progress.setAttribute('aria-valuemin', '1');
	progress.setAttribute('aria-valuemax', String(total));
	const count = el('p', { class: 'count' });
	const title = el('h1', { id: 'scene-title', tabindex: '-1' });
	const text = el('p', { class: 'text' });
	const when = el('p', { class: 'window' });
	const legend = el('ul', { class: 'legend', 'aria-label': 'Layers shown' });
	const citations = el('ol', { class: 'citations' });
	const areaEvents = el('details', { class: 'area-events' });
	const notes = el('aside', { class: 'notes', 'aria-label': 'Speaker notes' });

	const button = (label: string, onclick: () => void) => {
		const b = el('button', { type: 'button' }, label);
		b.addEventListener('click', onclick);
		return b;
	};
	let index = 0;
	const previous = button('← Previous', () => actions.go(index - 1));
	const next = button('Next →', () => actions.go(index + 1));
	const notesButton = button('Notes', () => actions.toggleNotes());
	const controls = el(
		'nav',
		{ class: 'controls', 'aria-label': 'Scenes' },
		previous,
		next,
		notesButton,
		button('Full screen', () => actions.fullscreen())
	);

	const element = el(
		'section',
		{ class: 'card', 'aria-labelledby': 'scene-title' },
		el('p', { class: 'deck' }, data.deck.title),
		progress,
		count,
		title,
		text,
		when,
		legend,
		areaEvents,
		el('h2', {}, 'Sources'),
		citations,
		notes,
		controls,
		borderNote(),
		el(
			'p',
			{ class: 'colophon' },
			'A briefing saved from Frontier Atlas. Quotes are verbatim from their sources.'
		)
	);
	// A click on the scene's text (not on a control) advances, as a slide does.
	element.addEventListener('click', (e) => {
		if (!(e.target as Element).closest('button, a')) actions.go(index + 1);
	});

	const groupById = new Map(data.groups.map((g) => [g.id, g]));

	function show(i: number, withNotes: boolean) {
		index = i;
		const scene = data.scenes[i]!;
		bar.style.width = `${((i + 1) / total) * 100}%`;
		progress.setAttribute('aria-valuenow', String(i + 1));
		progress.setAttribute('aria-valuetext', `Scene ${i + 1} of ${total}`);
		count.textContent = `Scene ${i + 1} of ${total}`;
		title.textContent = scene.title;
		text.textContent = scene.text;
		when.replaceChildren(el('strong', {}, 'When:'), ` ${scene.when}`);
		legend.replaceChildren(
			...scene.groups.flatMap((id) => {
				const g = groupById.get(id);
				return g ? [el('li', {}, swatch(g.shape, g.colour), ` ${g.label}`)] : [];
			})
		);
		legend.hidden = !legend.childElementCount;
		// As the atlas's map note: events known only to a whole area are listed, never drawn as points.
		areaEvents.replaceChildren(
			el(
				'summary',
				{},
				`${plural(scene.areaEvents.length, 'event')} known only to a whole country, province or region: not drawn as points`
			),
			el('ul', {}, ...scene.areaEvents.map((e) => el('li', {}, e.title)))
		);
		areaEvents.hidden = !scene.areaEvents.length;
		citations.replaceChildren(
			...scene.citations.map((c) => {
				const s = data.sources[c.source];
				const where = s ? `, ${s.publisher}, ${s.date}` : '';
				return el(
					'li',
					{},
					el('q', {}, c.quote),
					' ',
					el(
						'span',
						{ class: 'source' },
						'— ',
						el('cite', {}, s?.title ?? c.source),
						`${where}, ¶${c.paragraph.slice(1)}.`
					)
				);
			})
		);
		notes.replaceChildren(el('strong', {}, 'Notes:'), ` ${scene.notes ?? 'none for this scene.'}`);
		notes.hidden = !withNotes;
		notesButton.setAttribute('aria-pressed', String(withNotes));
		previous.disabled = i === 0;
		next.disabled = i === total - 1;
		// Announce and focus the new scene's title for keyboard and screen-reader users.
		title.focus({ preventScroll: true });
	}

	return { element, show };
}
