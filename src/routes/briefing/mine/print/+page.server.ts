// An own deck's handout: a shell prerendered once, which reads the deck named by `?deck=` from
// the browser's workspace. What it needs from the build: the layer groups and the sources' titles.
import { ownDeckPageData } from '../../own-deck-data';

export const load = ownDeckPageData;
