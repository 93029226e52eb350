// What the upgrade scenario (upgrade-scenarios.ts) asks of an extension page: the worker's
// requests (as the pages send them), and what is stored, read straight from IndexedDB and
// storage.local with the browser's own APIs (no MXray code), so "stored before" and "read after"
// are the same reading of either version's data.
import type { View } from '../drivers/driver';

type PageWindow = Window & typeof globalThis;

/** Runs `fn(window, arg)` in the view: the function travels as source text (no closures), `arg` as JSON. */
export function inView<A, R>(view: View, fn: (view: PageWindow, arg: A) => R | Promise<R>, arg: A): Promise<R> {
  const call = new Function('view', `return (${fn.toString()})(view, ${JSON.stringify(arg)});`) as (view: PageWindow) => R;
  return view.evaluate(call) as Promise<R>;
}

/** Sends the worker requests at once, as the pages do (`runtime.sendMessage`); fails on the first refused one. */
export async function askAll<T>(view: View, requests: readonly { request: string; payload?: unknown }[]): Promise<T[]> {
  const replies = await inView(
    view,
    (page, all: readonly { request: string; payload?: unknown }[]) => {
      const api = (page as unknown as { browser?: typeof chrome }).browser ?? page.chrome;
      return Promise.all(all.map((envelope) => api.runtime.sendMessage(envelope) as Promise<{ ok: boolean; value?: unknown; error?: string }>));
    },
    requests,
  );
  return replies.map((reply, i) => {
    if (!reply.ok) throw new Error(`${requests[i]!.request} ${JSON.stringify(requests[i]!.payload)}: ${reply.error}`);
    return reply.value as T;
  });
}

export async function ask<T>(view: View, request: string, payload?: unknown): Promise<T> {
  const [value] = await askAll<T>(view, [{ request, payload }]);
  return value!;
}

/** The extension's alarms (`watch:<name>` per watched name), as the alarms API lists them. */
export function alarms(view: View): Promise<{ name: string; scheduledTime: number }[]> {
  return inView(
    view,
    (page) => {
      const api = (page as unknown as { browser?: typeof chrome }).browser ?? page.chrome;
      return api.alarms.getAll().then((all) => all.map(({ name, scheduledTime }) => ({ name, scheduledTime })));
    },
    null,
  );
}

/** Makes `watch:<name>` ring in a moment: the real alarm path, as when the check comes due. */
export function ringSoon(view: View, name: string): Promise<void> {
  return inView(
    view,
    (page, watched: string) => {
      const api = (page as unknown as { browser?: typeof chrome }).browser ?? page.chrome;
      return api.alarms.create(`watch:${watched}`, { when: Date.now() + 300 });
    },
    name,
  );
}

export interface StoredSummary {
  version: string;
  id: string;
  /** storage.local's keys, and the settings record as stored. */
  localKeys: string[];
  settings: unknown;
  history: { names: number; checks: number };
  watch: { names: number; logEntries: number; withFacts: number };
  bulk: { status: string | undefined; done: number | undefined; total: number | undefined; rows: number };
}

/** Everything MXray keeps on this profile, counted per store. */
export function storedSummary(view: View): Promise<StoredSummary> {
  return inView(
    view,
    async (page) => {
      const api = (page as unknown as { browser?: typeof chrome }).browser ?? page.chrome;
      // Opening a database that is not there would create it empty: abort that instead.
      const open = (name: string) =>
        new Promise<IDBDatabase | undefined>((resolve) => {
          const request = page.indexedDB.open(name);
          request.onupgradeneeded = () => request.transaction?.abort();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => resolve(undefined);
        });
      const all = (db: IDBDatabase | undefined, store: string) =>
        new Promise<Record<string, unknown>[]>((resolve) => {
          if (!db?.objectStoreNames.contains(store)) return resolve([]);
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result as Record<string, unknown>[]);
          request.onerror = () => resolve([]);
        });
      const [mxray, bulkDb, local] = await Promise.all([open('mxray'), open('mxray-bulk'), api.storage.local.get(null)]);
      const [history, watch, jobs, rows] = await Promise.all([all(mxray, 'history'), all(mxray, 'watch'), all(bulkDb, 'jobs'), all(bulkDb, 'results')]);
      mxray?.close();
      bulkDb?.close();
      const length = (value: unknown) => (Array.isArray(value) ? value.length : 0);
      const job = jobs[0] as { status?: string; done?: number; total?: number } | undefined;
      return {
        version: api.runtime.getManifest().version,
        id: api.runtime.id,
        localKeys: Object.keys(local).sort(),
        settings: local.settings,
        history: { names: history.length, checks: history.reduce((sum, entry) => sum + length(entry.checks), 0) },
        watch: {
          names: watch.length,
          logEntries: watch.reduce((sum, entry) => sum + length(entry.log), 0),
          withFacts: watch.filter((entry) => entry.lastFacts !== undefined).length,
        },
        bulk: { status: job?.status, done: job?.done, total: job?.total, rows: rows.length },
      };
    },
    null,
  );
}

