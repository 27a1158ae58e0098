import { type EntityKind, entityKinds } from '../model/kinds.js';
import { type RelationType, relationTypes } from '../model/relations.js';
import type { EntityNode, PolicyGraph, RelationEdge } from './graph.js';
import { indexNames, normalizeName } from './names.js';

export type Direction = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** A relation seen from one of its ends: the direction it points relative to that end, and the other end. */
export type RelationView = { relation: RelationEdge; direction: 'OUTGOING' | 'INCOMING'; other: EntityNode };

/**
 * A structure computed from the whole graph (search index, rankings): built once per store, never per request.
 * One that is costly to build says how a snapshot keeps it: `save` gives plain data (objects, arrays, typed
 * arrays: what v8.serialize writes) and `restore` makes the structure from it for the same store.
 */
// Saved is `any` by default: a list of derivations holds each with its own saved shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Derivation<T, Saved = any> = {
  name: string;
  build(store: PolicyStore): T;
  snapshot?: { save(value: T, store: PolicyStore): Saved; restore(store: PolicyStore, saved: Saved): T };
};

export type StoreInfo = { version: string; loadedAt: Date; loadMs: number; files: number };

/**
 * The loaded, read-only policy graph with the indexes built once at load: entities by kind and by
 * normalized name, counts by kind and by relation type. Build it with `loadStore`; never mutate it.
 */
export class PolicyStore {
  private readonly byKind = new Map<EntityKind, EntityNode[]>(entityKinds.map((k) => [k, []]));
  private readonly byName: Map<string, string[]>;
  /** Each entity's position in data-set order, so that lists built from adjacency keep that order. */
  private readonly position = new Map<string, number>();
  readonly relationCounts: ReadonlyMap<RelationType, number>;
  /** The most entities one name or alias resolves to (one per kind at most): the longest answer `lookup` can give. */
  readonly mostNamesakes: number = 0;
  private readonly derivedValues = new Map<Derivation<unknown>, unknown>();

  constructor(
    readonly graph: PolicyGraph,
    readonly info: StoreInfo,
  ) {
    graph.forEachNode((id, e) => {
      this.byKind.get(e.kind)!.push(e);
      this.position.set(id, this.position.size);
    });
    this.byName = indexNames([...this.byKind.values()].flat()).byName;
    for (const ids of this.byName.values()) this.mostNamesakes = Math.max(this.mostNamesakes, ids.length);
    const counts = new Map<RelationType, number>(relationTypes.map((t) => [t, 0]));
    graph.forEachEdge((_, r) => counts.set(r.type, counts.get(r.type)! + 1));
    this.relationCounts = counts;
  }

  /** The value of a derivation over this store, built on first use and kept (loadStore builds them all at load). */
  derived<T>(derivation: Derivation<T>): T {
    if (!this.derivedValues.has(derivation)) this.derivedValues.set(derivation, derivation.build(this));
    return this.derivedValues.get(derivation) as T;
  }

  /** Takes a derivation's value made elsewhere (restored from a snapshot) instead of building it. */
  provide<T>(derivation: Derivation<T>, value: T): void {
    this.derivedValues.set(derivation, value);
  }

  entity(id: string): EntityNode | null {
    return this.graph.hasNode(id) ? this.graph.getNodeAttributes(id) : null;
  }

  /** Entities of the given kinds (all kinds when empty), kinds in ontology order, each in data-file order. */
  entities(kinds: readonly EntityKind[] = []): EntityNode[] {
    const wanted = kinds.length > 0 ? entityKinds.filter((k) => kinds.includes(k)) : entityKinds;
    return wanted.flatMap((k) => this.byKind.get(k)!);
  }

  /** The given entities without repeats, in data-set order. */
  inDataOrder<T extends EntityNode>(entities: Iterable<T>): T[] {
    return [...new Set(entities)].sort((a, b) => this.position.get(a.id)! - this.position.get(b.id)!);
  }

  /** An entity's position in data-set order (0 for the first entity read), undefined for an unknown id. */
  positionOf(id: string): number | undefined {
    return this.position.get(id);
  }

  count(kind: EntityKind): number {
    return this.byKind.get(kind)!.length;
  }

  /** Entities whose name, English name or an alias equals `name` (case-, width- and space-insensitive). */
  lookup(name: string): EntityNode[] {
    return (this.byName.get(normalizeName(name)) ?? []).map((id) => this.graph.getNodeAttributes(id));
  }

  /** The relations at an entity, outgoing first, filtered by direction and types (all when empty); none for an unknown id. */
  relations(id: string, direction: Direction = 'BOTH', types: readonly RelationType[] = []): RelationView[] {
    const out: RelationView[] = [];
    if (!this.graph.hasNode(id)) return out;
    const keep = (r: RelationEdge) => types.length === 0 || types.includes(r.type);
    if (direction !== 'INCOMING') {
      this.graph.forEachOutEdge(id, (_, r, __, target, ___, t) => {
        if (keep(r)) out.push({ relation: r, direction: 'OUTGOING', other: t });
      });
    }
    if (direction !== 'OUTGOING') {
      this.graph.forEachInEdge(id, (_, r, source, __, s) => {
        if (keep(r)) out.push({ relation: r, direction: 'INCOMING', other: s });
      });
    }
    return out;
  }

  /** A region and every region PART_OF it, at any depth. */
  regionWithDescendants(id: string): Set<string> {
    const found = new Set<string>(this.graph.hasNode(id) ? [id] : []);
    for (const current of found) {
      for (const child of this.related(current, 'PART_OF', 'INCOMING')) found.add(child.id);
    }
    return found;
  }

  /** The entities at the other end of an entity's relations of one type and direction. */
  related(id: string, type: RelationType, direction: 'OUTGOING' | 'INCOMING'): EntityNode[] {
    return this.relations(id, direction, [type]).map((v) => v.other);
  }
}
