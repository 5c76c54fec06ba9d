/**
 * The atlas's own events file (data/events.geojson, the export contract of
 * src/lib/schema/exported.ts) read back: recognised by its properties, checked feature by feature
 * against the contract, and imported as it is, so a re-import is the same events with the same
 * citations. The schema is built from the model's own pieces (DateSpan, LocationPrecision,
 * PlaceRole), so the contract and the check cannot drift apart on them.
 */
import { z } from 'zod';
import type { EventFeature } from '../schema/exported.ts';
import { DateSpan, LocationPrecision, PlaceRole } from '../schema/model.ts';

const Text = z.string();

const ExportedCitation = z.strictObject({
	source: Text,
	sourceTitle: Text,
	publisher: Text,
	sourceDate: Text,
	paragraph: Text,
	quote: Text
});

const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO day like 2024-03-12');

export const ExportedEventProperties = z.strictObject({
	id: z.string().min(1),
	title: Text,
	summary: Text,
	date: DateSpan,
	dateText: Text,
	dateFirst: IsoDay,
	dateLast: IsoDay,
	group: z.string().min(1),
	type: Text,
	actors: z.array(Text),
	precision: LocationPrecision,
	places: z
		.array(z.strictObject({ id: Text, name: Text, role: PlaceRole, precision: LocationPrecision }))
		.min(1),
	contested: z
		.strictObject({
			note: Text,
			stances: z.array(
				z.strictObject({
					party: Text,
					stance: z.enum(['claims', 'denies', 'disputes']),
					citation: ExportedCitation
				})
			)
		})
		.nullable(),
	citations: z.array(ExportedCitation).min(1)
});

const Position = z.tuple([z.number(), z.number()]).rest(z.number());

export const ExportedEventFeature = z.strictObject({
	type: z.literal('Feature'),
	id: z.union([z.string(), z.number()]).optional(),
	geometry: z.discriminatedUnion('type', [
		z.strictObject({ type: z.literal('Point'), coordinates: Position }),
		z.strictObject({ type: z.literal('MultiPoint'), coordinates: z.array(Position).min(1) })
	]),
	properties: ExportedEventProperties
});

/** Whether a feature's properties look like the atlas's own export (then it is read as one). */
export function looksLikeAtlasEvent(properties: unknown): boolean {
	if (!properties || typeof properties !== 'object') return false;
	const p = properties as Record<string, unknown>;
	return (
		typeof p.dateFirst === 'string' &&
		typeof p.dateLast === 'string' &&
		!!p.date &&
		typeof p.date === 'object' &&
		Array.isArray(p.citations) &&
		Array.isArray(p.places)
	);
}

export type AtlasFeatureCheck =
	{ ok: true; feature: EventFeature } | { ok: false; field: string; reason: string };

/** One feature checked against the export contract: the first problem names its field. */
export function checkAtlasFeature(value: unknown): AtlasFeatureCheck {
	const parsed = ExportedEventFeature.safeParse(value);
	if (parsed.success) return { ok: true, feature: value as EventFeature };
	const issue = parsed.error.issues[0]!;
	const field = issue.path
		.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
		.join('')
		.replace(/^\./, '');
	return { ok: false, field: field || '(feature)', reason: `${field || 'the feature'}: ${issue.message}` };
}
