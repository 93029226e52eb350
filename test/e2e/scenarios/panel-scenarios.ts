// The in-page panel as a person opens it: select text by dragging the pointer (or point at a
// link), right-click, pick MXray's entry in the browser's real context menu. The browser then
// grants activeTab and the worker injects content.js. Written once; panel.e2e.test.ts runs it in
// Chromium, firefox/panel.e2e.test.ts in Firefox. Firefox also lets MXray retitle its entry
// before the menu shows (menus.onShown) and lets the test read the title; Chromium has neither,
// so the title checks and the retitling steps run in Firefox only.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import '../../stack/stack-info';
import { readMailServers, waitForDone } from '../harness/read-report';
import { expectDnsHtmlShownAsText } from '../harness/xss';
import type { Driver, DriverKind, Point } from '../drivers/driver';

export function panelScenarios(kind: DriverKind): void {
  const stack = inject('stack');
  let driver: Driver;
  const firefox = kind.name === 'firefox';
  const shot = (name: string) => (firefox ? `firefox-${name}` : name);

  beforeAll(async () => {
    driver = await kind.launch({ stack });
  });

  afterAll(async () => {
    await driver?.close();
  });

  const tab = () => driver.tab.scope;
  /** docs/ui.md: a host element `<mxray-panel>` on the root element, a dialog named "MXray" inside. */
  const panelHosts = () => tab().locator('mxray-panel');
  const panel = () => tab().getByRole('dialog', { name: 'MXray' });
  /** The panel's heading (h2: the page has its own h1). */
  const panelHeading = (name: string | RegExp) => panel().getByRole('heading', { level: 2, name, exact: typeof name === 'string' });

  /** Opens `url` in the tab, with nothing of an earlier test left on it. */
  async function visit(url: string): Promise<void> {
    await driver.goto(url);
    expect(await panelHosts().count()).toBe(0);
  }

  /** A point on blank page, low in the viewport (the fixture pages are short). */
  async function blankPoint(): Promise<Point> {
    const size = await driver.viewport();
    return { x: size.width / 2, y: size.height - 60 };
  }

  /** Right-click on blank page, MXray's page entry ("MX lookup for this site’s domain"). */
  async function pickOnPage(): Promise<string | undefined> {
    return driver.pickFromContextMenu(await blankPoint());
  }

  /** Where Firefox shows the entry's title, it must be `expected`. */
  function expectTitle(title: string | undefined, expected: string): void {
    if (firefox) expect(title).toBe(expected);
  }

  async function closeWithEsc(): Promise<void> {
    await driver.pressKeys('Escape');
    await panelHosts().waitFor({ state: 'detached' });
  }

  describe(`${kind.name}: in-page panel from the context menu`, () => {
    it('selected text: the panel looks up the first email in it', async () => {
      await visit('http://emails.test/');
      const point = await driver.selectTextByMouse('support@five-mx.test or sales@one-mx.test');
      const title = await driver.pickFromContextMenu(point);
      // Firefox fills `%s` with the selection. It tells an add-on what is selected before the menu
      // shows (menus.onShown, which MXray uses to retitle the entry "MX lookup for
      // support@five-mx.test") only on pages the add-on has host permission for; MXray holds
      // none for ordinary sites (activeTab comes with the click), so the title stays as created.
      expectTitle(title, 'MX lookup for “support@five-mx.test or sales@one-mx.test”');
      await panel().waitFor();
      await panelHeading(/five-mx\.test/).waitFor();
      await waitForDone(panel());
      const rows = await readMailServers(panel());
      expect([...new Set(rows.map((r) => r.server))]).toEqual([
        'mx1.five-mx.test',
        'mx2.five-mx.test',
        'mx3.five-mx.test',
        'mx4.five-mx.test',
        'mx5.five-mx.test',
      ]);
      expect(rows.filter((r) => r.loadBalanced).map((r) => r.server)).toEqual(['mx1.five-mx.test', 'mx1.five-mx.test', 'mx2.five-mx.test', 'mx2.five-mx.test']);
      expect(rows.every((r) => r.fcrdns === 'pass')).toBe(true);
      await driver.tab.screenshot(shot('panel-on-page'));
    });

    // Chromium has no menus.onShown: there the entry's `%s` always shows the selection as is.
    if (firefox) {
      it('once the page is granted (activeTab, by that pick), Firefox lets MXray name the email in the entry', async () => {
        // The selection is still there. This time Firefox tells MXray what is selected before the
        // menu shows (menus.onShown), and MXray retitles its entry to the address it will look up.
        const point = await driver.tab.evaluate((view) => {
          const range = view.getSelection()!.getRangeAt(0).getBoundingClientRect();
          return { x: range.left + range.width / 2, y: range.top + range.height / 2 };
        });
        expect(await driver.pickFromContextMenu(point)).toBe('MX lookup for support@five-mx.test');
        await panelHeading(/five-mx\.test/).waitFor();
        await waitForDone(panel());
        expect(await panelHosts().count()).toBe(1);
      });
    }

    it('a second menu pick (a mailto: link) reuses the panel: never two stacked', async () => {
      expect(await panelHosts().count()).toBe(1);
      await driver.clickInTab(await blankPoint()); // clears the selection, as a person would
      const title = await driver.pickFromContextMenu(tab().getByRole('link', { name: 'billing' }));
      expectTitle(title, 'MX lookup for billing@null-mx.test'); // retitled: the page is still granted (no "?subject=")
      await panelHeading(/null-mx\.test/).waitFor();
      await waitForDone(panel());
      expect(await panelHosts().count()).toBe(1);
      expect(await panel().count()).toBe(1);
      const rows = await readMailServers(panel());
      expect(rows.map((r) => [r.preference, r.cells['Address']])).toEqual([[0, 'null MX: accepts no mail']]);
    });

    it('Esc closes the panel and removes <mxray-panel>', async () => {
      await panel().waitFor();
      await closeWithEsc();
      expect(await driver.tab.evaluate((view) => view.document.querySelectorAll('mxray-panel').length)).toBe(0);
    });

    it("a link's entry looks up the link's host; Close removes the panel", async () => {
      await visit('http://emails.test/');
      await driver.pickFromContextMenu(tab().getByRole('link', { name: 'the shop' }));
      await panelHeading('www.shop.example.co.uk').waitFor();
      await waitForDone(panel());
      await panel().getByRole('button', { name: 'Close' }).click();
      await panelHosts().waitFor({ state: 'detached' });
    });

    if (firefox) {
      it('on the next page (not granted: Firefox gives no details) the entry does not keep the last page’s title', async () => {
        await visit('http://www.five-mx.test/');
        const point = await driver.selectTextByMouse('www.five-mx.test');
        // Firefox's own `%s`, not "MX lookup for billing@null-mx.test" left from the page before.
        expect(await driver.pickFromContextMenu(point)).toBe('MX lookup for “www.five-mx.test”');
        await panelHeading('www.five-mx.test').waitFor();
        await waitForDone(panel());
        await closeWithEsc();
      });
    }

    it("the page's CSS does not change the panel (shadow root isolation)", async () => {
      const stylesOn = async (url: string) => {
        await visit(url);
        await pickOnPage();
        await panelHeading('five-mx.test').waitFor();
        await waitForDone(panel());
        const styles = await driver.tab.evaluate(readPanelStyles);
        await driver.tab.screenshot(shot(url.includes('hostile') ? 'panel-on-hostile-page' : 'panel-on-plain-page'));
        await closeWithEsc();
        return styles;
      };
      const plain = await stylesOn('http://www.five-mx.test/');
      const hostile = await stylesOn('http://www.five-mx.test/hostile');
      // The hostile CSS is really in force on the page itself...
      expect(
        await tab()
          .getByRole('heading', { level: 1 })
          .evaluate((h: Element) => getComputedStyle(h).color),
      ).toBe('rgb(255, 0, 0)');
      // ...and nothing of it reaches into the panel.
      expect(hostile.elements.length).toBeGreaterThan(20);
      expect(hostile.box).toEqual(plain.box);
      expect(hostile.elements).toEqual(plain.elements);
    });

    it('shows HTML found in DNS data as text and never runs it', async () => {
      const watched = await driver.tab.watch();
      await visit('http://xss.test/');
      expectTitle(await pickOnPage(), 'MX lookup for this site’s domain');
      await panelHeading('xss.test').waitFor();
      await waitForDone(panel());
      await expectDnsHtmlShownAsText(panel());
      await new Promise((resolve) => setTimeout(resolve, 200)); // an onerror would have fired by now
      const shadow = await driver.tab.evaluate((view) => {
        const root = view.document.querySelector('mxray-panel')?.shadowRoot;
        return {
          handlers: root?.querySelectorAll('[onerror], [onload], [onclick]').length,
          images: root?.querySelectorAll('img, script, iframe, object, b').length,
          pageImages: view.document.images.length,
          // Set by the page's trap if anything called alert (harness/site-server.ts).
          xss: (view as unknown as { __xss?: boolean }).__xss,
        };
      });
      expect(shadow).toEqual({ handlers: 0, images: 0, pageImages: 0, xss: false });
      expect((await watched()).dialogs).toEqual([]);
    });
  });
}

