/**
 * The shareable state of the atlas in the URL query string: map view, visible event groups,
 * hidden overlays, the time window, the selected event or place, the open source passage and the
 * evidence filter. A shared link is untrusted input: parsing never throws, keeps only what it can
 * check against the known ids, and explains everything it dropped in a warning naming the
 * parameter and the bad value.
 *
 *   ?map=6.2/33.25/69.5&groups=attacks,strikes&hide=belt,fata&from=2022-03&to=2024-04&event=<id>
 *    &passage=<source>:p12&source=fnf-2024-04&kind=news&only=corroborated,contested,exact
 */
import { DEFAULT_HIDDEN_OVERLAYS, OVERLAY_IDS } from '../map/overlays.ts';
import { cameraProblem, clampCamera, type MapCamera } from '../map/view.ts';
import { isRealDate } from '../time/dates.ts';
import { compactWindow, windowOf, type TimeWindow } from '../time/window.ts';
import {
	EVIDENCE_TOGGLE_IDS,
	NO_EVIDENCE_FILTER,
	SOURCE_KINDS,
	type EvidenceFilter,
	type EvidenceToggle,
	type SourceKind
} from './evidence-filter.ts';

export interface AtlasUrlState {
	view?: MapCamera;
	/** Visible event groups; undefined = the defaults, [] = all hidden. */
	groups?: string[];
	/** Hidden overlays, among `OVERLAY_IDS`. */
	hidden?: string[];
	/** The time window; undefined = all time. */
	time?: TimeWindow;
	selected?: { kind: 'event' | 'place'; id: string };
	/** `paragraph` is a paragraph id such as "p12". */
	passage?: { source: string; paragraph: string };
	/** What the events must rest on: `source=`, `kind=` and `only=`. */
	evidence?: EvidenceFilter;
}

/** What the parser checks ids against. `sources` maps each source id to its paragraph count. */
export interface KnownIds {
	groups: readonly string[];
	events: readonly string[];
	places: readonly string[];
	sources: Readonly<Record<string, number>>;
}

/** Longer values are not read at all. */
const MAX_PARAM_LENGTH = 2000;

/** Bad values are quoted in warnings up to this many characters. */
const SHOWN_VALUE_LENGTH = 40;

/** `groups=none`, `hide=none`: an empty list (which would be indistinguishable from a typo). */
const NONE = 'none';

/** A plain decimal: no exponent, no hex, no Infinity, no thousands separators. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A year, month or day; the year from 1000 so that it is always four digits in an ISO day. */
const URL_DATE = /^[1-9]\d{3}(?:-\d{2}(?:-\d{2})?)?$/;

/** A real ISO day with a year from 1000, as `URL_DATE` reads it back. */
const isIsoDay = (d: string) => /^[1-9]\d{3}-\d{2}-\d{2}$/.test(d) && isRealDate(d);

const PASSAGE = /^([a-z0-9]+(?:-[a-z0-9]+)*):p([1-9][0-9]*)$/;

/** The value as a warning shows it: cut to 40 characters, in JSON quotes (control characters escaped). */
function shown(value: string): string {
	// Enough UTF-16 units for 41 code points, so that a huge value costs no more than a short one.
	const chars = Array.from(value.slice(0, 2 * SHOWN_VALUE_LENGTH + 2));
	const cut =
		chars.length > SHOWN_VALUE_LENGTH ? chars.slice(0, SHOWN_VALUE_LENGTH).join('') + '…' : chars.join('');
	return JSON.stringify(cut);
}

/** A parameter left out, in the words of every warning: `Ignored place="x": why.` */
export const ignored = (param: string, value: string, why: string) =>
	`Ignored ${param}=${shown(value)}: ${why}.`;

function parseView(value: string, warn: (why: string) => undefined): AtlasUrlState['view'] {
	const parts = value.split('/');
	if (parts.length !== 3) return warn('expected zoom/latitude/longitude, such as 6.2/33.25/69.5');
	if (!parts.every((p) => DECIMAL.test(p)))
		return warn('zoom, latitude and longitude must be plain decimal numbers');
	// `+ 0` turns -0 into 0.
	const [zoom, lat, lng] = parts.map((p) => Number(p) + 0) as [number, number, number];
	const view = { zoom, lat, lng };
	const problem = cameraProblem(view);
	return problem ? warn(problem) : view;
}

/**
 * A comma-separated list of known ids: unknown ids dropped with a warning, duplicates removed,
 * order made that of `known`. Undefined when nothing valid is left.
 */
