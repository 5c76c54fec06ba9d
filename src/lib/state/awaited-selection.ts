/**
 * A link may select one of the user's own events or places: the readers of their sources link
 * to them (`/?place=ghulam-khan-crossing`). The atlas knows those only once the workspace has
 * been read, after the map is drawn, while the link is parsed at once against the shipped ids
 * (./url.ts). So a well-formed id the shipped evidence lacks is set aside before parsing and
 * settled when the user's evidence is in: selected if it is theirs, otherwise reported as the
 * parser would report it. A link from another browser thus still says the id is unknown.
 */
import { ignored, type KnownIds } from './url.ts';

export interface AwaitedSelection {
	kind: 'event' | 'place';
	id: string;
}

/** The model's ids (../schema/model.ts `Id`), no longer than a link's values are read. */
const OWN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 200;

/** The link without an event or place it cannot know yet, and that selection, set aside. */
export function setAsideOwnSelection(
	params: URLSearchParams,
	known: Pick<KnownIds, 'events' | 'places'>
): { params: URLSearchParams; awaited: AwaitedSelection | null } {
	for (const kind of ['event', 'place'] as const) {
		const values = params.getAll(kind);
		if (values.length !== 1) continue;
		const id = values[0]!;
		if ((kind === 'event' ? known.events : known.places).includes(id)) return { params, awaited: null };
		if (id.length > MAX_ID || !OWN_ID.test(id)) continue;
		const rest = new URLSearchParams(params);
		rest.delete(kind);
		return { params: rest, awaited: { kind, id } };
	}
	return { params, awaited: null };
}

/** The set-aside selection once the user's evidence is in: selected, or why not, in the parser's words. */
export function settleAwaitedSelection(
	awaited: AwaitedSelection,
	has: (kind: AwaitedSelection['kind'], id: string) => boolean
): { selected: AwaitedSelection } | { warning: string } {
	if (has(awaited.kind, awaited.id)) return { selected: awaited };
	return {
		warning: ignored(
			awaited.kind,
			awaited.id,
			`there is no ${awaited.kind} with this id, in the atlas or among those added in this browser`
		)
	};
}
