/**
 * Progress bars on stderr (cli-progress), one phase after another on the same line: only when stderr is a
 * terminal, or when asked (--progress; then redrawn once a second as plain lines), so that pipes and logs stay clean.
 */
import { Presets, SingleBar } from 'cli-progress';
import type { Progress } from '../export/progress.js';
import { silent } from '../export/progress.js';

export function progressBar(wanted: boolean | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = wanted ?? stream.isTTY === true;
  if (!enabled) return silent;
  const bar = new SingleBar(
    {
      stream,
      format: '{phase} |{bar}| {percentage}% {value}/{total} | {duration_formatted}',
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 1000,
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  let started = false;
  return {
    start(phase, total) {
      if (!started) bar.start(total, 0, { phase });
      else {
        bar.setTotal(total);
        bar.update(0, { phase });
      }
      started = true;
    },
    tick(steps = 1) {
      bar.increment(steps);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}
