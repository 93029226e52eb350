// The scenario driver for Firefox: firefox/harness/firefox.ts (headful Firefox ESR on its own
// Xvfb display, puppeteer-core over WebDriver BiDi, every name on this browser's loopback
// address) and firefox/harness/person.ts (the real popup by shortcut, the real context menu,
// real X pointer and keys). Views are harness/locator.ts scopes; what no protocol reaches in
// Firefox (the toolbar popup, the permission doorhanger) is read from the watcher tab, the
// browser's chrome document and the X frame buffer, as described in firefox/README.md.
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { saveScreenshot } from '../harness/screenshots';
import { pressKeys, typeText } from '../harness/keyboard';
import { PROVIDER_HOSTS, type ProviderId } from '../harness/resolvers';
import { ADDON_ID, launchFirefox, waitUntil, type FirefoxBrowser } from '../firefox/harness/firefox';
import { asPlaywright, withNameShim, type FxLocator } from '../firefox/harness/locator';
import { clickInPage, openToolbarPopup, pickFromContextMenu, selectTextByMouse } from '../firefox/harness/person';
import { saveScreenCapture, type Rect } from '../firefox/harness/screen-capture';
import { clickAt, moveTo } from '../firefox/harness/x-input';
import type { Driver, DriverKind, DriverOptions, SavedFile, Scope, View } from './driver';

/** The element's box on the X screen (its document's window knows where it is drawn). */
async function screenRectOf(element: Locator): Promise<Rect> {
  return element.evaluate((node: Element) => {
    node.scrollIntoView({ block: 'nearest' });
    const rect = node.getBoundingClientRect();
    const view = node.ownerDocument.defaultView as unknown as { mozInnerScreenX: number; mozInnerScreenY: number; innerHeight: number };
    const height = Math.min(rect.height, view.innerHeight - Math.max(rect.top, 0));
    return {
      x: Math.round(view.mozInnerScreenX + rect.left),
      y: Math.round(view.mozInnerScreenY + Math.max(rect.top, 0)),
      width: Math.round(rect.width),
      height: Math.round(height),
    };
  });
}

/**
 * Records alert/confirm/prompt calls and uncaught errors in a window, from inside it. Used where
 * puppeteer's dialog and error events cannot reach (the toolbar popup is not a tab).
 */
function trapInWindow(view: Window & typeof globalThis): void {
  const trapped = view as unknown as Window & { __watched?: { dialogs: string[]; errors: string[] } };
  const seen = (trapped.__watched = { dialogs: [] as string[], errors: [] as string[] });
  for (const name of ['alert', 'confirm', 'prompt'] as const) {
    (trapped as unknown as Record<string, (message?: unknown) => void>)[name] = (message?: unknown) => void seen.dialogs.push(String(message));
  }
  trapped.addEventListener('error', (event) => seen.errors.push(event.message));
  trapped.addEventListener('unhandledrejection', (event) => seen.errors.push(String(event.reason)));
}

/** What the prefers-color-scheme media query reads, for every document of the browser. */
async function setSystemScheme(fx: FirefoxBrowser, scheme: 'light' | 'dark'): Promise<void> {
  await fx.chrome(`Services.prefs.setIntPref('ui.systemUsesDarkTheme', ${scheme === 'dark' ? 1 : 0}); return true;`);
}

/**
 * Where downloads go without asking (set at launch, from the chrome document): the folder
 * `dir`, no "what should Firefox do with this file?" dialog, no downloads panel opening over
 * the page (with `ui.popup.disable_autohide` it would stay open).
 */
async function saveDownloadsIn(fx: FirefoxBrowser, dir: string): Promise<void> {
  await fx.chrome(`
    Services.prefs.setIntPref('browser.download.folderList', 2);
    Services.prefs.setStringPref('browser.download.dir', ${JSON.stringify(dir)});
    Services.prefs.setBoolPref('browser.download.useDownloadDir', true);
    Services.prefs.setBoolPref('browser.download.always_ask_before_handling_new_types', false);
    Services.prefs.setBoolPref('browser.download.alwaysOpenPanel', false);
    return true;
  `);
}

/**
 * Runs `click` and waits for the one new file in `dir`, complete: Firefox first saves an empty
 * placeholder under the final name and writes `<name>.part`, then moves the part over it; so
 * complete is no `.part` left, a size above 0, and the same size twice in a row.
 */
