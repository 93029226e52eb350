/**
 * Two bulk pages at once (issue 25), against the worker's real runner and store over
 * fake-indexeddb. The run's lookups are a stand-in that finishes a domain only when the test says
 * (the DNS is not what races here), and the runner's 200 ms flush is ticked by hand, so every
 * interleaving is chosen. A "page" is what the bulk port gives one: the events the worker sends
 * it, read as the bulk page reads them (the job replaces what it had, rows add by index).
 *
 * What must hold: one job at a time; a second page attaches to it, or is told a run is going;
 * no row lost or repeated in the store or in what either page holds; both pages show the same progress.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryLines } from '../../core/bulk';
import type { BulkDomain, BulkResult } from '../../core/bulk/types';
import type { RunBulkOptions } from '../../core/bulk/run-bulk';
import type { BulkCommand, BulkEvent, BulkJobView, BulkProgressView } from '../../shared/bulk-messages';
import { migrateSettings } from '../../shared/settings';

vi.mock('../../platform/extension-api', () => ({
  extensionApi: { runtime: { getPlatformInfo: async () => ({}) }, permissions: { contains: async () => false } },
}));
vi.mock('../engine', () => ({ engine: async () => ({ settings: migrateSettings(undefined), client: {} }), persistCacheSoon: () => undefined }));

interface HeldRun {
  domains: readonly BulkDomain[];
  options: RunBulkOptions;
  /** Finishes the domain at `at` in this run's list (nothing when the run was cancelled, as the engine does). */
  answer: (at: number) => void;
  end: () => void;
}
const runs = vi.hoisted(() => [] as HeldRun[]);
vi.mock('../../core/bulk/run-bulk', () => ({
  runBulk: (domains: readonly BulkDomain[], _client: unknown, options: RunBulkOptions) =>
    new Promise((resolve) => {
      const end = () => resolve([]);
      options.control?.signal.addEventListener('abort', end);
      runs.push({
        domains,
        options,
        end,
        answer: (at) => {
          if (options.control?.cancelled) return;
          const domain = domains[at]!;
          const result: BulkResult = {
            domain: domain.domain,
            display: domain.display,
            addresses: domain.addresses.length,
            verdict: 'accepts',
            verdictText: 'accepts mail',
            mxCount: 1,
          };
          options.onResult?.(result, at, undefined as never);
        },
      });
    }),
}));

type Runner = typeof import('./bulk-runner');
type Store = typeof import('./bulk-store');
let runner: Runner;
let store: Store;

/** One bulk page on the port: what it holds and what it was told. */
interface Page {
  job: BulkJobView | undefined;
  rows: Map<number, BulkResult>;
  /** Every row event's rows, to count repeats. */
  received: number[];
  progress: BulkProgressView | undefined;
  errors: string[];
  send: (command: BulkCommand) => Promise<void>;
}

function openPage(): Page {
  const page: Page = { job: undefined, rows: new Map(), received: [], progress: undefined, errors: [], send: async () => undefined };
  const hear = (event: BulkEvent) => {
    if (event.type === 'error') page.errors.push(event.message);
    else if (event.type === 'job') {
      page.job = event.job && { ...event.job };
      page.rows = new Map(event.rows);
      page.progress = event.job && { id: event.job.id, status: event.job.status, done: event.job.done, runningMs: event.job.runningMs };
    } else if (event.type === 'rows') {
      for (const [index, result] of event.rows) {
        page.rows.set(index, result);
        page.received.push(index);
      }
      if (page.job?.id === event.progress.id) page.progress = event.progress;
    }
  };
  // As src/background/bulk/bulk-port.ts does: the page hears every job event from its connection on, and its own errors.
  runner.onBulkEvent(hear);
  page.send = (command) => runner.bulkCommand(command, hear).catch((error: unknown) => hear({ type: 'error', message: (error as Error).message }));
  return page;
}

const list = (from: number, count: number) => Array.from({ length: count }, (_, i) => `user@d${from + i}.test`).join('\n');
const start = (text: string, replaces?: string): BulkCommand => ({
  type: 'start',
  lines: entryLines(text),
  mailSetup: false,
  ...(replaces ? { replaces } : {}),
});

const settled = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};
/** The runner's 200 ms flush, once. */
const flushTick = async () => {
  vi.advanceTimersByTime(200);
  await settled();
};
const stored = async () => (await store.loadJob())?.rows.map(([index]) => index).sort((a, b) => a - b) ?? [];
const indices = (page: Page) => [...page.rows.keys()].sort((a, b) => a - b);

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  runs.length = 0;
  vi.resetModules();
  runner = await import('./bulk-runner');
  store = await import('./bulk-store');
});

afterEach(async () => {
  for (const run of runs) run.end();
  await settled();
  await store.clearJob();
  vi.useRealTimers();
});

