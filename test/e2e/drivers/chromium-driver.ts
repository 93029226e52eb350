// The scenario driver for Chromium: harness/browser.ts (headful on its own Xvfb display, every
// name mapped onto loopback) and harness/person.ts (the real toolbar popup by shortcut, the real
// native context menu). Views are Playwright pages.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { saveScreenCapture } from '../firefox/harness/screen-capture';
import { withNameShim } from '../firefox/harness/locator';
import { launchExtensionBrowser, WINDOW, type ExtensionBrowser } from '../harness/browser';
import { movePointer, pressKeys, typeText } from '../harness/keyboard';
import { openToolbarPopup, pickFromContextMenu, selectTextByMouse } from '../harness/person';
import { readScreenRect, waitForScreenChange } from '../harness/screen-change';
import { saveScreenshot } from '../harness/screenshots';
import { stopServiceWorker } from '../harness/service-worker';
import { startSiteServer } from '../harness/site-server';
import type { Driver, DriverKind, DriverOptions, Scope, View } from './driver';

/**
 * Where Chromium draws an extension's permission prompt: centred at the top of the tab's content
 * (the window is WINDOW wide at 0,0; the content starts below the toolbar, at about y 86).
 */
const PROMPT_AREA = { x: WINDOW.width / 2 - 180, y: 100, width: 360, height: 170 };

function viewOf(page: Page, close: () => Promise<void> = () => page.close()): View {
  return {
    scope: page as unknown as Scope,
    evaluate: (fn) => page.evaluate(withNameShim(`(${fn.toString()})(window)`)),
    watch: async () => {
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss().catch(() => undefined);
      });
      page.on('pageerror', (error) => errors.push(error.message));
      return async () => ({ dialogs: [...dialogs], errors: [...errors] });
    },
    colorScheme: (scheme) => page.emulateMedia({ colorScheme: scheme }),
    screenshot: async (name, element) => void (await saveScreenshot(element ?? page, name)),
    bringToFront: () => page.bringToFront(),
    download: async (click) => {
      const [saved] = await Promise.all([page.waitForEvent('download'), click()]);
      return { name: saved.suggestedFilename(), text: await readFile((await saved.path())!, 'utf8') };
    },
    chooseFile: (selector, path) => page.locator(selector).setInputFiles(path),
    close,
  };
}

