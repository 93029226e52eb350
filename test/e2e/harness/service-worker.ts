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

/** Stops the extension's worker and resolves once the browser reports it stopped. */
export async function stopServiceWorker(browser: ExtensionBrowser, anyPage: Page): Promise<void> {
  const session = await browser.context.newCDPSession(anyPage);
  const prefix = browser.url('');
  try {
    const stopped = new Promise<void>((resolve) => {
      session.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: WorkerVersion[] }) => {
        if (versions.some((v) => v.scriptURL.startsWith(prefix) && v.runningStatus === 'stopped')) resolve();
      });
    });
    await session.send('ServiceWorker.enable');
    await session.send('ServiceWorker.stopAllWorkers');
    await Promise.race([stopped, new Promise((_, reject) => setTimeout(() => reject(new Error('the service worker did not stop within 5 s')), 5_000))]);
  } finally {
    await session.detach().catch(() => undefined);
  }
}
