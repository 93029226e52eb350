// Firefox: the in-page panel as a person opens it: select text by dragging the pointer (or point
// at a link), right-click, click MXray's entry in Firefox's real context menu. Firefox then
// grants activeTab and the background injects content.js. Real X pointer and keys throughout;
// the menu's entries are read from the browser's own UI (see harness/person.ts).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Dialog } from 'puppeteer-core';
import '../../stack/stack-info';
import { readMailServers, waitForDone } from '../harness/read-report';
import { saveScreenshot } from '../harness/screenshots';
import { expectDnsHtmlShownAsText } from '../harness/xss';
import { launchFirefox, type FirefoxBrowser } from './harness/firefox';
import { asPlaywright } from './harness/locator';
import { clickInPage, pickFromContextMenu, selectTextByMouse } from './harness/person';
import { pressKey } from './harness/x-input';

const stack = inject('stack');
let fx: FirefoxBrowser;

beforeAll(async () => {
  fx = await launchFirefox({ stack });
});

afterAll(async () => {
  await fx?.close();
});

const page = () => asPlaywright(fx.page());
/** docs/ui.md: a host element `<mxray-panel>` on the root element, a dialog named "MXray" inside. */
const panelHosts = () => page().locator('mxray-panel');
const panel = () => page().getByRole('dialog', { name: 'MXray' });
const panelHeading = (name: string | RegExp) => panel().getByRole('heading', { level: 2, name, exact: typeof name === 'string' });

/** Opens `url` in the tab, with nothing of an earlier test left on it. */
async function visit(url: string): Promise<void> {
  await fx.tab.goto(url);
  expect(await panelHosts().count()).toBe(0);
}

/** A point on blank page, low in the viewport (the fixture pages are short). */
async function blankPoint(): Promise<{ x: number; y: number }> {
  const size = await fx.tab.evaluate(() => ({ width: innerWidth, height: innerHeight }));
  return { x: size.width / 2, y: size.height - 60 };
}

/** Right-click on blank page, MXray's page entry ("MX lookup for this site’s domain"). */
async function pickOnPage(): Promise<string> {
  return pickFromContextMenu(fx, fx.tab, await blankPoint());
}

describe('Firefox in-page panel from the context menu', () => {
  it('selected text: the entry names the selection, the panel looks up its first email', async () => {
    await visit('http://emails.test/');
    const point = await selectTextByMouse(fx, fx.tab, 'support@five-mx.test or sales@one-mx.test');
    const title = await pickFromContextMenu(fx, fx.tab, point);
    // Firefox fills `%s` with the selection. It tells an add-on what is selected before the menu
    // shows (menus.onShown, which MXray uses to retitle the entry "MX lookup for
    // support@five-mx.test") only on pages the add-on has host permission for; MXray holds
    // none for ordinary sites (activeTab comes with the click), so the title stays as created.
    expect(title).toBe('MX lookup for “support@five-mx.test or sales@one-mx.test”');
    await panel().waitFor();
    await panelHeading(/five-mx\.test/).waitFor();
    await waitForDone(panel());
    const rows = await readMailServers(panel());
    expect([...new Set(rows.map((r) => r.server))]).toEqual(['mx1.five-mx.test', 'mx2.five-mx.test', 'mx3.five-mx.test', 'mx4.five-mx.test', 'mx5.five-mx.test']);
    expect(rows.filter((r) => r.loadBalanced).map((r) => r.server)).toEqual(['mx1.five-mx.test', 'mx1.five-mx.test', 'mx2.five-mx.test', 'mx2.five-mx.test']);
    expect(rows.every((r) => r.fcrdns === 'pass')).toBe(true);
    // harness/screenshots.ts calls `screenshot({ path })`, which puppeteer's Page has too.
    await saveScreenshot(fx.tab as never, 'firefox-panel-on-page');
  });

  it('once the page is granted (activeTab, by that pick), Firefox lets MXray name the email in the entry', async () => {
    // The selection is still there. This time Firefox tells MXray what is selected before the
    // menu shows (menus.onShown), and MXray retitles its entry to the address it will look up.
    const point = await fx.tab.evaluate(() => {
      const range = getSelection()!.getRangeAt(0).getBoundingClientRect();
      return { x: range.left + range.width / 2, y: range.top + range.height / 2 };
    });
    expect(await pickFromContextMenu(fx, fx.tab, point)).toBe('MX lookup for support@five-mx.test');
    await panelHeading(/five-mx\.test/).waitFor();
    await waitForDone(panel());
    expect(await panelHosts().count()).toBe(1);
  });

  it('a second menu pick (a mailto: link) reuses the panel: never two stacked', async () => {
    expect(await panelHosts().count()).toBe(1);
    await clickInPage(fx, fx.tab, await blankPoint()); // clears the selection, as a person would
    const title = await pickFromContextMenu(fx, fx.tab, fx.page().getByRole('link', { name: 'billing' }));
    expect(title).toBe('MX lookup for billing@null-mx.test'); // retitled: the page is still granted (no "?subject=")
    await panelHeading(/null-mx\.test/).waitFor();
    await waitForDone(panel());
    expect(await panelHosts().count()).toBe(1);
    expect(await panel().count()).toBe(1);
    const rows = await readMailServers(panel());
    expect(rows.map((r) => [r.preference, r.cells['Address']])).toEqual([[0, 'null MX: accepts no mail']]);
  });

  it('Esc closes the panel and removes <mxray-panel>', async () => {
    await panel().waitFor();
    await fx.focusWindow();
    await pressKey(fx.display, 'Escape');
    await panelHosts().waitFor({ state: 'detached' });
    expect(await fx.tab.evaluate(() => document.querySelectorAll('mxray-panel').length)).toBe(0);
  });

  it('on the next page (not granted: Firefox gives no details) the entry does not keep the last page’s title', async () => {
    await visit('http://www.five-mx.test/');
    const point = await selectTextByMouse(fx, fx.tab, 'www.five-mx.test');
    // Firefox's own `%s`, not "MX lookup for billing@null-mx.test" left from the page before.
    expect(await pickFromContextMenu(fx, fx.tab, point)).toBe('MX lookup for “www.five-mx.test”');
    await panelHeading('www.five-mx.test').waitFor();
    await waitForDone(panel());
    await fx.focusWindow();
    await pressKey(fx.display, 'Escape');
    await panelHosts().waitFor({ state: 'detached' });
  });

  it('shows HTML found in DNS data as text and never runs it', async () => {
    const dialogs: string[] = [];
    const onDialog = (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    fx.tab.on('dialog', onDialog);
    try {
      await visit('http://xss.test/');
      expect(await pickOnPage()).toBe('MX lookup for this site’s domain');
      await panelHeading('xss.test').waitFor();
      await waitForDone(panel());
      await expectDnsHtmlShownAsText(panel());
      await new Promise((resolve) => setTimeout(resolve, 200)); // an onerror would have fired by now
      const shadow = await fx.tab.evaluate(() => {
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
      fx.tab.off('dialog', onDialog);
    }
  });
});
