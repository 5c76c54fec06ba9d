// The deck editor: a shell prerendered once, which edits the deck named by `?deck=` in the
// browser's workspace. What it needs from the build: the layer groups, the sources' titles and
// dates, and the shipped decks' ids (which a copy must not take).
import { ownDeckPageData } from '../own-deck-data';

export const load = ownDeckPageData;
