// Stopping the extension's service worker as the browser does when it decides a worker is idle
// (MV3 stops workers freely, mid-lookup included). DevTools' ServiceWorker domain stops every
// worker of the profile at once: the MXray worker is the only one running in these tests.
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

interface WorkerVersion {
  versionId: string;
  scriptURL: string;
  runningStatus: 'stopped' | 'starting' | 'running' | 'stopping';
}

/** A worker the browser restarts at once (an event queued before the stop) is let run, then stopped again, at most this often. */
const MAX_STOPS = 5;
/** How long a stopped worker must stay stopped for the stop to count. */
const STAYS_STOPPED_MS = 400;

export interface StopOptions {
  /**
   * Resolve only once the worker has stayed stopped for STAYS_STOPPED_MS, stopping it again if
   * the browser starts it at once. A worker stopped right after it started (its first events
   * still queued: the install's, storage changes) is started again within ~130 ms to deliver
   * them; a test that means "the click meets a stopped worker" must not meet that one. Not for
   * a stop in the middle of work: there the page reconnecting is what starts it again.
   */
  staysStopped?: boolean;
}

/** Stops the extension's worker and resolves once the browser reports it stopped. */
export async function stopServiceWorker(browser: ExtensionBrowser, anyPage: Page, options: StopOptions = {}): Promise<void> {
  const session = await browser.context.newCDPSession(anyPage);
  const prefix = browser.url('');
  let status: WorkerVersion['runningStatus'] | undefined;
  const changed: (() => void)[] = [];
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
    const ours = versions.filter((v) => v.scriptURL.startsWith(prefix));
    if (ours.length === 0) return;
    status = ours.some((v) => v.runningStatus === 'running')
      ? 'running'
      : ours.some((v) => v.runningStatus === 'starting')
        ? 'starting'
        : ours[0]!.runningStatus;
    for (const wake of changed.splice(0)) wake();
  });
  /** Resolves when `test(status)` holds, or with false after `ms`. */
  const until = (test: (current: typeof status) => boolean, ms: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      const check = () => {
        if (test(status)) {
          clearTimeout(timer);
          resolve(true);
        } else changed.push(check);
      };
      check();
    });
  try {
    await session.send('ServiceWorker.enable');
    for (let stops = 1; ; stops++) {
      await session.send('ServiceWorker.stopAllWorkers');
      if (!(await until((current) => current === 'stopped', 5_000))) throw new Error('the service worker did not stop within 5 s');
      if (!options.staysStopped || !(await until((current) => current !== 'stopped', STAYS_STOPPED_MS))) return;
      if (stops >= MAX_STOPS) throw new Error(`the browser started the service worker again after each of ${MAX_STOPS} stops`);
      // Let it deliver what it was started for, then stop it again.
      await until((current) => current === 'running', 5_000);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await session.detach().catch(() => undefined);
  }
}
