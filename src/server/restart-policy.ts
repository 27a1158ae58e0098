/** How the cluster primary answers a worker that died: wait this long, then fork a replacement; or stop trying. */
export type RestartDecision = { restartInMs: number } | { giveUp: string };

export type RestartLimits = {
  /** More unexpected exits than this within `windowMs` is a crash loop. */
  maxExits: number;
  windowMs: number;
  /** The wait after the first exit in the window; it doubles with each further exit, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
};

export const defaultRestartLimits: RestartLimits = { maxExits: 5, windowMs: 60_000, firstDelayMs: 250, maxDelayMs: 10_000 };

/**
 * Exponential backoff over the unexpected exits of the last `windowMs`, across all workers: a worker that dies
 * once a day is replaced at once, one that dies on every start (a bug, a poisoned input, memory too small) is
 * retried ever more slowly and then given up on with the reason, instead of forking in a tight loop forever.
 */
export class RestartPolicy {
  private exits: number[] = [];

  constructor(private readonly limits: RestartLimits = defaultRestartLimits) {}

  /** Records an unexpected exit at `now` (ms) and decides what to do about it. */
  afterExit(now: number): RestartDecision {
    const { maxExits, windowMs, firstDelayMs, maxDelayMs } = this.limits;
    this.exits = [...this.exits.filter((at) => now - at < windowMs), now];
    const recent = this.exits.length;
    if (recent > maxExits) return { giveUp: `${recent} workers exited unexpectedly within ${Math.round(windowMs / 1000)} s` };
    return { restartInMs: Math.min(firstDelayMs * 2 ** (recent - 1), maxDelayMs) };
  }
}
