/**
 * How an export reports how far it is: a phase (loading, writing nodes …) with a total, then ticks. The CLI
 * draws it as a progress bar on stderr; the HTTP route and tests pass `silent`.
 */
export type Progress = {
  /** A new phase of `total` steps (entities, relations, files). */
  start(phase: string, total: number): void;
  /** `steps` more steps of the current phase are done. */
  tick(steps?: number): void;
  /** The work is over (or failed): leave the terminal clean. */
  stop(): void;
};

export const silent: Progress = { start() {}, tick() {}, stop() {} };

/** Ticks every `every` items, so that a loop over 10^5 entities does not redraw 10^5 times. */
export function ticker(progress: Progress, every = 500) {
  let pending = 0;
  return {
    tick() {
      if (++pending === every) {
        progress.tick(pending);
        pending = 0;
      }
    },
    flush() {
      if (pending > 0) progress.tick(pending);
      pending = 0;
    },
  };
}
