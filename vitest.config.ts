import { defineConfig } from 'vitest/config';

// Three projects in one run:
//   - `unit`: every unit, property and fuzz test (src/**, test/unit, test/fuzz). No DNS stack, no browser: a
//     newcomer runs them in seconds with `npm run test:unit`, or one folder alone
//     (`npx vitest run src/core/ip`).
//   - `soak`: test/soak, 30 simulated days of watching 200 names through the real worker code
//     (fake clock, fake browser, resolvers in-process). No DNS stack; minutes of CPU, so it is
//     its own project: `npm run test:unit` stays quick, `npm test` and `npm run soak` run it.
//   - `stack`: integration, end-to-end and package tests. Its global setup starts the real DNS
//     stack (knotd + dnsdist DoH + fault server) once and hands its addresses to tests via
//     `inject`; Vitest calls it only when a test of this project is queued.
// `npm test` runs both; the JSON report is what CI counts (scripts/test-summary.mjs).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'soak', include: ['test/soak/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', 'test/fuzz/**', 'test/soak/**', '**/node_modules/**'],
          globalSetup: ['test/stack/global-setup.ts'],
        },
      },
    ],
  },
});
