// Driving MXray the way a person does, in a headful Chromium on a private Xvfb display:
// - the toolbar popup through the real keyboard shortcut (Alt+Shift+M, `_execute_action`): the
//   browser itself opens the popup and grants activeTab for the tab, exactly as a click on the
//   toolbar icon does;
// - the real context menu: a right-click (Playwright's mouse, which in a headful browser opens
//   Chromium's native menu), then a real key press (xdotool) that picks MXray's entry: Chromium
//   then fires contextMenus.onClicked as for a person's choice and grants activeTab.
// Key presses go through the X server (XTEST), so they reach browser UI (shortcuts, native
// menus) that Playwright's page-level synthetic events never reach.
import { chromium, type Locator, type Page } from 'playwright-core';
import { ACTION_TIMEOUT_MS, type ExtensionBrowser } from './browser';
import { movePointer, pressKeys, visibleWindows, waitForNewWindow } from './keyboard';

function requireDisplay(browser: ExtensionBrowser): string {
  if (!browser.display) throw new Error('This needs a browser launched with { person: true } (a real X display).');
  return browser.display;
}

/** Brings the tab to the front and the X pointer over the window, so keys go to it. */
async function focusTab(browser: ExtensionBrowser, tab: Page): Promise<void> {
  await tab.bringToFront();
  await movePointer(requireDisplay(browser), 640, 400);
}

export interface ToolbarPopup {
  page: Page;
  /** Epoch ms just before the key press (for timings). */
  pressedAt: number;
  /** Closes the popup (if still open) and the CDP client that found it. */
  close(): Promise<void>;
}

export interface ToolbarPopupOptions {
  /**
   * Awaited right after the key press, before anything looks for the popup. Finding it and
   * connecting a CDP client keep the browser process busy while the popup loads; a timing
   * measurement can wait here until the popup has done its work undisturbed.
   */
  beforeAttach?: () => Promise<void>;
}

/**
 * Opens the toolbar popup on `tab` with the keyboard shortcut, as a person does. Chromium tells
 * no already-connected client about a toolbar popup (it is not a tab), so this waits for the
 * popup's target to exist, then connects a fresh CDP client, which finds it, and returns that
 * client's Playwright page for it.
 */
export async function openToolbarPopup(browser: ExtensionBrowser, tab: Page, options: ToolbarPopupOptions = {}): Promise<ToolbarPopup> {
  const display = requireDisplay(browser);
  const popupUrl = browser.url('popup.html');
  const session = await browser.browserSession();
  const popupTargets = async () =>
    ((await session.send('Target.getTargets')).targetInfos as { type: string; url: string; targetId: string }[]).filter(
      (target) => target.type === 'page' && target.url.startsWith(popupUrl),
    );
  const before = new Set((await popupTargets()).map((target) => target.targetId));
  await focusTab(browser, tab);
  const pressedAt = Date.now();
  await pressKeys(display, 'alt+shift+m');
  await options.beforeAttach?.();
  const deadline = Date.now() + 5_000;
  while (!(await popupTargets()).some((candidate) => !before.has(candidate.targetId))) {
    if (Date.now() > deadline) throw new Error('Alt+Shift+M did not open the MXray popup (is `_execute_action` still bound to it in manifest.json?).');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const client = await chromium.connectOverCDP(await browser.cdpEndpoint());
  const page = client
    .contexts()
    .flatMap((context) => context.pages())
    .find((candidate) => candidate.url().startsWith(popupUrl));
  if (!page) {
    await client.close();
    throw new Error('The MXray popup opened but a CDP client cannot see it.');
  }
  page.context().setDefaultTimeout(ACTION_TIMEOUT_MS);
  await page.waitForLoadState('domcontentloaded');
  return {
    page,
    pressedAt,
    close: async () => {
      if (!page.isClosed()) await page.close().catch(() => undefined);
      await client.close().catch(() => undefined); // disconnects this client; the browser stays
    },
  };
}

/**
 * Right-clicks `target` (a locator, or a point) and picks MXray's entry. Every MXray lookup entry
 * starts with "MX lookup", and no built-in entry of Chromium's page, link or selection menus
 * starts with "M", so a press of M selects and activates it (a native menu activates the only item
 * whose title starts with the typed letter). On a selection MXray has two entries ("MX lookup for
 * …" and "Explain with MXray"), which Chromium nests in a submenu named "MXray": M opens it (a
 * new X window), then `entryKey` (M for the lookup, E for "Explain with MXray") picks inside it.
 * Callers check the outcome (a panel, a tab), so a menu that changed shape fails loudly rather
 * than silently doing something else.
 */
export async function pickFromContextMenu(
  browser: ExtensionBrowser,
  page: Page,
  target: Locator | { x: number; y: number },
  entryKey: 'm' | 'e' = 'm',
): Promise<void> {
  const display = requireDisplay(browser);
  await focusTab(browser, page);
  // Press M only once the native menu's own X window is visible: a fixed wait was not enough
  // on a loaded machine (the key reached the page instead and nothing happened).
  for (let attempt = 1; attempt <= 3; attempt++) {
    const before = await visibleWindows(display);
    if ('click' in target) await target.click({ button: 'right' });
    else await page.mouse.click(target.x, target.y, { button: 'right' });
    const menu = await waitForNewWindow(display, before, 5_000);
    if (menu === undefined) {
      await pressKeys(display, 'Escape');
      continue;
    }
    await page.waitForTimeout(100); // the menu takes the keyboard grab just after it maps
    const open = await visibleWindows(display);
    await pressKeys(display, 'm');
    // Either M chose an entry (the menu closes) or it opened MXray's submenu (a window more).
    const deadline = Date.now() + 3_000;
    for (;;) {
      const now = await visibleWindows(display);
      if (!now.has(menu)) {
        if (entryKey !== 'm') throw new Error('MXray had no submenu in this context menu (no "Explain with MXray" to pick).');
        return;
      }
      if ([...now].some((id) => !open.has(id))) {
        await page.waitForTimeout(100);
        await pressKeys(display, entryKey);
        return;
      }
      if (Date.now() > deadline) throw new Error('Pressing M in the context menu neither chose an MXray entry nor opened its submenu.');
      await page.waitForTimeout(40);
    }
  }
  throw new Error('The native context menu did not open after 3 right-clicks (no new X window appeared).');
}

/**
 * Selects `text` inside `container` by dragging the mouse across it, as a person does, and
 * returns the point to right-click (the middle of the selection).
 */
export async function selectTextByMouse(page: Page, container: Locator, text: string): Promise<{ x: number; y: number }> {
  const box = await container.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      // Text over several lines (a <pre>): from the first line's start to the last line's end.
      const lines = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const first = lines[0] ?? range.getBoundingClientRect();
      const last = lines[lines.length - 1] ?? first;
      return { left: first.left, right: first.right, top: first.top, height: first.height, endX: last.right, endY: last.top + last.height / 2 };
    }
    return undefined;
  }, text);
  if (!box) throw new Error(`"${text}" is not on the page`);
  const y = box.top + box.height / 2;
  await page.mouse.move(box.left + 1, y);
  await page.mouse.down();
  await page.mouse.move((box.left + box.right) / 2, y, { steps: 4 });
  await page.mouse.move(box.endX - 1, box.endY, { steps: 4 });
  await page.mouse.up();
  const selected = await page.evaluate(() => getSelection()?.toString() ?? '');
  if (selected.trim() !== text) throw new Error(`dragging selected "${selected}", not "${text}"`);
  return { x: (box.left + box.right) / 2, y };
}
