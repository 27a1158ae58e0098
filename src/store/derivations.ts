import type { Derivation } from './store.js';
import { searchIndex } from './search-index.js';
import { rankingsDerivation } from './rankings.js';
import { relationIndex } from './relation-index.js';

/**
 * The derived structures loadStore builds at load time, so that no request pays for them and a data set that
 * cannot be indexed is refused before it is served. Each module that defines a Derivation adds it here.
 */
export const derivations: Derivation<unknown>[] = [searchIndex, rankingsDerivation, relationIndex];
