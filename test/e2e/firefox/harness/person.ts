// Driving MXray in Firefox the way a person does, on the browser's private X display:
// - the toolbar popup through the real keyboard shortcut (Alt+Shift+M, `_execute_action`):
//   Firefox opens its real popup and grants activeTab for the tab, as for a click on the button;
// - the real context menu: a right-click and a left-click on MXray's entry, both real X pointer
//   input (xdotool) at the places Firefox drew them;
// - text selected by dragging the pointer.
// What WebDriver cannot do in Firefox, and how this reads it instead:
// - the toolbar popup is not a tab: the watcher tab (an extension page) reads its document
//   through `browser.extension.getViews({ type: 'popup' })`;
// - the context menu is browser UI: its entries (titles and places on screen) are read from the
//   browser window's chrome document (the browser runs with --remote-allow-system-access).
import type { Page } from 'puppeteer-core';
import { waitUntil, type FirefoxBrowser } from './firefox';
import { scopeOf, withNameShim, type FxLocator } from './locator';
import type { Rect } from './screen-capture';
import { clickAt, drag, moveTo, pressKey, type Point } from './x-input';

/** The open toolbar popup's document, as seen from an extension page of the same add-on. */
const POPUP_DOCUMENT = `globalThis.browser.extension.getViews({ type: 'popup' })[0]?.document`;

export interface ToolbarPopup {
  /** Playwright-like scope over the popup's document. */
  scope: FxLocator;
  /** Epoch ms just before the key press. */
  pressedAt: number;
  /** The popup's content on the X screen. */
  rect(): Promise<Rect>;
  /** Runs `fn` with the popup's window (in the watcher's realm). */
  evaluate<R>(fn: (popup: Window) => R): Promise<R>;
  /** Closes the popup as a person can (the shortcut again) and waits until it is gone. */
  close(): Promise<void>;
}

async function popupOpen(fx: FirefoxBrowser): Promise<boolean> {
  return fx.watcher.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.extension.getViews({ type: 'popup' }).length > 0);
}

/**
 * Opens the toolbar popup on `tab` with Alt+Shift+M and waits until its page has rendered.
 * Firefox shows the popup of an add-on not pinned to the toolbar (the default) under the
 * Extensions button, as for a click in that menu.
 */
export async function openToolbarPopup(fx: FirefoxBrowser, tab: Page = fx.tab): Promise<ToolbarPopup> {
  if (await popupOpen(fx)) throw new Error('a toolbar popup is already open: close it first');
  await tab.bringToFront();
  await fx.focusWindow();
  await moveTo(fx.display, { x: 400, y: 600 });
  const pressedAt = Date.now();
  await pressKey(fx.display, 'alt+shift+m');
  await waitUntil(
    () =>
      fx.watcher.evaluate(() => {
        const popup = (globalThis as unknown as { browser: typeof chrome }).browser.extension.getViews({ type: 'popup' })[0];
        return popup?.document.readyState === 'complete' && (popup.document.getElementById('app')?.childElementCount ?? 0) > 0;
      }),
    'Alt+Shift+M did not open the MXray popup (is `_execute_action` still bound to it in manifest.json?)',
  );
  const evaluate = <R>(fn: (popup: Window) => R) =>
    fx.watcher.evaluate(withNameShim(`(${fn.toString()})(${POPUP_DOCUMENT.replace(/\?\.document$/, '')})`)) as Promise<R>;
  // Firefox sizes and places the panel to its content after the first render: a click aimed
  // before it settles lands where the box no longer is. Wait, as a person's eye does, until the
  // panel has kept its place and size for three looks, 50 ms apart.
  const placed = () =>
    evaluate((popup) => {
      const view = popup as unknown as Window & { mozInnerScreenX: number; mozInnerScreenY: number };
      return `${view.mozInnerScreenX},${view.mozInnerScreenY},${view.innerWidth},${view.innerHeight}`;
    });
  const looks: string[] = [];
  await waitUntil(async () => {
    looks.push(await placed());
    return looks.length >= 3 && looks.slice(-3).every((look) => look === looks.at(-1));
  }, 'the toolbar popup did not settle its size and place');
  return {
    scope: scopeOf({ realm: fx.watcher, root: POPUP_DOCUMENT, display: fx.display, label: 'the toolbar popup' }),
    pressedAt,
    evaluate,
    rect: () =>
      evaluate((popup) => {
        const view = popup as unknown as Window & { mozInnerScreenX: number; mozInnerScreenY: number };
        return { x: view.mozInnerScreenX, y: view.mozInnerScreenY, width: view.innerWidth, height: view.innerHeight };
      }),
    close: async () => {
      if (!(await popupOpen(fx))) return;
      // The shortcut toggles the popup. (Esc would close it on a desktop, but with
      // `ui.popup.disable_autohide`, which keeps it open without a window manager, Esc is a
      // roll-up too and does nothing.)
      await tab.bringToFront();
      await fx.focusWindow();
      await pressKey(fx.display, 'alt+shift+m');
      await waitUntil(async () => !(await popupOpen(fx)), 'Alt+Shift+M did not close the toolbar popup');
    },
  };
}

/** The page's point on the X screen for a point in its viewport. */
async function screenPointOf(tab: Page, point: Point): Promise<Point> {
  const origin = await tab.evaluate(() => {
    const view = window as unknown as { mozInnerScreenX: number; mozInnerScreenY: number };
    return { x: view.mozInnerScreenX, y: view.mozInnerScreenY };
  });
  return { x: origin.x + point.x, y: origin.y + point.y };
}

