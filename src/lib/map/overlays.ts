/**
 * The basemap overlays a user can hide, in panel order. The same ids are the URL's `hide=` values
 * and the keys of the map's overlay layers.
 */
export const OVERLAYS = [
	{ id: 'provinces', label: 'Provinces and labels' },
	{ id: 'belt', label: 'Border belt (50 km)' },
	{ id: 'fata', label: 'Former FATA (historical)' },
	{ id: 'border', label: 'Afghanistan–Pakistan border' },
	{ id: 'places', label: 'Places' }
] as const;

export type OverlayId = (typeof OVERLAYS)[number]['id'];

export const OVERLAY_IDS: readonly OverlayId[] = OVERLAYS.map((o) => o.id);