async function downloadInto(dir: string, click: () => Promise<void>): Promise<SavedFile> {
  const before = new Set(await readdir(dir));
  await click();
  let name = '';
  let size = -1;
  await waitUntil(
    async () => {
      const names = await readdir(dir);
      const fresh = names.filter((file) => !before.has(file) && !file.endsWith('.part'));
      if (fresh.length !== 1 || names.some((file) => file.endsWith('.part'))) return false;
      const now = (await stat(join(dir, fresh[0]!))).size;
      const settled = now > 0 && fresh[0] === name && now === size;
      [name, size] = [fresh[0]!, now];
      return settled;
    },
    `the click saved no file in ${dir} (or more than one)`,
    15_000,
  );
  return { name, text: await readFile(join(dir, name), 'utf8') };
}

function tabView(fx: FirefoxBrowser, page: Page, close: () => Promise<void>, downloads: string): View {
  const evaluate = <R>(fn: (view: Window & typeof globalThis) => R) => page.evaluate(withNameShim(`(${fn.toString()})(window)`)) as Promise<R>;
  return {
    scope: asPlaywright(fx.page(page)) as unknown as Scope,
    evaluate,
    watch: async () => {
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('pageerror', (error) => errors.push(String((error as Error).message ?? error)));
      return async () => ({ dialogs: [...dialogs], errors: [...errors] });
    },
    colorScheme: (scheme) => setSystemScheme(fx, scheme),
    screenshot: async (name, element) => {
      if (element) await saveScreenCapture(fx.fbdir, name, await screenRectOf(element));
      // harness/screenshots.ts calls `screenshot({ path })`, which puppeteer's Page has too.
      else await saveScreenshot(page as never, name);
    },
    bringToFront: () => page.bringToFront(),
    download: (click) => downloadInto(downloads, click),
    chooseFile: async (selector, path) => {
      const input = await page.waitForSelector(selector);
      await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(path);
    },
    close,
  };
}

