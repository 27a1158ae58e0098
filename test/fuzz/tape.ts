import { offsetToCursor } from '@pothos/plugin-relay';
import fc from 'fast-check';
import { entityKinds } from '../../src/model/kinds.js';
import type { PolicyStore } from '../../src/store/store.js';

/**
 * A sequence of choices, drawn by fast-check and read by the generators (Hypothesis-style). Every decision a
 * generator makes is one number off the tape, so fast-check shrinks a failing request by shortening the tape
 * and moving its numbers towards 0; a tape that runs out answers 0, the simplest choice, everywhere.
 */
export class Tape {
  private position = 0;
  constructor(private readonly choices: readonly number[]) {}

  /** A whole number from 0 to n − 1. */
  int(n: number): number {
    if (n <= 1) return 0;
    const choice = this.choices[this.position++];
    return choice === undefined ? 0 : choice % n;
  }

  /** True with about this percent of probability; false when the tape has run out. */
  chance(percent: number): boolean {
    return this.int(100) >= 100 - percent;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** A size from min to max, skewed towards small ones. */
  size(min: number, max: number): number {
    const span = max - min + 1;
    return min + Math.min(this.int(span), this.int(span));
  }
}

/**
 * The choices of one request: fast-check generates and shrinks these. Unbiased and of any length up to the
 * maximum, or most tapes would be short and every query `{ agencies { edges { cursor } } }`.
 */
export const tapeArbitrary = fc.noBias(fc.array(fc.nat({ max: 0xffff }), { maxLength: 600, size: 'max' }));

/** Real values from the bundled data set, so that generated queries reach resolvers, not just validation. */
export type Corpus = { ids: string[]; names: string[]; cursors: string[] };

export function corpusOf(store: PolicyStore): Corpus {
  const entities = entityKinds.flatMap((kind) => store.entities([kind]).slice(0, 6));
  return {
    ids: entities.map((e) => e.id),
    names: [...new Set(entities.flatMap((e) => [e.name, ...(e.aliases ?? [])]))].slice(0, 60),
    cursors: [0, 1, 2, 19, 20, 99, 100, 5000].map((n) => offsetToCursor(n)),
  };
}
