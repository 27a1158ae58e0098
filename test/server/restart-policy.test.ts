import { describe, expect, it } from 'vitest';
import { RestartPolicy } from '../../src/server/restart-policy.js';

const limits = { maxExits: 3, windowMs: 60_000, firstDelayMs: 250, maxDelayMs: 800 };

describe('restarting workers that die', () => {
  it('replaces a worker at once after a lone exit, and backs off exponentially as exits pile up, up to the ceiling', () => {
    const policy = new RestartPolicy(limits);
    expect([0, 1_000, 2_000].map((t) => policy.afterExit(t))).toEqual([{ restartInMs: 250 }, { restartInMs: 500 }, { restartInMs: 800 }]);
  });

  it('gives up on a crash loop, saying why', () => {
    const policy = new RestartPolicy(limits);
    for (const t of [0, 100, 200]) expect(policy.afterExit(t)).toHaveProperty('restartInMs');
    expect(policy.afterExit(300)).toEqual({ giveUp: '4 workers exited unexpectedly within 60 s' });
  });

  it('forgets exits older than the window: a worker dying now and then is never a crash loop', () => {
    const policy = new RestartPolicy(limits);
    const decisions = Array.from({ length: 10 }, (_, i) => policy.afterExit(i * 61_000));
    expect(decisions).toEqual(Array.from({ length: 10 }, () => ({ restartInMs: 250 })));
  });
});
