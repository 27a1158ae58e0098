import type { EntityKind } from '../model/kinds.js';
import type { EntityNode } from '../store/graph.js';
import type { Context } from './builder.js';
import { EntityRef } from './refs.js';

/**
 * What every kind's object type shares: it implements Node and Entity, its id is the entity id,
 * `node(id)` loads it from the store, and it recognizes its own entities by kind.
 */
export function entityNodeOptions<K extends EntityKind>(kind: K) {
  type Shape = Extract<EntityNode, { kind: K }>;
  return {
    interfaces: [EntityRef] as [typeof EntityRef],
    id: { resolve: (e: Shape) => e.id },
    isTypeOf: (e: unknown) => (e as EntityNode).kind === kind,
    loadWithoutCache: (id: string, { store }: Context): Shape | null => {
      const e = store.entity(id);
      return e?.kind === kind ? (e as Shape) : null;
    },
  };
}