/** The bulk run's stored rows by index, as the worker saved them. */
export function storedBulkRows(view: View): Promise<Record<number, unknown>> {
  return inView(
    view,
    (page) =>
      new Promise<Record<number, unknown>>((resolve, reject) => {
        const request = page.indexedDB.open('mxray-bulk');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => reject(new Error('no bulk database'));
        request.onsuccess = () => {
          const db = request.result;
          const read = db.transaction('results').objectStore('results').getAll();
          read.onsuccess = () => {
            db.close();
            resolve(Object.fromEntries((read.result as { index: number; result: unknown }[]).map((row) => [row.index, row.result])));
          };
          read.onerror = () => reject(read.error);
        };
      }),
    null,
  );
}

/** Each watched name's change log as the Watch view shows it (options.html#watch), newest first. */
export function watchViewLogs(view: View): Promise<Record<string, string[]>> {
  return inView(
    view,
    (page) => {
      const logs: Record<string, string[]> = {};
      for (const entry of page.document.querySelectorAll('#watch li[aria-label]')) {
        const name = entry.getAttribute('aria-label')!;
        const list = entry.querySelector(`ol[aria-label="Changes of ${name}"]`);
        logs[name] = list ? [...list.querySelectorAll(':scope > li')].map((item) => item.textContent ?? '') : [];
      }
      return logs;
    },
    null,
  );
}

/** The History view's names (options.html#history), as its table shows them. */
export function historyViewNames(view: View): Promise<string[]> {
  return inView(
    view,
    (page) => [...page.document.querySelectorAll('#history table tbody th[scope="row"]')].map((cell) => cell.textContent?.trim() ?? ''),
    null,
  );
}

/** The stored bulk job's fields and their types (its list summed up), for a failure message. */
/** What the worker says to a bulk page's `attach` within 3 s (a failed test's evidence). */
export function bulkAttachReply(view: View): Promise<string> {
  return inView(
    view,
    (page) =>
      new Promise<string>((resolve) => {
        const api = (page as unknown as { browser?: typeof chrome }).browser ?? page.chrome;
        const heard: string[] = [];
        const port = api.runtime.connect({ name: 'bulk' });
        port.onMessage.addListener((message: unknown) => heard.push(JSON.stringify(message).slice(0, 300)));
        port.onDisconnect.addListener(() => heard.push('disconnected'));
        port.postMessage({ type: 'attach' });
        setTimeout(() => {
          port.disconnect();
          resolve(heard.length > 0 ? heard.join(' | ') : 'nothing');
        }, 3_000);
      }),
    undefined,
  );
}

export function storedBulkJobShape(view: View): Promise<string> {
  return inView(
    view,
    (page) =>
      new Promise<string>((resolve) => {
        const request = page.indexedDB.open('mxray-bulk');
        request.onupgradeneeded = () => request.transaction?.abort();
        request.onerror = () => resolve('no bulk database');
        request.onsuccess = () => {
          const read = request.result.transaction('jobs').objectStore('jobs').getAll();
          read.onsuccess = () => {
            request.result.close();
            const [job] = read.result as Record<string, unknown>[];
            if (!job) return resolve('none');
            const input = job.input as Record<string, unknown> | undefined;
            const domains = (input?.domains as unknown[] | undefined) ?? [];
            resolve(
              JSON.stringify({
                ...Object.fromEntries(Object.entries(job).map(([key, value]) => [key, key === 'input' ? Object.keys(value as object) : value])),
                firstDomain: domains[0],
                invalid: (input?.invalid as unknown[] | undefined)?.slice(0, 2),
                addressCount: input?.addressCount,
                duplicates: input?.duplicates,
              }),
            );
          };
        };
      }),
    null,
  );
}