describe('two bulk pages at once', () => {
  it('a page opened mid-run attaches to the same job: every row once in each page and in the store, the same progress', async () => {
    const first = openPage();
    await first.send({ type: 'attach' });
    await first.send(start(list(0, 10)));
    await settled();
    const run = runs[0]!;
    for (let at = 0; at < 4; at++) run.answer(at);
    await flushTick();
    run.answer(4); // finished, not yet sent when the second page attaches

    const second = openPage();
    await second.send({ type: 'attach' });
    expect(second.job?.id).toBe(first.job?.id);
    expect(indices(second)).toEqual([0, 1, 2, 3, 4]);

    for (let at = 5; at < 10; at++) {
      run.answer(at);
      if (at % 2 === 0) await flushTick();
    }
    run.end();
    await settled();

    const all = Array.from({ length: 10 }, (_, i) => i);
    expect(indices(first)).toEqual(all);
    expect(indices(second)).toEqual(all);
    expect(await stored()).toEqual(all);
    // Each page was sent each row once (the second page's first five came in its snapshot; row 4 may come again by index, not as a new row).
    expect(new Set(first.received).size).toBe(first.received.length);
    expect(second.received.filter((i) => i < 4)).toEqual([]);
    expect(first.progress).toEqual(second.progress);
    expect(first.progress).toMatchObject({ status: 'done', done: 10 });
    expect(runs).toHaveLength(1);
  });

  it('a second page that starts its own list while a run goes is told so, and the run and its rows stay', async () => {
    const first = openPage();
    const second = openPage();
    await Promise.all([first.send({ type: 'attach' }), second.send({ type: 'attach' })]);
    await first.send(start(list(0, 6)));
    await settled();
    const id = first.job!.id;
    runs[0]!.answer(0);
    runs[0]!.answer(1);
    await flushTick();

    // The second page still shows its form (it has not drawn the first page's job yet) and starts.
    await second.send(start(list(100, 3)));
    expect(second.errors).toEqual([
      'A bulk run is already going (2 of 6 domains checked), started in another tab or window; it is shown here. Cancel it before checking another list.',
    ]);
    expect(first.errors).toEqual([]);
    expect(second.job?.id).toBe(id);
    expect(runs).toHaveLength(1);
    expect(runs[0]!.options.control?.cancelled).toBe(false);

    for (let at = 2; at < 6; at++) runs[0]!.answer(at);
    runs[0]!.end();
    await settled();
    expect((await store.loadJob())?.job).toMatchObject({ id, total: 6, status: 'done' });
    expect(await stored()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(indices(first)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(indices(second)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(first.progress).toEqual(second.progress);
  });

  it('two pages that start at the same moment (a selection handed to each) get one job, the second told', async () => {
    const first = openPage();
    const second = openPage();
    await Promise.all([first.send({ type: 'attach' }), second.send({ type: 'attach' })]);
    await Promise.all([first.send(start(list(0, 3))), second.send(start(list(50, 4)))]);
    await settled();
    expect(runs).toHaveLength(1);
    expect(first.errors).toEqual([]);
    expect(second.errors).toHaveLength(1);
    expect(second.errors[0]).toMatch(/^A bulk run is already going \(0 of 3 domains checked\)/);
    expect(second.job?.total).toBe(3);
    expect(first.job?.id).toBe(second.job?.id);
  });

  it('a paused run is a run going: a second start does not replace it', async () => {
    const first = openPage();
    await first.send({ type: 'attach' });
    await first.send(start(list(0, 4)));
    await settled();
    runs[0]!.answer(0);
    await first.send({ type: 'pause' });
    const second = openPage();
    await second.send(start(list(100, 2)));
    expect(second.errors[0]).toMatch(/^A bulk run is already going \(1 of 4 domains checked\)/);
    expect(await stored()).toEqual([0]);
    expect((await store.loadJob())?.job.status).toBe('paused');
  });

  it('a finished run is replaced only by the page that shows it ("New list"), not by a page that has not seen it', async () => {
    const first = openPage();
    await first.send({ type: 'attach' });
    await first.send(start(list(0, 2)));
    await settled();
    runs[0]!.answer(0);
    runs[0]!.answer(1);
    runs[0]!.end();
    await settled();
    const finished = first.job!.id;

    const stale = openPage(); // attached before, drawn with its form; its start names no job
    await stale.send(start(list(100, 2)));
    expect(stale.errors).toEqual(['Another tab or window has just run a list (2 of 2 domains checked); it is shown here. Choose "New list" to check yours.']);
    expect((await store.loadJob())?.job.id).toBe(finished);
    expect(await stored()).toEqual([0, 1]);

    // A selection handed to the page that shows the finished run replaces it, as before.
    await first.send(start(list(100, 2), finished));
    await settled();
    expect(first.errors).toEqual([]);
    expect((await store.loadJob())?.job).toMatchObject({ total: 2, status: 'running' });
    expect(await stored()).toEqual([]);
    expect(stale.job?.id).toBe(first.job?.id);
  });
});
