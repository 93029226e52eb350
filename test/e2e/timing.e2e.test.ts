// Chromium only: popup open to first MX row, by the wall clock and in the page, median of 5
// (test-results/e2e-timing.json). It needs Playwright's CDP-only tools (an init script in every
// page, a fresh CDP client attached to the popup); Firefox's popup is read through another
// extension page, whose polling would be part of any figure. See README.md.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { openToolbarPopup, type ToolbarPopup } from './harness/person';
import { mailServerTable } from './harness/read-report';
import { startSiteServer, type SiteServer } from './harness/site-server';
import { recordTiming } from './harness/timing';

const stack = inject('stack');
let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;
let popup: ToolbarPopup | undefined;

beforeAll(async () => {
  site = await startSiteServer();
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true });
  tab = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await popup?.close();
  await browser?.close();
  await site?.close();
});

/** Opens the real popup on a tab showing `url` (closing the previous popup first). */
async function popupOn(url: string): Promise<Page> {
  await popup?.close();
  await tab.goto(url);
  popup = await openToolbarPopup(browser, tab);
  return popup.page;
}

describe('timing (for the lead: popup open to first MX row)', () => {
  it('measures the toolbar popup and the result page, median of 5, on loopback', async () => {
    // The real popup, by the wall clock: key press to the first row seen. An upper bound: it
    // includes finding the popup and attaching a CDP client to it (100-200 ms).
    const popupMs: number[] = [];
    const popupStartMs: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const page = await popupOn(`http://bulk-${String(150 + n).padStart(3, '0')}.test/`);
      await mailServerTable(page).getByRole('row').nth(1).waitFor();
      popupMs.push(Date.now() - popup!.pressedAt);
      // Key press to the popup document's navigation start (same machine clock).
      popupStartMs.push(Math.round((await page.evaluate(() => performance.timeOrigin)) - popup!.pressedAt));
    }
    // In the page: navigation start to the frame after the first mail server row was added
    // (a row of the table's first body: the header row is in its head).
    await browser.context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (!document.querySelector('table tbody tr')) return;
        observer.disconnect();
        requestAnimationFrame(() => ((window as { firstRowMs?: number }).firstRowMs = performance.now()));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const pageMs: number[] = [];
    const loadedMs: number[] = [];
    for (let n = 1; n <= 5; n++) {
      const page = await openExtensionPage(browser, `popup.html?q=bulk-${String(160 + n).padStart(3, '0')}.test`);
      await page.waitForFunction(() => (window as { firstRowMs?: number }).firstRowMs !== undefined);
      const [row, loaded] = await page.evaluate(() => [
        (window as { firstRowMs?: number }).firstRowMs!,
        (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd,
      ]);
      pageMs.push(Math.round(row!));
      loadedMs.push(Math.round(loaded!));
      await page.close();
    }
    const timing = await recordTiming('popup-first-mx-row', {
      toolbarPopupKeyToRowVisibleMs: popupMs,
      toolbarPopupKeyToDocumentStartMs: popupStartMs,
      resultPageNavigationToRowPaintedMs: pageMs,
      resultPageNavigationToDomContentLoadedMs: loadedMs,
    });
    console.log(`[e2e timing] ${JSON.stringify(timing)}`);
    for (const ms of [...popupMs, ...pageMs]) expect(ms).toBeLessThan(5_000);
    // Ten popups and pages opened one after another: on a loaded 2-core machine that is 25 s and more.
  }, 60_000);
});
