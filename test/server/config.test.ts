import { describe, expect, it } from 'vitest';
import { defaultDataDir, readConfig } from '../../src/server/config.js';

describe('configuration', () => {
  it('defaults to port 4000 on all interfaces and the bundled data', () => {
    expect(readConfig([], {})).toEqual({ port: 4000, host: '0.0.0.0', dataDir: defaultDataDir, logLevel: 'info' });
  });

  it('reads the environment, and flags over it', () => {
    expect(readConfig([], { PORT: '8080', HOST: '127.0.0.1', DATA_DIR: '/data' })).toMatchObject({ port: 8080, host: '127.0.0.1', dataDir: '/data' });
    expect(readConfig(['--port', '9090', '--data-dir', '/other'], { PORT: '8080' })).toMatchObject({ port: 9090, dataDir: '/other' });
  });

  it('names every bad setting', () => {
    expect(() => readConfig([], { PORT: '70000', LOG_LEVEL: 'loud' })).toThrow(/port: Too big[\s\S]*logLevel: Invalid option/);
    expect(() => readConfig(['--prot', '1'], {})).toThrow(/Unknown option '--prot'/);
  });
});
