// The extension's service worker as the benchmarks drive it: evaluate in it, read its JS heap
// after a forced GC, empty its answer cache, and stop and start it as the browser does.
// The DevTools session is attached only while it is used: an attached debugger keeps a worker
// alive, which would hide the cost of waking it that a person's first click pays.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../../test/e2e/harness/browser';
import { stopServiceWorker } from '../../test/e2e/harness/service-worker';
import type { CdpClient } from './cdp-client';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface WorkerHeap {
  usedBytes: number;
  totalBytes: number;
}

export interface ExtensionWorker {
  /** The running worker's DevTools target id (a new one after every restart), or undefined. */
  targetId(): Promise<string | undefined>;
  /** Evaluates `expression` in the worker (awaiting a promise) and returns its value. */
  evaluate<T>(expression: string): Promise<T>;
  /** `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`. */
  heapAfterGc(): Promise<WorkerHeap>;
  /** Empties the answer cache for good: storage.session (restored at start), then a restart. */
  clearCacheAndStop(): Promise<void>;
  /** Any DevTools method on the worker's session (e.g. the Profiler's). */
  send<T>(method: string, params?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Lets the worker go (it may be stopped when idle again). */
  detach(): Promise<void>;
}

/** What the worker persists after a lookup (src/background/engine.ts): at most every 150 ms. */
const CACHE_SAVE_THROTTLE_MS = 150;

export function extensionWorker(cdp: CdpClient, browser: ExtensionBrowser, anyPage: () => Page): ExtensionWorker {
  const workerUrl = browser.url('background.js');
  let attached: { targetId: string; sessionId: string } | undefined;

  const find = async () => {
    const { targetInfos } = await cdp.send<{ targetInfos: TargetInfo[] }>('Target.getTargets');
    return targetInfos.find((target) => target.type === 'service_worker' && target.url === workerUrl);
  };
  const session = async () => {
    const target = await find();
    if (!target) throw new Error('the MXray service worker is not running');
    if (attached?.targetId !== target.targetId) {
      const { sessionId } = await cdp.send<{ sessionId: string }>('Target.attachToTarget', { targetId: target.targetId, flatten: true });
      attached = { targetId: target.targetId, sessionId };
      // A worker caught while starting has no extension bindings yet (`chrome` undefined).
      const deadline = Date.now() + 5_000;
      const ready = async () =>
        (await cdp.send<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'typeof chrome', returnByValue: true }, sessionId)).result.value ===
        'object';
      while (!(await ready())) {
        if (Date.now() > deadline) throw new Error('the MXray service worker has no extension APIs 5 s after it started');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    return attached.sessionId;
  };
  const detach = async () => {
    const current = attached;
    attached = undefined;
    if (current) await cdp.send('Target.detachFromTarget', { sessionId: current.sessionId }).catch(() => undefined);
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = await cdp.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true },
      await session(),
    );
    if (result.exceptionDetails) throw new Error(`in the worker: ${result.exceptionDetails.exception?.description ?? result.exceptionDetails.text}`);
    return result.result.value as T;
  };
  const stop = async () => {
    await detach();
    await stopServiceWorker(browser, anyPage(), { staysStopped: true });
  };

  return {
    targetId: async () => (await find())?.targetId,
    evaluate,
    heapAfterGc: async () => {
      const sessionId = await session();
      await cdp.send('HeapProfiler.collectGarbage', {}, sessionId);
      const { usedSize, totalSize } = await cdp.send<{ usedSize: number; totalSize: number }>('Runtime.getHeapUsage', {}, sessionId);
      return { usedBytes: usedSize, totalBytes: totalSize };
    },
    send: async <T>(method: string, params: Record<string, unknown> = {}) => cdp.send<T>(method, params, await session()),
    clearCacheAndStop: async () => {
      if (await find()) {
        // A lookup that just ended may still have its cache save pending: let it land, then clear.
        await new Promise((resolve) => setTimeout(resolve, CACHE_SAVE_THROTTLE_MS + 50));
      } else {
        await start();
      }
      await evaluate('chrome.storage.session.clear()');
      await stop();
    },
    stop,
    start,
    detach,
  };

  async function start(): Promise<void> {
    const page = await browser.context.newCDPSession(anyPage());
    try {
      await page.send('ServiceWorker.enable');
      await page.send('ServiceWorker.startWorker', { scopeURL: browser.url('') });
      const deadline = Date.now() + 5_000;
      while (!(await find())) {
        if (Date.now() > deadline) throw new Error('the MXray service worker did not start within 5 s');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await page.detach().catch(() => undefined);
    }
  }
}