function parseIdList(
	param: string,
	value: string,
	known: readonly string[],
	warnings: string[]
): string[] | undefined {
	const given = value.split(',');
	const unknown = [...new Set(given.filter((id) => !known.includes(id)))];
	if (unknown.length) {
		const list = unknown.map(shown).join(', ');
		warnings.push(
			`Ignored ${unknown.length === 1 ? 'an unknown id' : 'unknown ids'} in ${param}=${shown(value)}: ${list}.`
		);
	}
	const kept = known.filter((id) => given.includes(id));
	if (!kept.length) {
		warnings.push(ignored(param, value, 'none of its ids is known'));
		return undefined;
	}
	return kept;
}

/** A `source:pN` passage of a known source within its paragraph count, or why it is not one. */
function parsePassage(value: string, sources: KnownIds['sources']): AtlasUrlState['passage'] | string {
	const match = PASSAGE.exec(value);
	if (!match) return 'expected source:paragraph, such as voa-2024-01:p12';
	const [, source, n] = match as unknown as [string, string, string];
	// Own properties only: "constructor" or "__proto__" must not pass for a source.
	const count = Object.hasOwn(sources, source) ? sources[source] : undefined;
	if (typeof count !== 'number') return `there is no source ${shown(source)}`;
	if (Number(n) > count) return `source ${shown(source)} has ${count} paragraph${count === 1 ? '' : 's'}`;
	return { source, paragraph: `p${n}` };
}

/**
 * The time window of `from` and `to`: a year, month or day each, read as its first day (`from`) and
 * its last day (`to`), so `from=2022-03&to=2024-04` is 1 March 2022 to 30 April 2024. Both are
 * needed, and `from` may not be after `to`; else the window is dropped, with a warning for each.
 */
function parseTime(
	from: string | undefined,
	to: string | undefined,
	warnings: string[]
): AtlasUrlState['time'] {
	const valid = (param: string, value: string | undefined) => {
		if (value === undefined) return false;
		if (URL_DATE.test(value) && isRealDate(value)) return true;
		warnings.push(ignored(param, value, 'expected a date such as 2022-03 or 2022-03-18'));
		return false;
	};
	const fromOk = valid('from', from);
	const toOk = valid('to', to);
	if (fromOk && toOk) {
		const time = windowOf(from!, to!);
		if (time.from <= time.to) return time;
		warnings.push(ignored('from', from!, `it is after to=${shown(to!)}`));
	} else if (fromOk) {
		warnings.push(ignored('from', from!, 'a time window needs both from= and to='));
	} else if (toOk) {
		warnings.push(ignored('to', to!, 'a time window needs both from= and to='));
	}
	return undefined;
}

/**
 * Read the atlas state from a query string. Never throws; whatever is invalid (malformed, out of
 * range, unknown, repeated, longer than 2000 characters) is left out of `state` and explained in
 * `warnings`. Unknown parameters are not ours (tracking tags and the like) and are ignored silently.
 */
export function parseUrlState(
	params: URLSearchParams,
	known: KnownIds
): { state: AtlasUrlState; warnings: string[] } {
	const state: AtlasUrlState = {};
	const warnings: string[] = [];

	/** The single, not too long value of a parameter, or undefined (with a warning if it was bad). */
	const single = (param: string): string | undefined => {
		const values = params.getAll(param);
		if (values.length === 0) return undefined;
		if (values.length > 1) {
			const examples = values.slice(0, 3).map(shown).join(', ') + (values.length > 3 ? ', …' : '');
			warnings.push(`Ignored ${param}: it is given ${values.length} times (${examples}), not once.`);
			return undefined;
		}
		const value = values[0]!;
		if (value.length > MAX_PARAM_LENGTH) {
			warnings.push(
				ignored(param, value, `the value is ${value.length} characters long (at most ${MAX_PARAM_LENGTH})`)
			);
			return undefined;
		}
		if (value === '') {
			warnings.push(ignored(param, value, 'the value is empty'));
			return undefined;
		}
		return value;
	};

	const map = single('map');
	if (map !== undefined) {
		const view = parseView(map, (why) => {
			warnings.push(ignored('map', map, why));
			return undefined;
		});
		if (view) state.view = view;
	}

	const groups = single('groups');
	if (groups === NONE) state.groups = [];
	else if (groups !== undefined) {
		const kept = parseIdList('groups', groups, known.groups, warnings);
		if (kept) state.groups = kept;
	}

	const hide = single('hide');
	if (hide === NONE) state.hidden = [];
	else if (hide !== undefined) {
		const kept = parseIdList('hide', hide, OVERLAY_IDS, warnings);
		if (kept) state.hidden = kept;
	}

	const time = parseTime(single('from'), single('to'), warnings);
	if (time) state.time = time;

	const selectable = (param: 'event' | 'place', ids: readonly string[]) => {
		const id = single(param);
		if (id === undefined) return undefined;
		if (ids.includes(id)) return id;
		warnings.push(ignored(param, id, `there is no ${param} with this id`));
		return undefined;
	};
	const event = selectable('event', known.events);
	const place = selectable('place', known.places);
	if (event !== undefined) {
		state.selected = { kind: 'event', id: event };
		if (place !== undefined) {
			warnings.push(ignored('place', place, 'an event is selected too, and the event wins'));
		}
	} else if (place !== undefined) {
		state.selected = { kind: 'place', id: place };
	}

	const passage = single('passage');
	if (passage !== undefined) {
		const parsed = parsePassage(passage, known.sources);
		if (typeof parsed === 'string') warnings.push(ignored('passage', passage, parsed));
		else state.passage = parsed;
	}

	const list = <T extends string>(param: string, ids: readonly T[]): T[] => {
		const value = single(param);
		return value === undefined ? [] : ((parseIdList(param, value, ids, warnings) as T[] | undefined) ?? []);
	};
	const evidence: EvidenceFilter = {
		sources: list('source', Object.keys(known.sources)),
		kinds: list<SourceKind>('kind', SOURCE_KINDS),
		only: list<EvidenceToggle>('only', EVIDENCE_TOGGLE_IDS)
	};
	if (evidence.sources.length || evidence.kinds.length || evidence.only.length) state.evidence = evidence;

	return { state, warnings };
}

