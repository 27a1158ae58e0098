import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: only the browser tests, and a missing browser is a failure, not a skip. */
export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds. Node, which loads Pothos and yoga, picks main; make
  // Vite pick the same file for our sources, or the schema mixes two graphql realms.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/e2e/**/*.test.ts'],
    env: { REQUIRE_BROWSER: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
