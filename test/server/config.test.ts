import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultDataDir, readConfig } from '../../src/server/config.js';

describe('configuration', () => {
  it('defaults to port 4000 on all interfaces and the bundled data', () => {
    expect(readConfig([], {})).toMatchObject({ port: 4000, host: '0.0.0.0', dataDir: defaultDataDir, logLevel: 'info', maxCost: 10_000 });
    expect(readConfig([], {})).toEqual(defaultConfig);
  });

  it('reads the environment, and flags over it', () => {
    expect(readConfig([], { PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/data' })).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/data' });
    expect(readConfig(['--port', '9090', '--data-dir', '/other'], { PORT: '8080' })).toMatchObject({ port: 9090, dataDir: '/other' });
  });

  it('names every bad setting', () => {
    expect(() => readConfig([], { PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(/port \(--port, PORT\): Too big[\s\S]*logLevel \(--log-level, LOG_LEVEL\): Invalid option/);
    expect(() => readConfig(['--graphiql', 'maybe'], {})).toThrow(/graphiql \(--graphiql, GRAPHIQL\)/);
    expect(readConfig(['--max-cost', '500'], { INTROSPECTION: 'false' })).toMatchObject({ maxCost: 500, introspection: false });
    expect(() => readConfig(['--prot', '1'], {})).toThrow(/Unknown option '--prot'/);
  });

  it('runs one process by default; --workers takes a count or "auto" (one per core)', async () => {
    const { availableParallelism } = await import('node:os');
    expect(defaultConfig.workers).toBe(1);
    expect(readConfig(['--workers', '3'], {}).workers).toBe(3);
    expect(readConfig([], { WORKERS: 'auto' }).workers).toBe(availableParallelism());
    expect(() => readConfig([], { WORKERS: 'many' })).toThrow(/workers \(--workers, WORKERS\): expected a whole number from 1 to 64, or "auto"/);
    expect(() => readConfig(['--workers', '0'], {})).toThrow(/workers \(--workers, WORKERS\): Too small/);
  });
});
