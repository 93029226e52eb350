import { defineConfig } from 'vitest/config';

// One runner for unit, integration (real knotd + dnsdist DoH stack) and, later, browser tests.
// The global setup starts the DoH stack once and hands its addresses to tests via `inject`.
// The JSON report is what CI counts (scripts/test-summary.mjs).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.{ts,tsx}'],
    globalSetup: ['test/stack/global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
