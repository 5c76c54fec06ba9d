/** The messages the page and the service worker exchange (one, so far). */

/** Page → waiting worker: take over now (the reader chose to reload into the new version). */
export const SKIP_WAITING = 'SKIP_WAITING';