export async function launchFirefoxDriver(options: DriverOptions): Promise<Driver> {
  const tlsRoutes: Record<string, number> = { ...options.httpsHosts };
  for (const [id, port] of Object.entries(options.resolvers ?? {})) if (port !== undefined) tlsRoutes[PROVIDER_HOSTS[id as ProviderId]] = port;
  const fx = await launchFirefox({ stack: options.stack, tlsRoutes, ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}) });
  let downloads: string;
  try {
    downloads = await mkdtemp(join(tmpdir(), 'mxray-ff-downloads-'));
    await saveDownloadsIn(fx, downloads);
  } catch (error) {
    await fx.close();
    throw error;
  }
  const focusedKeys = async (...keys: string[]) => {
    await fx.focusWindow();
    await pressKeys(fx.display, ...keys);
  };

  return {
    browser: 'firefox',
    tab: tabView(fx, fx.tab, async () => undefined, downloads),
    goto: async (url) => {
      await fx.tab.goto(url);
      await fx.tab.bringToFront();
    },
    openToolbarPopup: async () => {
      const popup = await openToolbarPopup(fx);
      const evaluate = <R>(fn: (view: Window & typeof globalThis) => R) => popup.evaluate(fn as never) as Promise<R>;
      return {
        scope: asPlaywright(popup.scope) as unknown as Scope,
        pressedAt: popup.pressedAt,
        evaluate,
        watch: async () => {
          await evaluate(trapInWindow as never);
          return () => evaluate((view) => (view as unknown as { __watched: { dialogs: string[]; errors: string[] } }).__watched);
        },
        colorScheme: (scheme) => setSystemScheme(fx, scheme),
        // The popup as Firefox draws it, read from the X screen (no protocol can capture a popup).
        screenshot: async (name, element) => void (await saveScreenCapture(fx.fbdir, name, element ? await screenRectOf(element) : await popup.rect())),
        bringToFront: async () => undefined,
        download: (click) => downloadInto(downloads, click),
        chooseFile: () => Promise.reject(new Error('no file input is chosen from in the toolbar popup')),
        close: () => popup.close(),
      };
    },
    openExtensionPage: async (path) => {
      const page = await fx.browser.newPage();
      await fx.navigate(page, fx.url(path));
      return tabView(fx, page, () => page.close(), downloads);
    },
    waitForExtensionTab: async (path) => {
      let found: Page | undefined;
      await waitUntil(
        async () => {
          // page.url() does not follow a navigation the add-on made (tabs.update from the omnibox):
          // ask each document where it is.
          // Firefox shows an options page already open rather than open another: the watcher
          // tab is one, so it counts once it is the tab on screen.
          for (const page of await fx.browser.pages()) {
            const [href, visible] = await page
              .evaluate(() => [location.href, document.visibilityState === 'visible'] as const)
              .catch(() => [page.url(), false] as const);
            if (href.startsWith(fx.url(path)) && (page !== fx.watcher || visible)) found = page;
          }
          return found !== undefined;
        },
        `no tab opened on ${fx.url(path)}`,
      ).catch(async (error: unknown) => {
        // Say what was open instead, so a miss (a click elsewhere) tells itself from a slow tab.
        const open = await Promise.all((await fx.browser.pages()).map((page) => page.evaluate(() => location.href).catch(() => page.url())));
        throw new Error(`${error instanceof Error ? error.message : String(error)}; open tabs: ${open.join(', ')}`);
      });
      return tabView(fx, found!, async () => void (found === fx.watcher || (await found!.close())), downloads);
    },
    pickFromContextMenu: (target, entry) =>
      pickFromContextMenu(fx, fx.tab, 'evaluate' in target ? (target as unknown as FxLocator) : target, entry === 'explain' ? 'mxray-explain' : undefined),
    selectTextByMouse: (text) => selectTextByMouse(fx, fx.tab, text),
    clickInTab: (point) => clickInPage(fx, fx.tab, point),
    pressKeys: focusedKeys,
    typeText: async (text) => {
      await fx.focusWindow();
      await typeText(fx.display, text);
    },
    paste: async (field, text) => {
      // The system clipboard, written from the chrome document (as another program's copy
      // would); then a real click in the field and a real Ctrl+V.
      await fx.chrome(`
        Components.classes['@mozilla.org/widget/clipboardhelper;1']
          .getService(Components.interfaces.nsIClipboardHelper)
          .copyString(${JSON.stringify(text)});
        return true;
      `);
      await (field as unknown as FxLocator).surface.realm.bringToFront();
      await fx.focusWindow();
      await field.click();
      await pressKeys(fx.display, 'ctrl+v');
    },
    stopBackground: async () => {
      // What about:debugging's "Terminate background script" calls (ExtensionParent's
      // DebugUtils.terminateBackgroundScript), also past the checks that would let a busy event
      // page live on (pending listener calls), as a forced stop: Firefox's idle stop does the same
      // to an event page that goes quiet. The stop is seen by its "shutdown-background-script".
      await fx.chrome(`
        const extension = WebExtensionPolicy.getByID(${JSON.stringify(ADDON_ID)})?.extension;
        if (!extension) throw new Error('MXray is not installed');
        if (extension.backgroundState !== 'running') throw new Error('the event page is ' + extension.backgroundState + ', not running');
        globalThis.__mxrayBackgroundStopped = false;
        extension.once('shutdown-background-script', () => { globalThis.__mxrayBackgroundStopped = true; });
        extension.terminateBackground({ ignoreDevToolsAttached: true, disableResetIdleForTest: true });
        return true;
      `);
      await waitUntil(() => fx.chrome<boolean>('return globalThis.__mxrayBackgroundStopped === true;'), 'the event page did not stop within 5 s', 5_000);
    },
    movePointer: (point) => moveTo(fx.display, point),
    viewport: () => fx.tab.evaluate(() => ({ width: innerWidth, height: innerHeight })),
    allowPermissionPrompt: async (open, name, whileShown) => {
      await open();
      // Firefox asks in a doorhanger of the browser window ("MXray requests additional
      // permissions … Access your data for mta-sts.sts.test [Deny] [Allow]"): its Allow button's
      // place on screen is read from the chrome document, and the X pointer clicks it.
      let allow: { x: number; y: number; label: string } | undefined;
      await waitUntil(async () => {
        allow = await fx.chrome<{ x: number; y: number; label: string } | undefined>(`
          const panel = document.getElementById('notification-popup');
          if (!panel || panel.state !== 'open') return undefined;
          const notification = panel.querySelector('#addon-webext-permissions-notification');
          const button = notification && (notification.button || notification.querySelector('.popup-notification-primary-button'));
          if (!button) return undefined;
          const box = button.getBoundingClientRect();
          if (box.width === 0) return undefined;
          return { x: button.screenX + box.width / 2, y: button.screenY + box.height / 2, label: button.label || button.textContent };
        `);
        return allow !== undefined;
      }, 'no permission prompt (addon-webext-permissions doorhanger) appeared');
      await new Promise((resolve) => setTimeout(resolve, 600)); // Firefox too ignores clicks on a prompt just shown
      await saveScreenCapture(fx.fbdir, name);
      await whileShown?.();
      await clickAt(fx.display, allow!);
      await waitUntil(
        async () => !(await fx.chrome<boolean>(`return document.getElementById('notification-popup')?.state === 'open';`)),
        'the permission prompt stayed open after Allow',
      );
    },
    installUpdate: (dir) => fx.installOver(dir),
    close: async () => {
      await fx.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

export const firefox: DriverKind = { name: 'firefox', launch: launchFirefoxDriver };
