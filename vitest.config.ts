import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The unit and soak projects use every core, and two on a 2-core machine (Vitest's default is
 * one fewer than the cores, so one): the soak then runs beside the unit files instead of after
 * them. The stack project's files run one at a time: they share one DNS stack, and its browser
 * tests give real input to the window in front.
 */
const CPU_WORKERS = Math.max(2, availableParallelism() - 1);

/**
 * Vitest's order of test files, with the soak first: it is one file of minutes, the unit files
 * are hundreds of short ones, so the soak starts at once on one worker while the unit files
 * share the other. Vitest's own order (slowest first from its cache, by size on a fresh clone)
 * would start the small soak file last, and the other worker would wait idle for it.
 */
class SoakFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const soakFirst = (spec: TestSpecification) => (spec.project.name === 'soak' ? 0 : 1);
    // A stable sort: everything else keeps Vitest's order.
    return (await super.sort(files)).sort((a, b) => soakFirst(a) - soakFirst(b));
  }
}

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
// `npm test` runs all three: unit and soak side by side first, then the stack (see CPU_WORKERS);
// the JSON report is what CI counts (scripts/test-summary.mjs).
export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    sequence: { sequencer: SoakFirstSequencer },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.{ts,tsx}', 'test/unit/**/*.test.ts', 'test/fuzz/**/*.test.ts'],
          maxWorkers: CPU_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'soak', include: ['test/soak/**/*.test.ts'], maxWorkers: CPU_WORKERS, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: {
          name: 'stack',
          include: ['test/**/*.test.ts'],
          exclude: ['test/unit/**', 'test/fuzz/**', 'test/soak/**', '**/node_modules/**'],
          globalSetup: ['test/stack/global-setup.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
