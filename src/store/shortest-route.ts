import type { Walk } from './walk.js';

/** What a search may not pass: entities taken out, and steps (walked from → to, entity numbers) taken out. */
export type Blocked = { entities: ReadonlySet<number>; steps: ReadonlySet<number> };

/** The key of a step in `Blocked.steps`: entity numbers stay below 2^26, so the product stays an exact integer. */
export const stepKey = (from: number, to: number) => from * 67_108_864 + to;

const nothingBlocked: Blocked = { entities: new Set(), steps: new Set() };

/**
 * The shortest walk from `source` to `target` as entity numbers, or null when there is none within `maxHops`
 * steps. The bidirectional breadth-first search of graphology-shortest-path (`bidirectional`: the smaller fringe
 * grows first, neighbours in data order, so it finds the same route), read from the relation index instead of a
 * graph copy, bounded by maxHops (it stops as soon as the two searches together are maxHops deep without
 * meeting, instead of exploring the whole component) and able to skip blocked entities and steps, which Yen's
 * k-paths needs without changing any graph.
 */
export function shortestRoute(walk: Walk, source: number, target: number, maxHops: number, blocked: Blocked = nothingBlocked): number[] | null {
  if (source === target) return [source];
  const predecessor = new Map<number, number>([[source, -1]]);
  const successor = new Map<number, number>([[target, -1]]);
  const open = (from: number, to: number) => !blocked.entities.has(to) && !blocked.steps.has(stepKey(from, to));
  let meeting = -1;
  /**
   * One level of one side's search: forward from the source (steps walked as they go) or backward from the
   * target (steps walked against the way a walk goes), each entity reached once; stops where the sides meet.
   */
  const grow = (fringe: number[], forward: boolean): number[] => {
    const [reached, otherSide] = forward ? [predecessor, successor] : [successor, predecessor];
    const next: number[] = [];
    for (const node of fringe) {
      const visit = (neighbor: number) => {
        if (!(forward ? open(node, neighbor) : open(neighbor, node))) return false;
        if (!reached.has(neighbor)) {
          next.push(neighbor);
          reached.set(neighbor, node);
        }
        if (otherSide.has(neighbor)) meeting = neighbor;
        return meeting !== -1;
      };
      if (forward ? walk.forEachNext(node, visit) : walk.forEachPrevious(node, visit)) break;
    }
    return next;
  };
  let forwardFringe = [source];
  let reverseFringe = [target];
  for (let depth = 0; forwardFringe.length > 0 && reverseFringe.length > 0 && depth < maxHops && meeting === -1; depth++) {
    if (forwardFringe.length <= reverseFringe.length) forwardFringe = grow(forwardFringe, true);
    else reverseFringe = grow(reverseFringe, false);
  }
  if (meeting === -1) return null;
  const route: number[] = [];
  for (let at = meeting; at !== -1; at = predecessor.get(at)!) route.unshift(at);
  for (let at = successor.get(meeting)!; at !== -1; at = successor.get(at)!) route.push(at);
  return route.length - 1 <= maxHops ? route : null;
}
