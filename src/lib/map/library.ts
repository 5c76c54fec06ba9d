/**
 * MapLibre made ready for a page of the site, once: its worker from the site's own files (never
 * a CDN), and Arabic-script shaping for names in Pashto, Dari and Urdu, loaded lazily when such a
 * label is first drawn. Every map of the site (the atlas's, a place picker's) calls this first.
 */
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
// The package's exports hide the file from a bare import, so it is named by its path.
import rtlTextPluginUrl from '../../../node_modules/@mapbox/mapbox-gl-rtl-text/dist/mapbox-gl-rtl-text.js?url';

type Library = Pick<
	typeof import('maplibre-gl'),
	'setWorkerUrl' | 'setRTLTextPlugin' | 'getRTLTextPluginStatus'
>;

export function prepareMapLibrary({ setWorkerUrl, setRTLTextPlugin, getRTLTextPluginStatus }: Library) {
	setWorkerUrl(workerUrl);
	if (getRTLTextPluginStatus() === 'unavailable')
		void setRTLTextPlugin(new URL(rtlTextPluginUrl, document.baseURI).href, true).catch((e: unknown) =>
			console.warn('Arabic-script labels cannot be shaped:', e)
		);
}
