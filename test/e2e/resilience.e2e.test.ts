// Chromium only: the browser stops the service worker in the middle of a lookup (MV3 does that
// freely). Stopping it needs DevTools' ServiceWorker.stopAllWorkers; Firefox runs the background
// as an event page, which no WebDriver BiDi command stops (README.md). Cloudflare (the shipped
// default) is played by a fault server that slows every answer; the popup is the real toolbar
// popup. The hanging-resolver fallback is a shared scenario (scenarios/fallback-scenarios.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import type { FaultLogEntry } from '../stack/fault-log';
import type { FaultServer } from '../stack/fault-server';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness/browser';
import { openToolbarPopup, type ToolbarPopup } from './harness/person';
import { mailServerTable, readMailServers, statusLine, waitForDone } from './harness/read-report';
import { startResolverDouble } from './harness/resolvers';
import { stopServiceWorker } from './harness/service-worker';
import { startSiteServer, type SiteServer } from './harness/site-server';
import { recordTiming } from './harness/timing';

const stack = inject('stack');
let site: SiteServer;
let cloudflare: FaultServer & { port: number };
let browser: ExtensionBrowser;
let tab: Page;
let popup: ToolbarPopup | undefined;
/** Cloudflare's request log after the worker-stop lookup finished. */
let afterStop: FaultLogEntry[] | undefined;

beforeAll(async () => {
  site = await startSiteServer();
  cloudflare = await startResolverDouble(stack);
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true, resolvers: { cloudflare: cloudflare.port } });
  tab = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await popup?.close();
  await browser?.close();
  await cloudflare?.close();
  await site?.close();
});

describe('resilience', () => {
  it('finishes the lookup when the browser stops the service worker mid-lookup', async () => {
    cloudflare.setDefaultModes(['delay', '400']); // 400 ms per answer: a lookup with a middle
    cloudflare.clearLog();
    await tab.goto('http://twenty-mx.test/');
    popup = await openToolbarPopup(browser, tab);
    const page = popup.page;
    // The MX answer is in (first row painted), addresses and PTRs are still on their way.
    await mailServerTable(page).getByRole('row').nth(1).waitFor();
    expect(await statusLine(page).first().textContent()).toMatch(/^Looking up/);
    const inFlightBefore = cloudflare.log.filter((entry) => entry.httpStatus === null && !entry.aborted).length;
    const stoppedAt = Date.now();
    await stopServiceWorker(browser, tab);

    await waitForDone(page, 15_000);
    await recordTiming('worker-stopped-mid-lookup', { stopToDoneMs: [Date.now() - stoppedAt] });
    const rows = await readMailServers(page);
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.server)).toEqual(Array.from({ length: 20 }, (_, i) => `mx${String(i + 1).padStart(2, '0')}.twenty-mx.test`));
    expect(rows.every((r) => r.fcrdns === 'pass')).toBe(true);
    expect(await page.getByRole('alert').count()).toBe(0);
    // It really was mid-lookup: requests were in flight when the worker went, and the browser
    // dropped them with it.
    expect(inFlightBefore).toBeGreaterThan(0);
    expect(cloudflare.log.some((entry) => entry.aborted)).toBe(true);
    afterStop = cloudflare.log.map((entry) => ({ ...entry }));
  });

  it('does not ask again for answers received before the worker stopped', () => {
    // src/shared/messages.ts: "the answers already received are in the worker's persisted
    // cache, so it resumes at once". The MX answer had landed (rows were on screen) before the
    // stop, so the restarted worker should not need to ask for it again.
    expect(afterStop, 'the test before did not get this far').toBeDefined();
    const answered = afterStop!.filter((entry) => entry.name === 'twenty-mx.test' && entry.type === 'MX' && entry.httpStatus === 200);
    expect(answered.length, 'requests answered for twenty-mx.test MX').toBe(1);
  });
});
