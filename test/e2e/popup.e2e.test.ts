// The toolbar popup as a person uses it: opened with the real keyboard shortcut on a real tab
// (so the browser grants activeTab and the popup reads the tab's address itself), then the quick
// box typed into. Also the result page (`popup.html?q=`) and the omnibox (`mx <query>`).
// Headful Chromium on a private Xvfb display; see harness/person.ts for what is real.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { launchExtensionBrowser, openExtensionPage, type ExtensionBrowser } from './harness/browser';
import { pressKeys, typeText } from './harness/keyboard';
import { openToolbarPopup, type ToolbarPopup } from './harness/person';
import { expectDnsHtmlShownAsText } from './harness/xss';
import { domainSwitch, mailServerTable, quickBoxInput, readFindings, readMailServers, waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
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

/** The popup already open (tests in a row share it, as a person keeps typing), or a new one. */
async function openPopup(): Promise<Page> {
  if (popup && !popup.page.isClosed()) return popup.page;
  return popupOn('http://www.shop.example.co.uk/');
}

/** Types into the quick box and presses Enter, as a person does. */
async function lookUp(page: Page, input: string): Promise<void> {
  const box = quickBoxInput(page);
  await box.fill(input);
  await box.press('Enter');
}

describe('toolbar popup on a tab (Alt+Shift+M)', () => {
  it("leads with the registrable domain's mail servers, and the Domain switch flips to the host", async () => {
    const page = await popupOn('http://www.shop.example.co.uk/');
    await page.getByRole('heading', { level: 1, name: 'example.co.uk', exact: true }).waitFor();
    await waitForDone(page);
    const rows = await readMailServers(page);
    expect(rows.map((r) => [r.preference, r.server, r.ip, r.ptr, r.fcrdns])).toEqual([
      [10, 'mx.example.co.uk', '192.0.2.110', 'mx.example.co.uk', 'pass'],
    ]);
    const findings = await readFindings(page);
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding).toMatch(/^(Error|Warning|Info|OK) \S/);

    const choices = domainSwitch(page).getByRole('button');
    expect(await choices.allTextContents()).toEqual(['www.shop.example.co.uk', 'example.co.uk']);
    const registrable = domainSwitch(page).getByRole('button', { name: 'example.co.uk', exact: true });
    const host = domainSwitch(page).getByRole('button', { name: 'www.shop.example.co.uk', exact: true });
    expect(await registrable.getAttribute('aria-pressed')).toBe('true');
    expect(await host.getAttribute('aria-pressed')).toBe('false');

    await host.click();
    await page.getByRole('heading', { level: 1, name: 'www.shop.example.co.uk', exact: true }).waitFor();
    expect(await host.getAttribute('aria-pressed')).toBe('true');
    await waitForDone(page);
    const implicit = await readMailServers(page);
    // No MX: mail goes to the name's own address (implicit MX, RFC 5321 §5.1).
    expect(implicit).toHaveLength(1);
    expect(implicit[0]!.server).toMatch(/^www\.shop\.example\.co\.uk\b/);
    expect(implicit[0]!.server).toContain('implicit MX');
    expect([implicit[0]!.ip, implicit[0]!.ptr, implicit[0]!.fcrdns]).toEqual(['192.0.2.111', 'www.shop.example.co.uk', 'pass']);
  });

  it('is screenshotted in light and dark (test-results/screenshots/)', async () => {
    const page = await popupOn('http://five-mx.test/');
    await page.getByRole('heading', { level: 1, name: 'five-mx.test', exact: true }).waitFor();
    await waitForDone(page);
    await page.emulateMedia({ colorScheme: 'light' });
    await saveScreenshot(page, 'popup-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await saveScreenshot(page, 'popup-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(dark).not.toBe(light); // the theme follows prefers-color-scheme
  });

  it('looks up an email typed in the quick box: five servers in order, the equal pair load balanced', async () => {
    const page = await popupOn('http://www.shop.example.co.uk/');
    await lookUp(page, 'help@five-mx.test');
    await page.getByRole('heading', { level: 1, name: /five-mx\.test/ }).waitFor();
    await waitForDone(page);
    const rows = await readMailServers(page);
    const servers = [...new Set(rows.map((r) => r.server))];
    expect(servers).toEqual(['mx1.five-mx.test', 'mx2.five-mx.test', 'mx3.five-mx.test', 'mx4.five-mx.test', 'mx5.five-mx.test']);
    const groupOf = (server: string) => rows.filter((r) => r.server === server).map((r) => [r.preference, r.loadBalanced]);
    expect(groupOf('mx1.five-mx.test')).toEqual([[10, true], [10, true]]);
    expect(groupOf('mx2.five-mx.test')).toEqual([[10, true], [10, true]]);
    expect(groupOf('mx3.five-mx.test')).toEqual([[20, false], [20, false]]);
    expect(rows.map((r) => r.ip)).toEqual([
      '192.0.2.11', '2001:db8::11', '192.0.2.12', '2001:db8::12', '192.0.2.13', '2001:db8::13', '192.0.2.14', '192.0.2.15',
    ]);
    expect(rows.map((r) => r.fcrdns)).toEqual(Array(8).fill('pass'));
    expect(rows.map((r) => r.ptr)).toEqual(rows.map((r) => r.server));
  });

  it('looks up an IP typed in the quick box: its PTR, forward-confirmed', async () => {
    const page = await openPopup();
    await lookUp(page, '192.0.2.25');
    await waitForDone(page);
    const reverse = page.getByRole('table', { name: 'Reverse DNS' });
    const cells = await reverse.getByRole('cell').allTextContents();
    expect(cells.slice(0, 3).map((cell) => cell.trim())).toEqual(['192.0.2.25', 'host25.test', 'pass']);
  });

  it('answers garbage in the quick box with an alert in words, and keeps working', async () => {
    const page = await openPopup();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await lookUp(page, 'exa mple..com');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = ((await alert.textContent()) ?? '').trim();
    expect(text).toMatch(/[A-Za-z]+ [a-z]+.*\./); // a sentence, not a code
    expect(await mailServerTable(page).count()).toBe(0);
    await lookUp(page, 'one-mx.test');
    await waitForDone(page);
    expect((await readMailServers(page)).map((r) => r.ip)).toEqual(['192.0.2.10', '2001:db8::10']);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('shows HTML found in DNS data as text and never runs it', async () => {
    const page = await openPopup();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await lookUp(page, 'xss.test');
    await waitForDone(page);
    await expectDnsHtmlShownAsText(page);
    const dom = await page.evaluate(() => ({
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: [...document.images].map((img) => img.getAttribute('src')),
      scripts: [...document.scripts].map((script) => script.getAttribute('src')),
      bold: [...document.querySelectorAll('b')].map((b) => b.textContent),
    }));
    expect(dom).toEqual({ handlers: 0, images: [], scripts: ['popup.js'], bold: [] });
    await saveScreenshot(page, 'popup-xss');
    await page.waitForTimeout(200); // an onerror would have fired by now
    expect(dialogs).toEqual([]);
  });
});

describe('result page', () => {
  it('runs popup.html?q=five-mx.test at once', async () => {
    const page = await openExtensionPage(browser, 'popup.html?q=five-mx.test');
    try {
      await page.getByRole('heading', { level: 1, name: 'five-mx.test', exact: true }).waitFor();
      await waitForDone(page);
      expect([...new Set((await readMailServers(page)).map((r) => r.server))]).toHaveLength(5);
      expect(await quickBoxInput(page).inputValue()).toBe('five-mx.test');
    } finally {
      await page.close();
    }
  });

  it('opens from the address bar: "mx one-mx.test"', async () => {
    await popup?.close();
    popup = undefined;
    await tab.goto('http://www.shop.example.co.uk/');
    await tab.bringToFront();
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await pressKeys(browser.display!, 'ctrl+l');
    await typeText(browser.display!, 'mx one-mx.test');
    await pressKeys(browser.display!, 'Return');
    // The omnibox opens the result page in the current tab or a new one (its disposition).
    const page = await Promise.race([
      opened,
      tab.waitForURL(/popup\.html\?q=/, { timeout: 10_000 }).then(() => tab),
    ]);
    await page.waitForURL(/popup\.html\?q=one-mx\.test$/);
    await page.getByRole('heading', { level: 1, name: 'one-mx.test', exact: true }).waitFor();
    await waitForDone(page);
    expect((await readMailServers(page)).map((r) => r.server)).toEqual(['mx.one-mx.test', 'mx.one-mx.test']);
  });
});

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
  });
});