/** Computed styles of every element in the panel's shadow root, in document order (runs in the page). */
function readPanelStyles(view: Window & typeof globalThis): { box: { width: number; top: number; right: number }; elements: string[] } {
  const host = view.document.querySelector('mxray-panel');
  const root = host?.shadowRoot;
  if (!host || !root) throw new Error('no <mxray-panel> with an open shadow root');
  const properties = [
    'display',
    'position',
    'color',
    'background-color',
    'font-family',
    'font-size',
    'font-weight',
    'line-height',
    'letter-spacing',
    'text-transform',
    'text-align',
    'border-top-style',
    'border-top-width',
    'border-top-color',
    'margin-top',
    'margin-left',
    'padding-top',
    'padding-left',
    'box-sizing',
    'opacity',
    'visibility',
  ];
  const rect = host.getBoundingClientRect();
  const elements = [...root.querySelectorAll('*')]
    .filter((element) => element.localName !== 'style')
    .map((element) => {
      const style = view.getComputedStyle(element);
      return `${element.localName}: ${properties.map((p) => `${p}=${style.getPropertyValue(p)}`).join('; ')}`;
    });
  return {
    box: { width: Math.round(rect.width), top: Math.round(rect.top), right: Math.round(view.document.documentElement.clientWidth - rect.right) },
    elements,
  };
}