/** A real left click at a point of the tab's viewport (on blank page: clears the selection). */
export async function clickInPage(fx: FirefoxBrowser, tab: Page, point: Point): Promise<void> {
  await clickAt(fx.display, await screenPointOf(tab, point));
}

export interface MenuEntry {
  /** The add-on's own id for the entry (`mxray-selection`, ...). */
  id: string;
  title: string;
  /** Shown inside a submenu named after the add-on (Firefox nests two or more entries so). */
  nested: boolean;
  /** Its centre on the X screen; 0 while its (sub)menu is closed. */
  x: number;
  y: number;
  /** The submenu's own centre on the X screen, for a nested entry. */
  submenu?: { x: number; y: number };
}

/** MXray's entries in the open page context menu (Firefox ids them `<add-on>-menuitem-_<id>`). */
async function readMenuEntries(fx: FirefoxBrowser): Promise<MenuEntry[] | undefined> {
  return fx.chrome<MenuEntry[] | undefined>(`
    const menu = document.getElementById('contentAreaContextMenu');
    if (menu.state !== 'open') return undefined;
    const centre = (item) => {
      const box = item.getBoundingClientRect();
      return box.height > 0 ? { x: item.screenX + Math.min(60, box.width / 2), y: item.screenY + box.height / 2 } : { x: 0, y: 0 };
    };
    return [...menu.querySelectorAll('menuitem')]
      .filter((item) => item.id.startsWith('mxray_mxray_dev-menuitem-_') && !item.hidden)
      .map((item) => {
        const submenu = item.parentElement.closest('menu');
        const nested = !!submenu && submenu.id.startsWith('mxray_mxray_dev-menuitem-');
        return { id: item.id.replace(/^.*-menuitem-_/, ''), title: item.label, nested, ...centre(item), ...(nested ? { submenu: centre(submenu) } : {}) };
      });
  `);
}

/**
 * Right-clicks `target` (a locator in the tab, or a point in its viewport), waits for Firefox's
 * context menu, and clicks MXray's entry in it (`entry`, when the menu holds more than one: then
 * Firefox nests them in a submenu named "MXray", which the pointer opens first, as a person's
 * does). Returns the entry's title as Firefox showed it.
 */
export async function pickFromContextMenu(fx: FirefoxBrowser, tab: Page, target: FxLocator | Point, entry?: string): Promise<string> {
  await tab.bringToFront();
  await fx.focusWindow();
  const point = 'screenPoint' in target ? await target.screenPoint() : await screenPointOf(tab, target);
  await clickAt(fx.display, point, 'right');
  let entries: MenuEntry[] | undefined;
  // The title may change once more while the menu is open (Firefox's menus.onShown lets an
  // add-on retitle its entry): read it when it has stayed the same for four reads (~200 ms).
  const reads: string[] = [];
  await waitUntil(async () => {
    entries = await readMenuEntries(fx);
    reads.push(JSON.stringify(entries?.map(({ id, title }) => [id, title])));
    const last = reads.slice(-4);
    return entries !== undefined && entries.length > 0 && last.length === 4 && last.every((read) => read === last[0]);
  }, 'the right-click opened no context menu with an MXray entry');
  // No entry named: the lookup entry, never "Explain with MXray" (shown beside it on a selection).
  const candidates = entries!.filter((candidate) => (entry === undefined ? candidate.id !== 'mxray-explain' : candidate.id === entry));
  if (candidates.length !== 1) throw new Error(`expected one MXray entry${entry ? ` "${entry}"` : ''} in the context menu, found ${JSON.stringify(entries)}`);
  let [chosen] = candidates as [MenuEntry];
  if (chosen.nested) {
    await moveTo(fx.display, chosen.submenu!);
    await waitUntil(async () => {
      chosen = (await readMenuEntries(fx))?.find((candidate) => candidate.id === chosen.id) ?? chosen;
      return chosen.y > 0;
    }, 'the MXray submenu did not open under the pointer');
    // Along the submenu's row first, so the pointer does not cross other entries on its way.
    await moveTo(fx.display, { x: chosen.x, y: chosen.submenu!.y });
  }
  await clickAt(fx.display, chosen);
  await waitUntil(async () => (await readMenuEntries(fx)) === undefined, 'the context menu stayed open after the click');
  return chosen.title;
}

/** Selects `text` in the tab by dragging the pointer across it; returns its middle (viewport). */
export async function selectTextByMouse(fx: FirefoxBrowser, tab: Page, text: string): Promise<Point> {
  const box = await tab.evaluate((wanted: string) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
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
      return { left: first.left, right: first.right, y: first.top + first.height / 2, endX: last.right, endY: last.top + last.height / 2 };
    }
    return undefined;
  }, text);
  if (!box) throw new Error(`"${text}" is not on the page`);
  const start = await screenPointOf(tab, { x: box.left + 1, y: box.y });
  const end = await screenPointOf(tab, { x: box.endX - 1, y: box.endY });
  await drag(fx.display, start, { x: (start.x + end.x) / 2, y: start.y }, end);
  const selected = await tab.evaluate(() => getSelection()?.toString() ?? '');
  if (selected.trim() !== text) throw new Error(`dragging selected "${selected}", not "${text}"`);
  return { x: (box.left + box.right) / 2, y: box.y };
}
