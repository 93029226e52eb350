// Everything the in-browser benchmarks run against: Debian's Chromium, headful on its own Xvfb
// display (test/e2e/harness), with a copy of a build (dist/chromium by default, or the build
// before a change: builds.ts) whose popup.html carries the paint probe;
// cloudflare-dns.com (the shipped default resolver) mapped to an HTTP/2 front for a fault server
// whose default mode `delay/<rtt>` simulates the round trip; the other three providers on the
// stack's dnsdist, as in the e2e suite; the fixture sites on the e2e site server.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../../test/e2e/harness/browser';
import { startResolverDouble } from '../../test/e2e/harness/resolvers';
import { startSiteServer, type SiteServer } from '../../test/e2e/harness/site-server';
import type { FaultServer } from '../../test/stack/fault-server';
import type { StackInfo } from '../../test/stack/stack-info';
import { connectCdp, type CdpClient } from './cdp-client';
import { extensionWorker, type ExtensionWorker } from './extension-worker';
import { copyWithPaintProbe, type ProbedExtension } from './probed-extension';
import { startResolverFront, type ResolverFront } from './resolver-front';

export interface BrowserBench {
  browser: ExtensionBrowser;
  /** The one ordinary tab (the toolbar popup opens on it). */
  tab: Page;
  /** The fault server behind cloudflare-dns.com: its log counts the extension's requests. */
  cloudflare: FaultServer;
  front: ResolverFront;
  worker: ExtensionWorker;
  /** Sets the simulated round trip for the requests that arrive from now on. */
  setRttMs(rttMs: number): void;
  close(): Promise<void>;
}

/** `buildDir`: the unpacked build to probe and load (default dist/chromium). */
export async function startBrowserBench(stack: StackInfo, buildDir?: string): Promise<BrowserBench> {
  const opened: { close(): Promise<void> | void }[] = [];
  const closeAll = async () => {
    for (const item of opened.reverse()) await Promise.resolve(item.close()).catch(() => undefined);
  };
  try {
    const probed: ProbedExtension = await copyWithPaintProbe(buildDir);
    opened.push({ close: () => probed.remove() });
    const site: SiteServer = await startSiteServer();
    opened.push(site);
    const cloudflare = await startResolverDouble(stack, ['delay', '0']);
    opened.push(cloudflare);
    const [cert, key] = await Promise.all([readFile(join(stack.dir, 'leaf.pem')), readFile(join(stack.dir, 'leaf.key'))]);
    const front = await startResolverFront({ cert, key, upstreamUrl: cloudflare.url, caPem: stack.caPem, clearUpstreamLog: (tag) => cloudflare.clearLog(tag) });
    opened.push(front);
    const browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true, resolvers: { cloudflare: front.port }, extensionDir: probed.dir });
    opened.push(browser);
    const cdp: CdpClient = await connectCdp(await browser.cdpEndpoint());
    opened.push(cdp);
    const tab = browser.context.pages()[0] ?? (await browser.context.newPage());
    return {
      browser,
      tab,
      cloudflare,
      front,
      worker: extensionWorker(cdp, browser, () => tab),
      setRttMs: (rttMs) => cloudflare.setDefaultModes(['delay', String(rttMs)]),
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
