/**
 * An import during a running bulk job (issue 25), in the worker over fake-indexeddb: "Import…"
 * replaces the settings, the watch list and the history while the bulk runner goes on with its
 * job. The run's lookups are held and released by the test, the runner's 200 ms flush is ticked
 * by hand, and storage.local is a map that can hold or refuse a write, so each interleaving is
 * chosen. What must hold: the bulk job's rows and progress are untouched (each row once, the
 * same job to the end); the import is all or nothing; a settings change made during the import
 * is neither lost nor undoes it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entryLines } from '../core/bulk';
import type { RunBulkOptions } from '../core/bulk/run-bulk';
import type { BulkDomain } from '../core/bulk/types';
import { factsOf } from '../core/history/facts-of';
import { withCheck } from '../core/history/history-bounds';
import { report } from '../core/history/testing/facts-reports';
import { newWatch } from '../core/history/watch-schedule';
import { buildBackup } from '../core/storage/backup';
import { closeDb, DB_NAME, listHistory, listWatches, putWatch, recordCheck } from '../platform/history-db';
import type { BulkEvent, BulkProgressView } from '../shared/bulk-messages';
import { DEFAULT_SETTINGS, migrateSettings, type Settings } from '../shared/settings';

const browser = vi.hoisted(() => ({
  local: new Map<string, unknown>(),
  alarms: new Map<string, number>(),
  /** Writes to storage.local wait here while `hold` is set. */
  hold: false,
  held: [] as (() => void)[],
  /** The next storage.local write fails, as a full disk does. */
  failNext: false,
}));

vi.mock('../platform/extension-api', () => {
  const keys = (which: string | string[] | null) => (which === null ? [...browser.local.keys()] : typeof which === 'string' ? [which] : which);
  return {
    extensionApi: {
      storage: {
        local: {
          get: async (which: string | string[] | null) =>
            Object.fromEntries(keys(which).flatMap((key) => (browser.local.has(key) ? [[key, structuredClone(browser.local.get(key))]] : []))),
          set: (items: Record<string, unknown>) =>
            new Promise<void>((resolve, reject) => {
              if (browser.failNext) {
                browser.failNext = false;
                reject(new Error('QUOTA_BYTES quota exceeded'));
                return;
              }
              const apply = () => {
                for (const [key, value] of Object.entries(items)) browser.local.set(key, structuredClone(value));
                resolve();
              };
              if (browser.hold) browser.held.push(apply);
              else apply();
            }),
          remove: async (key: string) => void browser.local.delete(key),
        },
        onChanged: { addListener: () => undefined },
      },
      runtime: { getPlatformInfo: async () => ({}), getManifest: () => ({ version: '0.2.0' }), getURL: (path: string) => path },
      permissions: { contains: async () => false },
      alarms: {
        create: async (name: string, { when }: { when: number }) => void browser.alarms.set(name, when),
        clear: async (name: string) => browser.alarms.delete(name),
        getAll: async () => [...browser.alarms].map(([name, scheduledTime]) => ({ name, scheduledTime })),
      },
      action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    },
  };
});
vi.mock('./engine', () => ({ engine: async () => ({ settings: migrateSettings(undefined), client: {} }), persistCacheSoon: () => undefined }));

const runs = vi.hoisted(() => [] as { domains: readonly BulkDomain[]; options: RunBulkOptions; answer: (at: number) => void; end: () => void }[]);
vi.mock('../core/bulk/run-bulk', () => ({
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
          const { domain, display, addresses } = domains[at]!;
          options.onResult?.(
            { domain, display, addresses: addresses.length, verdict: 'accepts', verdictText: 'accepts mail', mxCount: 1 },
            at,
            undefined as never,
          );
        },
      });
    }),
}));

const { bulkCommand, onBulkEvent } = await import('./bulk/bulk-runner');
const { clearJob, loadJob } = await import('./bulk/bulk-store');
const { storageHandlers } = await import('./storage-requests');
const { changeSettings, loadSettings } = await import('./settings-store');

const facts = (name: string, at: number) => factsOf(report({ query: { name, display: name }, startedAt: at }));
const settled = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
};
const flushTick = async () => {
  vi.advanceTimersByTime(200);
  await settled();
};

/** What the profile holds before the import: its own settings, one watched name, one name in history. */
const BEFORE: Settings = { ...DEFAULT_SETTINGS, theme: 'light', asn: true, ptr: true };
/** The backup imported: other settings, another watched name with a change log, other history. */
const IMPORTED: Settings = { ...DEFAULT_SETTINGS, theme: 'dark', ptr: false, dkimSelectors: ['sel1'] };
function backupText(): string {
  const watched = { ...newWatch('new-watch.example', 'new-watch.example', 1_000, { facts: facts('new-watch.example', 1_000) }), unseen: 1 };
  watched.log = [{ at: 2_000, summary: 'Mail for new-watch.example changed', items: [] }];
  const history = [withCheck(undefined, facts('new-history.example', 3_000)), withCheck(undefined, facts('new-watch.example', 1_000))];
  return JSON.stringify(buildBackup({ settings: IMPORTED, watch: [watched], history, keptExplanations: [], recent: ['imported.example'] }, 5_000, '0.2.0'));
}

/** A bulk page attached to the run: every event it is sent, read as the page reads them. */
function attachPage() {
  const page = { id: '', rows: new Map<number, number>(), progress: undefined as BulkProgressView | undefined, jobs: 0 };
  onBulkEvent((event: BulkEvent) => {
    if (event.type === 'job') {
      page.jobs++;
      page.id = event.job?.id ?? '';
    } else if (event.type === 'rows') {
      for (const [index] of event.rows) page.rows.set(index, (page.rows.get(index) ?? 0) + 1);
      page.progress = event.progress;
    }
  });
  return page;
}

