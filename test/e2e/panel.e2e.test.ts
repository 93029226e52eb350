// The in-page panel as a person opens it: select text or point at a link, right-click, pick
// MXray's entry in Chromium's real context menu (a real key press on a real X display). The
// browser then grants activeTab and the worker injects content.js. See harness/person.ts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import '../stack/stack-info';
import { launchExtensionBrowser, type ExtensionBrowser } from './harness/browser';
import { pressKeys } from './harness/keyboard';
import { pickFromContextMenu, selectTextByMouse } from './harness/person';
import { readMailServers, waitForDone } from './harness/read-report';
import { saveScreenshot } from './harness/screenshots';
import { startSiteServer, type SiteServer } from './harness/site-server';
import { expectDnsHtmlShownAsText } from './harness/xss';

const stack = inject('stack');
let site: SiteServer;
let browser: ExtensionBrowser;
let tab: Page;

beforeAll(async () => {
  site = await startSiteServer();
  browser = await launchExtensionBrowser({ stack, sitePort: site.port, person: true });
  tab = browser.context.pages()[0] ?? (await browser.context.newPage());
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** docs/ui.md: a host element `<mxray-panel>` on the root element, a dialog named "MXray" inside. */
const panelHosts = (page: Page) => page.locator('mxray-panel');
const panel = (page: Page) => page.getByRole('dialog', { name: 'MXray' });

/** The panel's heading (h2: the page has its own h1). */
const panelHeading = (page: Page, name: string | RegExp) => panel(page).getByRole('heading', { level: 2, name, exact: typeof name === 'string' });

/** Opens `url` in the tab, with nothing of an earlier test left on it. */
async function visit(url: string): Promise<void> {
  await tab.goto(url);
  expect(await panelHosts(tab).count()).toBe(0);
}

/** The page's own context menu entry ("MX lookup for this site’s domain"), clicked on blank page. */
async function pickOnPage(): Promise<void> {
  const size = tab.viewportSize() ?? (await tab.evaluate(() => ({ width: innerWidth, height: innerHeight })));
  await pickFromContextMenu(browser, tab, { x: size.width / 2, y: size.height - 60 });
}

describe('in-page panel from the context menu', () => {
  it('selected text: the panel looks up the first email in it', async () => {
    await visit('http://emails.test/');
    const point = await selectTextByMouse(tab, tab.getByText(/^Write to/), 'support@five-mx.test or sales@one-mx.test');
    await pickFromContextMenu(browser, tab, point);
    await panel(tab).waitFor();
    await panelHeading(tab, /five-mx\.test/).waitFor();
    await waitForDone(panel(tab));
    const rows = await readMailServers(panel(tab));
    expect([...new Set(rows.map((r) => r.server))]).toEqual(['mx1.five-mx.test', 'mx2.five-mx.test', 'mx3.five-mx.test', 'mx4.five-mx.test', 'mx5.five-mx.test']);
    expect(rows.filter((r) => r.loadBalanced).map((r) => r.server)).toEqual(['mx1.five-mx.test', 'mx1.five-mx.test', 'mx2.five-mx.test', 'mx2.five-mx.test']);
    expect(rows.every((r) => r.fcrdns === 'pass')).toBe(true);
    await saveScreenshot(tab, 'panel-on-page');
  });

  it('a second menu pick (a mailto: link) reuses the panel: never two stacked', async () => {
    expect(await panelHosts(tab).count()).toBe(1);
    await pickFromContextMenu(browser, tab, tab.getByRole('link', { name: 'billing' }));
    await panelHeading(tab, /null-mx\.test/).waitFor();
    await waitForDone(panel(tab));
    expect(await panelHosts(tab).count()).toBe(1);
    expect(await panel(tab).count()).toBe(1);
    const rows = await readMailServers(panel(tab));
    expect(rows.map((r) => [r.preference, r.cells['Address']])).toEqual([[0, 'null MX: accepts no mail']]);
  });

  it('Esc closes the panel and removes <mxray-panel>', async () => {
    await panel(tab).waitFor();
    await pressKeys(browser.display!, 'Escape');
    await panelHosts(tab).waitFor({ state: 'detached' });
    expect(await tab.evaluate(() => document.querySelectorAll('mxray-panel').length)).toBe(0);
  });

  it("a link's entry looks up the link's host; Close removes the panel", async () => {
    await visit('http://emails.test/');
    await pickFromContextMenu(browser, tab, tab.getByRole('link', { name: 'the shop' }));
    await panelHeading(tab, 'www.shop.example.co.uk').waitFor();
    await waitForDone(panel(tab));
    await panel(tab).getByRole('button', { name: 'Close' }).click();
    await panelHosts(tab).waitFor({ state: 'detached' });
  });

  it("the page's CSS does not change the panel (shadow root isolation)", async () => {
    const stylesOn = async (url: string) => {
      await visit(url);
      await pickOnPage();
      await panelHeading(tab, 'five-mx.test').waitFor();
      await waitForDone(panel(tab));
      const styles = await readPanelStyles(tab);
      await saveScreenshot(tab, url.includes('hostile') ? 'panel-on-hostile-page' : 'panel-on-plain-page');
      await pressKeys(browser.display!, 'Escape');
      await panelHosts(tab).waitFor({ state: 'detached' });
      return styles;
    };
    const plain = await stylesOn('http://www.five-mx.test/');
    const hostile = await stylesOn('http://www.five-mx.test/hostile');
    // The hostile CSS is really in force on the page itself...
    expect(await tab.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).color)).toBe('rgb(255, 0, 0)');
    // ...and nothing of it reaches into the panel.
    expect(hostile.elements.length).toBeGreaterThan(20);
    expect(hostile.box).toEqual(plain.box);
    expect(hostile.elements).toEqual(plain.elements);
  });

  it('shows HTML found in DNS data as text and never runs it', async () => {
    const dialogs: string[] = [];
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    tab.on('dialog', onDialog);
    try {
      await visit('http://xss.test/');
      await pickOnPage();
      await panelHeading(tab, 'xss.test').waitFor();
      await waitForDone(panel(tab));
      await expectDnsHtmlShownAsText(panel(tab));
      await tab.waitForTimeout(200); // an onerror would have fired by now
      const shadow = await tab.evaluate(() => {
        const root = document.querySelector('mxray-panel')?.shadowRoot;
        return {
          handlers: root?.querySelectorAll('[onerror], [onload], [onclick]').length,
          images: root?.querySelectorAll('img, script, iframe, object, b').length,
          pageImages: document.images.length,
          // Set by the page's trap if anything called alert (harness/site-server.ts).
          xss: (window as { __xss?: boolean }).__xss,
        };
      });
      expect(shadow).toEqual({ handlers: 0, images: 0, pageImages: 0, xss: false });
      expect(dialogs).toEqual([]);
    } finally {
      tab.off('dialog', onDialog);
    }
  });
});

/** Computed styles of every element in the panel's shadow root, in document order. */
async function readPanelStyles(page: Page): Promise<{ box: { width: number; top: number; right: number }; elements: string[] }> {
  return page.evaluate(() => {
    const host = document.querySelector('mxray-panel');
    const root = host?.shadowRoot;
    if (!host || !root) throw new Error('no <mxray-panel> with an open shadow root');
    const properties = [
      'display', 'position', 'color', 'background-color', 'font-family', 'font-size', 'font-weight', 'line-height',
      'letter-spacing', 'text-transform', 'text-align', 'border-top-style', 'border-top-width', 'border-top-color',
      'margin-top', 'margin-left', 'padding-top', 'padding-left', 'box-sizing', 'opacity', 'visibility',
    ];
    const rect = host.getBoundingClientRect();
    const elements = [...root.querySelectorAll('*')]
      .filter((element) => element.localName !== 'style')
      .map((element) => {
        const style = getComputedStyle(element);
        return `${element.localName}: ${properties.map((p) => `${p}=${style.getPropertyValue(p)}`).join('; ')}`;
      });
    return { box: { width: Math.round(rect.width), top: Math.round(rect.top), right: Math.round(document.documentElement.clientWidth - rect.right) }, elements };
  });
}
