import type { RelationType } from '../model/relations.js';
import type { EntityNode, RelationEdge } from './graph.js';
import { type RelationIndex, relationIndex, typeMask } from './relation-index.js';
import type { Direction, PolicyStore } from './store.js';

/** One step taken: the relation walked (and the others between the same two entities), and its direction as walked. */
export type WalkStep = {
  relation: RelationEdge;
  alternatives: RelationEdge[];
  direction: 'OUTGOING' | 'INCOMING';
  from: EntityNode;
  to: EntityNode;
};

/** Called with an entity number; returning true stops the scan. */
type Visit = (entity: number) => boolean | void;

/**
 * The policy graph as a walk may go: relations of the allowed types, followed forward (OUTGOING), backward
 * (INCOMING) or either way (BOTH), read straight from the relation index. Entities are numbers (data-set order).
 * Neighbours come in data order of the relations that lead to them, as a graphology walk graph would list them;
 * an entity linked by several relations may come more than once (searches skip entities already seen).
 */
export class Walk {
  readonly index: RelationIndex;
  private readonly mask: number;

  constructor(
    store: PolicyStore,
    readonly direction: Direction,
    types: readonly RelationType[] = [],
  ) {
    this.index = store.derived(relationIndex);
    this.mask = typeMask(types);
  }

  /** Calls `visit` with each entity one step on from `entity`; stops when it returns true (and then returns true). */
  forEachNext(entity: number, visit: Visit): boolean {
    return this.scan(entity, this.direction !== 'INCOMING', this.direction !== 'OUTGOING', visit);
  }

  /** Calls `visit` with each entity one step before `entity` (a step from it leads to `entity`). */
  forEachPrevious(entity: number, visit: Visit): boolean {
    return this.scan(entity, this.direction !== 'OUTGOING', this.direction !== 'INCOMING', visit);
  }

  /** Whether a relation of the allowed types may be walked. */
  allows(relation: number): boolean {
    return (this.mask & (1 << this.index.type[relation]!)) !== 0;
  }

  /** The relations of the allowed types a step from `a` to `b` may walk, in data order. */
  relationsBetween(a: number, b: number): RelationEdge[] {
    const { outStart, outRelations, inStart, inRelations, from, to, relations } = this.index;
    const found: number[] = [];
    const collect = (start: Int32Array, list: Int32Array, at: number, ends: Int32Array, other: number) => {
      for (let i = start[at]!; i < start[at + 1]!; i++) if (ends[list[i]!] === other && this.allows(list[i]!)) found.push(list[i]!);
    };
    // Read the shorter list of the two ends: a hub's thousands of relations are not scanned for one step.
    const forward = (x: number, y: number) =>
      outStart[x + 1]! - outStart[x]! <= inStart[y + 1]! - inStart[y]! ? collect(outStart, outRelations, x, to, y) : collect(inStart, inRelations, y, from, x);
    if (this.direction !== 'INCOMING') forward(a, b);
    if (this.direction !== 'OUTGOING') forward(b, a);
    return found.sort((x, y) => x - y).map((r) => relations[r]!);
  }

  /** The relation lists of `entity` (outgoing when `out`, incoming when `inward`), merged in data order. */
  private scan(entity: number, out: boolean, inward: boolean, visit: Visit): boolean {
    const { outStart, outRelations, inStart, inRelations, from, to } = this.index;
    let i = out ? outStart[entity]! : 0;
    const iEnd = out ? outStart[entity + 1]! : 0;
    let j = inward ? inStart[entity]! : 0;
    const jEnd = inward ? inStart[entity + 1]! : 0;
    while (i < iEnd || j < jEnd) {
      const takeOut = j >= jEnd || (i < iEnd && outRelations[i]! < inRelations[j]!);
      const r = takeOut ? outRelations[i++]! : inRelations[j++]!;
      if (this.allows(r) && visit(takeOut ? to[r]! : from[r]!) === true) return true;
    }
    return false;
  }
}

/** The step from one entity to the next of a walk: the first relation between them (data order), the rest as alternatives. */
export function stepBetween(store: PolicyStore, walk: Walk, from: number, to: number): WalkStep {
  const [relation, ...alternatives] = walk.relationsBetween(from, to);
  const fromId = walk.index.ids[from]!;
  return {
    relation: relation!,
    alternatives,
    direction: relation!.from === fromId ? 'OUTGOING' : 'INCOMING',
    from: store.entity(fromId)!,
    to: store.entity(walk.index.ids[to]!)!,
  };
}

/** A search limit as asked, or its default; a RangeError past its ceiling (the API refuses such requests first). */
export function within(name: string, value: number | undefined, limit: { default: number; ceiling: number }): number {
  const chosen = value ?? limit.default;
  if (!Number.isInteger(chosen) || chosen < 1 || chosen > limit.ceiling) {
    throw new RangeError(`${name} must be an integer from 1 to ${limit.ceiling}, got ${chosen}`);
  }
  return chosen;
}