/** A 10-domain run with 4 rows in, flushed to the page and the store. */
async function runningJob() {
  const page = attachPage();
  await bulkCommand({ type: 'start', lines: entryLines(Array.from({ length: 10 }, (_, i) => `d${i}.example`).join('\n')), mailSetup: false }, () => undefined);
  await settled();
  for (let at = 0; at < 4; at++) runs[0]!.answer(at);
  await flushTick();
  return page;
}

/** The rest of the run, from the domain at `from`. */
async function finishRun(from = 4) {
  for (let at = from; at < 10; at++) runs[0]!.answer(at);
  runs[0]!.end();
  await settled();
}

const storedRows = async () => (await loadJob())?.rows.map(([index]) => index).sort((a, b) => a - b);
const names = (list: readonly { name: string }[]) => list.map((entry) => entry.name).sort();

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  Object.assign(browser, { hold: false, held: [], failNext: false });
  browser.local.clear();
  browser.alarms.clear();
  runs.length = 0;
  browser.local.set('settings', structuredClone(BEFORE));
  await putWatch(newWatch('old-watch.example', 'old-watch.example', 0, { facts: facts('old-watch.example', 0) }));
  browser.alarms.set('watch:old-watch.example', 60_000);
  await recordCheck(facts('old-history.example', 10));
});

afterEach(async () => {
  for (const run of runs) run.end();
  await settled();
  await bulkCommand({ type: 'discard' }, () => undefined);
  await clearJob();
  await closeDb();
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = () => resolve();
  });
  vi.useRealTimers();
});

describe('an import during a running bulk job', () => {
  it('replaces settings, watch list and history; the run goes on to the end with every row once, the same job', async () => {
    const page = await runningJob();
    const id = page.id;

    // The import starts; two more rows finish and are flushed while it writes.
    const imported = storageHandlers.importEverything({ text: backupText() });
    runs[0]!.answer(4);
    runs[0]!.answer(5);
    await flushTick();
    await imported;
    await finishRun(6);

    expect(await loadSettings()).toMatchObject({ theme: 'dark', ptr: false, dkimSelectors: ['sel1'] });
    expect(browser.local.get('recent')).toBeDefined();
    expect(names(await listWatches())).toEqual(['new-watch.example']);
    expect((await listWatches())[0]?.log).toHaveLength(1);
    expect(names(await listHistory())).toEqual(['new-history.example', 'new-watch.example']);
    expect([...browser.alarms.keys()]).toEqual(['watch:new-watch.example']);

    const all = Array.from({ length: 10 }, (_, i) => i);
    expect(await storedRows()).toEqual(all);
    expect((await loadJob())?.job).toMatchObject({ id, status: 'done', total: 10, done: 10 });
    expect([...page.rows.keys()].sort((a, b) => a - b)).toEqual(all);
    expect([...page.rows.values()].every((count) => count === 1)).toBe(true);
    expect(page.progress).toMatchObject({ id, status: 'done', done: 10 });
    expect(page.jobs).toBe(1); // the page was never sent another job
    expect(runs).toHaveLength(1);
  });

  it('an import that cannot be saved (storage full) changes nothing, and the run goes on untouched', async () => {
    const page = await runningJob();
    browser.failNext = true;
    await expect(storageHandlers.importEverything({ text: backupText() })).rejects.toThrow(
      /^The import could not be saved \(QUOTA_BYTES quota exceeded\)\. Nothing was changed\.$/,
    );
    await finishRun();

    expect(await loadSettings()).toMatchObject({ theme: 'light', ptr: true, dkimSelectors: [] });
    expect(names(await listWatches())).toEqual(['old-watch.example']);
    expect(names(await listHistory())).toEqual(['old-history.example']);
    expect([...browser.alarms.keys()]).toEqual(['watch:old-watch.example']);
    expect(await storedRows()).toHaveLength(10);
    expect(page.progress).toMatchObject({ status: 'done', done: 10 });
    expect([...page.rows.values()].every((count) => count === 1)).toBe(true);
  });

  it('a damaged file is refused whole: nothing replaced, the run untouched', async () => {
    const page = await runningJob();
    const text = backupText();
    await expect(storageHandlers.importEverything({ text: text.slice(0, text.length / 2) })).rejects.toThrow();
    await finishRun();
    expect(await loadSettings()).toMatchObject({ theme: 'light' });
    expect(names(await listWatches())).toEqual(['old-watch.example']);
    expect(names(await listHistory())).toEqual(['old-history.example']);
    expect(await storedRows()).toHaveLength(10);
    expect(page.progress).toMatchObject({ status: 'done', done: 10 });
  });

  it('a settings change made while the import writes is applied over the imported settings, not over the old ones', async () => {
    await runningJob();
    browser.hold = true; // the import's storage.local write is out
    const imported = storageHandlers.importEverything({ text: backupText() });
    for (let i = 0; i < 50 && browser.held.length === 0; i++) await settled();
    expect(browser.held).toHaveLength(1);
    const changed = changeSettings({ asn: false }); // an options tab, at that moment
    await settled();
    browser.hold = false;
    for (const write of browser.held.splice(0)) write(); // in the order they were asked
    await Promise.all([imported, changed]);
    await finishRun();
    expect(await loadSettings()).toMatchObject({ theme: 'dark', ptr: false, dkimSelectors: ['sel1'], asn: false });
  });
});