export async function launchChromiumDriver(options: DriverOptions): Promise<Driver> {
  const site = await startSiteServer();
  const fbdir = await mkdtemp(join(tmpdir(), 'mxray-chromium-screen-'));
  // A build of its own to install: copied to a fixed directory (an unpacked extension's id
  // derives from its path) beside a profile kept across launches, so installUpdate can put
  // another build in its place and start the same profile again.
  const own = options.extensionDir ? await mkdtemp(join(tmpdir(), 'mxray-chromium-install-')) : undefined;
  const installed = own && join(own, 'mxray');
  const profile = own && join(own, 'profile');
  const cleanUp = async () => {
    await site.close();
    await rm(fbdir, { recursive: true, force: true });
    if (own) await rm(own, { recursive: true, force: true });
  };
  const launch = () =>
    launchExtensionBrowser({
      stack: options.stack,
      sitePort: site.port,
      person: true,
      resolvers: options.resolvers,
      extraHostRules: Object.entries(options.httpsHosts ?? {}).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`),
      xvfbArgs: ['-fbdir', fbdir],
      ...(installed && profile ? { extensionDir: installed, userDataDir: profile, extensionDebugging: true } : {}),
    });
  let browser: ExtensionBrowser;
  try {
    if (installed && profile) {
      await cp(options.extensionDir!, installed, { recursive: true });
      await mkdir(profile);
    }
    browser = await launch();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const display = browser.display!;
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  const tab = viewOf(page, async () => undefined);

  return {
    browser: 'chromium',
    get tab() {
      return tab;
    },
    goto: async (url) => {
      await page.goto(url);
      await page.bringToFront();
    },
    openToolbarPopup: async () => {
      const popup = await openToolbarPopup(browser, page);
      return { ...viewOf(popup.page, () => popup.close()), pressedAt: popup.pressedAt, bringToFront: async () => undefined };
    },
    openExtensionPage: async (path) => {
      const opened = await browser.context.newPage();
      await opened.goto(browser.url(path));
      return viewOf(opened);
    },
    waitForExtensionTab: async (path) => {
      // The tab's page event comes before its URL is set: look for the tab by URL.
      const wanted = browser.url(path);
      const deadline = Date.now() + 5_000;
      for (;;) {
        const found = browser.context.pages().find((candidate) => candidate.url().startsWith(wanted));
        if (found) return viewOf(found);
        if (Date.now() > deadline) throw new Error(`no tab opened on ${wanted}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    pickFromContextMenu: async (target, entry) => {
      await pickFromContextMenu(browser, page, target as never, entry === 'explain' ? 'e' : 'm');
      return undefined; // Chromium's native menu is not readable: the outcome (a panel) is checked instead
    },
    selectTextByMouse: (text) => selectTextByMouse(page, page.locator('body'), text),
    clickInTab: (point) => page.mouse.click(point.x, point.y),
    pressKeys: (...keys) => pressKeys(display, ...keys),
    typeText: (text) => typeText(display, text),
    paste: async (field, text) => {
      // Chromium lets the focused document write the clipboard (the async Clipboard API); the
      // paste itself is the person's Ctrl+V through the X server into the clicked field.
      const owner = field.page();
      await owner.bringToFront();
      await owner.evaluate((value) => navigator.clipboard.writeText(value), text);
      await field.click();
      await pressKeys(display, 'ctrl+v');
    },
    stopBackground: (options) => stopServiceWorker(browser, page, options),
    movePointer: (point) => movePointer(display, point.x, point.y),
    viewport: async () => page.viewportSize() ?? (await page.evaluate(() => ({ width: innerWidth, height: innerHeight }))),
    allowPermissionPrompt: async (open, name, whileShown) => {
      await movePointer(display, 640, 880);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const before = await readScreenRect(fbdir, PROMPT_AREA);
      await open();
      // The prompt ("MXray" has requested additional permissions. It could: Read and change
      // your data on mta-sts.sts.test. [Deny] [Allow]) is browser UI drawn over the top of the
      // tab: no DevTools client, no X window of its own and no page event tells it is up, so
      // look at the screen, as the person does.
      if (!(await waitForScreenChange(fbdir, PROMPT_AREA, before))) throw new Error('no permission prompt appeared over the tab');
      // Chromium keeps Allow disabled for a moment after the prompt shows (against click-jacking).
      await new Promise((resolve) => setTimeout(resolve, 600));
      await saveScreenCapture(fbdir, name);
      await whileShown?.();
      // Deny has the focus (the safe default); Tab moves to Allow, Return presses it.
      await pressKeys(display, 'Tab', 'Return');
    },
    installUpdate: async (dir) => {
      if (!installed) throw new Error('installUpdate needs a driver launched with extensionDir (a build of its own to replace)');
      // In the running browser, as Chrome updates an extension: the new files in the extension's
      // directory, then loaded again from it (same path, so same id and profile): the old worker
      // stops, the new one is registered and runtime.onInstalled says 'update'. Files swapped
      // while the browser is closed are not an update to Chromium: started again, it keeps
      // running the old service worker script from its own store (the pages are the new ones).
      await rm(installed, { recursive: true, force: true });
      await cp(dir, installed, { recursive: true });
      const version = (JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;
      const session = await browser.browserSession();
      await session.send('Extensions.loadUnpacked' as never, { path: installed } as never);
      // The new worker answers with the new version before anything is asked of it.
      const deadline = Date.now() + 15_000;
      for (;;) {
        const workers = browser.context.serviceWorkers().filter((w) => w.url().startsWith(browser.url('')));
        const versions = await Promise.all(workers.map((w) => w.evaluate(() => chrome.runtime.getManifest().version).catch(() => undefined)));
        const workerVersion = versions.find((v) => v === version) ?? versions.at(-1);
        if (workerVersion === version) break;
        if (Date.now() > deadline) throw new Error(`the updated extension's worker did not start with version ${version} (it says ${workerVersion})`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    close: async () => {
      await browser.close();
      await cleanUp();
    },
  };
}

export const chromium: DriverKind = { name: 'chromium', launch: launchChromiumDriver };
