/**
 * Seeded randomness for the synthetic data sets: the same seed gives the same data set, byte for byte, so that
 * timings and counts repeat across runs and machines.
 */

/** A source of random numbers in [0, 1), from a 32-bit seed (mulberry32: fast, good enough for test data). */
export type Random = () => number;

/** The random numbers of one seed, in order. */
export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number from 0 to n − 1, every one equally likely. */
export function uniform(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** True with probability p. */
export function chance(random: Random, p: number): boolean {
  return random() < p;
}

/**
 * Picks 0 … n − 1 by Zipf's law: k with weight 1 / (k + 1)^exponent, so 0 is the hub (with exponent 1 and
 * 10,000 items it gets about a tenth of all picks) and most items get a few. Real policy data looks like this:
 * one provincial department issues most documents, one region scopes most figures. Picking is a binary search
 * over the cumulative weights, O(log n).
 */
export function zipfPicker(n: number, exponent = 1): (random: Random) => number {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`a Zipf picker needs at least one item, got ${n}`);
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k++) cumulative[k] = sum += 1 / (k + 1) ** exponent;
  return (random) => {
    const x = random() * sum;
    let [lo, hi] = [0, n - 1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
