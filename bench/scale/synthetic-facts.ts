/**
 * The pieces every synthetic entity is made with: ids, citations, picks of other entities (hubs by Zipf's law,
 * others uniformly) and the relations an entity owns. Each relation is owned by exactly one of its ends (the rules
 * in synthetic-kinds.ts never let two rules state the same type between the same kinds), so removing repeats within
 * one owner is enough for the whole data set to have no duplicate relation, without a set of every relation.
 */
import type { EntityKind } from '../../src/model/kinds.js';
import { kindInfo } from '../../src/model/kinds.js';
import type { RelationType } from '../../src/model/relations.js';
import { chance, type Random, uniform, zipfPicker } from './random.js';
import { placeCode, placeCodeWidth } from './vocabulary.js';

/** An entity or relation as written to a data file. */
export type Item = Record<string, unknown>;

/** How many entities of each kind a data set has. */
export type KindCounts = Readonly<Record<EntityKind, number>>;

/** The kinds whose entities are picked by Zipf's law: a few hubs, a long tail. */
const hubKinds = ['REGION', 'AGENCY', 'PROGRAM', 'TARGET_GROUP'] as const;
type HubKind = (typeof hubKinds)[number];

/** What the kind makers share while a data set is generated: the random numbers, the counts, the pickers. */
export class Facts {
  private readonly hubs: Record<HubKind, (random: Random) => number>;
  private readonly widths = new Map<EntityKind, number>();
  private cited = 0;

  constructor(
    readonly random: Random,
    readonly counts: KindCounts,
  ) {
    this.hubs = Object.fromEntries(hubKinds.map((k) => [k, zipfPicker(counts[k])])) as Record<HubKind, (random: Random) => number>;
  }

  /** The id of the i-th entity of a kind: `agency:syn-12`. */
  id(kind: EntityKind, i: number): string {
    return `${kindInfo[kind].prefix}:syn-${i}`;
  }

  /** The place code that starts the names of the i-th entity of a kind (unique within the kind). */
  code(kind: EntityKind, i: number): string {
    let width = this.widths.get(kind);
    if (width === undefined) this.widths.set(kind, (width = placeCodeWidth(this.counts[kind])));
    return placeCode(i, width);
  }

  /** A citation quoting a made-up span of the file's default source; each fact quotes its own. */
  cite(): Item[] {
    return [{ span: `合成数据第${++this.cited}条` }];
  }

  /** An entity of a hub kind, by Zipf's law: index 0 is the biggest hub. */
  hub(kind: HubKind): string {
    return this.id(kind, this.hubs[kind](this.random));
  }

  /** Any entity of a kind, every one equally likely. */
  any(kind: EntityKind): string {
    return this.id(kind, uniform(this.random, this.counts[kind]));
  }

  /** An entity of the same kind defined before the i-th (i > 0), so that PART_OF stays a tree and CITES looks back. */
  earlier(kind: EntityKind, i: number): string {
    return this.id(kind, uniform(this.random, i));
  }

  chance(p: number): boolean {
    return chance(this.random, p);
  }

  /** A whole number from 0 to n − 1. */
  uniform(n: number): number {
    return uniform(this.random, n);
  }

  /** One of the items, every one equally likely. */
  oneOf<T>(items: readonly T[]): T {
    return items[uniform(this.random, items.length)]!;
  }

  /** A date of 2023 (YYYY-MM-DD), as most figures of the sources are. */
  date(): string {
    return `2023-${String(1 + this.uniform(12)).padStart(2, '0')}-${String(1 + this.uniform(28)).padStart(2, '0')}`;
  }
}

/** The relations one entity owns, without repeats and without loops (a repeat would be refused by the loader). */
export class OwnedRelations {
  readonly list: Item[] = [];
  private readonly keys = new Set<string>();

  constructor(private readonly facts: Facts) {}

  add(type: RelationType, from: string, to: string, extra: Item = {}): void {
    const key = `${type}:${from}->${to}`;
    if (from === to || this.keys.has(key)) return;
    this.keys.add(key);
    this.list.push({ type, from, to, ...extra, citations: this.facts.cite() });
  }
}
