import { defineConfig } from 'vitest/config';

/** `npm run test:e2e`: only the browser tests, and a missing browser is a failure, not a skip. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    env: { REQUIRE_BROWSER: '1' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