const round = (x: number, decimals: number) => Number(x.toFixed(decimals)) + 0;

/**
 * Write the state as query parameters, in a stable order (map, groups, hide, from and to, event
 * or place, passage, source, kind, only), leaving out what equals the defaults: no `groups` when
 * the visible groups are the default ones (in any order), `groups=none` when none is visible, no
 * `hide` when the hidden overlays are the default ones (`hide=none` when none is), no `from`/`to` for all time, no evidence filter when none is set.
 * The view is rounded (zoom to 2 decimals, latitude and longitude to 4) and brought into the map's
 * range, so it reads back without a notice. Window ends on month boundaries are written as months
 * (`from=2022-03&to=2024-04`); a window that is not two ordered ISO days is left out.
 */
export function serializeUrlState(
	state: AtlasUrlState,
	defaults: { groups: readonly string[] }
): URLSearchParams {
	const params = new URLSearchParams();
	const { view } = state;
	if (view && [view.zoom, view.lat, view.lng].every(Number.isFinite)) {
		const inRange = clampCamera(view);
		const zoom = round(inRange.zoom, 2);
		const lat = round(inRange.lat, 4);
		const lng = round(inRange.lng, 4);
		params.set('map', `${zoom}/${lat}/${lng}`);
	}
	if (state.groups) {
		const groups = [...new Set(state.groups)];
		const isDefault =
			groups.length === new Set(defaults.groups).size && groups.every((g) => defaults.groups.includes(g));
		if (!isDefault) params.set('groups', groups.length ? groups.join(',') : NONE);
	}
	if (state.hidden) {
		const canonical = (overlay: string) => {
			const i = (OVERLAY_IDS as readonly string[]).indexOf(overlay);
			return i < 0 ? OVERLAY_IDS.length : i;
		};
		const hidden = [...new Set(state.hidden)].sort((a, b) => canonical(a) - canonical(b));
		const isDefault =
			hidden.length === DEFAULT_HIDDEN_OVERLAYS.length &&
			hidden.every((o) => (DEFAULT_HIDDEN_OVERLAYS as readonly string[]).includes(o));
		if (!isDefault) params.set('hide', hidden.length ? hidden.join(',') : NONE);
	}
	const { time } = state;
	if (time && isIsoDay(time.from) && isIsoDay(time.to) && time.from <= time.to) {
		const written = compactWindow(time);
		params.set('from', written.from);
		params.set('to', written.to);
	}
	if (state.selected) params.set(state.selected.kind === 'place' ? 'place' : 'event', state.selected.id);
	if (state.passage) params.set('passage', `${state.passage.source}:${state.passage.paragraph}`);
	const { sources, kinds, only } = state.evidence ?? NO_EVIDENCE_FILTER;
	if (sources.length) params.set('source', [...new Set(sources)].join(','));
	if (kinds.length) params.set('kind', SOURCE_KINDS.filter((k) => kinds.includes(k)).join(','));
	if (only.length) params.set('only', EVIDENCE_TOGGLE_IDS.filter((t) => only.includes(t)).join(','));
	return params;
}

/**
 * The parameters as a query string without the leading "?", leaving `,` `/` `:` unescaped (they
 * are allowed in a query, RFC 3986) so shared links stay readable: `map=6.2/33.25/69.5`.
 * `URLSearchParams#toString` would write `map=6.2%2F33.25%2F69.5`; both parse the same.
 */
export function toQueryString(params: URLSearchParams): string {
	const readable = (s: string) =>
		encodeURIComponent(s).replace(/%2C/g, ',').replace(/%2F/g, '/').replace(/%3A/g, ':');
	return [...params].map(([key, value]) => `${readable(key)}=${readable(value)}`).join('&');
}
