// Launches Debian's Firefox ESR headful on a private Xvfb display with the built extension
// (dist/firefox) installed as a temporary add-on, driven over WebDriver BiDi by puppeteer-core.
// Every name resolves to one loopback address of this browser's own, where loopback-hosts.ts
// forwards :443 to the DoH servers (by TLS server name) and :80 to the fixture sites: the shipped
// default resolvers are what is tested, as in the Chromium suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { StackInfo } from '../../../stack/stack-info';
import { REPO_ROOT } from '../../harness/paths';
import { PROVIDER_HOSTS } from '../../harness/resolvers';
import { startSiteServer, type SiteServer } from '../../harness/site-server';
import { requireProgram, startXvfb, type Display } from '../../harness/xvfb';
import { scopeOf, type FxLocator } from './locator';
import { startLoopbackHosts, type LoopbackHosts } from './loopback-hosts';
import { focusMainWindow } from './x-input';

export const FIREFOX = process.env.MXRAY_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = process.env.MXRAY_FIREFOX_EXTENSION_DIR ?? join(REPO_ROOT, 'dist/firefox');
export const ADDON_ID = 'mxray@mxray.dev';
/** The add-on's internal UUID, fixed by a pref, so its pages have a known moz-extension:// origin. */
export const ADDON_UUID = '4d8e1f0a-6b2c-4e3d-9a5f-7c1b2d3e4f50';
export const SCREEN = { width: 1280, height: 900 };

export interface FirefoxBrowser {
  browser: Browser;
  /** The first tab: the page a person is on. */
  tab: Page;
  /** An extension page in a background tab (see watcher below). */
  watcher: Page;
  display: string;
  /** Gives the browser window the X keyboard focus (x-input.ts: focusMainWindow). */
  focusWindow(): Promise<void>;
  /** Xvfb's frame buffer directory (screen-capture.ts). */
  fbdir: string;
  hosts: LoopbackHosts;
  site: SiteServer;
  /** `moz-extension://<uuid>/<path>` */
  url(path: string): string;
  /** A scope (Playwright-like) over the tab's document. */
  page(tab?: Page): FxLocator;
  /** Loads `url` in `page` with BiDi's browsingContext.navigate, waiting for load (how the watcher's extension page is opened). */
  navigate(page: Page, url: string): Promise<void>;
  /** Evaluates `expression` (returning JSON-able data) in the browser window's chrome document. */
  chrome<T>(expression: string): Promise<T>;
  /**
   * Installs the build at `dir` over the add-on in this running browser, as Firefox updates an
   * add-on: a temporary add-on with the same id (browser_specific_settings.gecko.id) replaces the
   * old one (`runtime.onInstalled` reason `update`; its storage and, by the UUID pref, its origin
   * kept). The old version's pages go; the watcher is opened again on the new one.
   */
  installOver(dir: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Prefs, each for a reason:
 * - the add-on UUID: its pages get a known address;
 * - `network.dns.forceResolve` and `network.trr.mode` 5: every name is this browser's loopback
 *   address, asked of no resolver (Firefox's own DoH off);
 * - `network.http.http2.coalesce-hostnames` false: one test certificate names every provider and
 *   every provider is at one address, so Firefox would otherwise send Cloudflare's requests over
 *   an open HTTP/2 connection to "Google" (real providers have different addresses and certificates);
 * - `ui.popup.disable_autohide`: with no window manager on Xvfb, Firefox's panels (the toolbar
 *   popup) roll up the moment they open; with it they stay until Esc, as on a desktop.
 */
export function firefoxPrefs(address: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
    'network.dns.forceResolve': address,
    'network.trr.mode': 5,
    'network.http.http2.coalesce-hostnames': false,
    'ui.popup.disable_autohide': true,
    'browser.aboutwelcome.enabled': false,
    'browser.tabs.firefox-view': false,
    'sidebar.revamp': false,
  };
}

/** Fails (never skips) when something is missing, with the command that fixes it. */
export function requireFirefoxSetup(): void {
  if (!existsSync(FIREFOX)) {
    throw new Error(`No Firefox at ${FIREFOX}: install Debian's with \`apt-get install -y firefox-esr\` (the tests never download a browser).`);
  }
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`npm run build\` first (\`npm test\` does it for you).`);
  }
  requireProgram('Xvfb', 'xvfb');
  requireProgram('xdotool', 'xdotool');
  const version = spawnSync(FIREFOX, ['--version'], { encoding: 'utf8' }).stdout ?? '';
  const major = Number(/(\d+)\./.exec(version)?.[1] ?? 0);
  if (major < 142) throw new Error(`${FIREFOX} is "${version.trim()}"; MXray needs Firefox 142 or later (strict_min_version).`);
}

export interface FirefoxOptions {
  stack: StackInfo;
  /** Provider hosts answered by another server than dnsdist (a fault server), by port. */
  tlsRoutes?: Record<string, number>;
  /** The build to install (default FIREFOX_EXTENSION_DIR, the one `npm run build` wrote). */
  extensionDir?: string;
}

export async function launchFirefox(options: FirefoxOptions): Promise<FirefoxBrowser> {
  requireFirefoxSetup();
  const cleanups: (() => Promise<unknown>)[] = [];
  const cleanUp = async () => {
    for (const step of cleanups.reverse()) await step().catch(() => undefined);
  };
  try {
    const fbdir = await mkdtemp(join(tmpdir(), 'mxray-ff-screen-'));
    cleanups.push(() => rm(fbdir, { recursive: true, force: true }));
    const display: Display = await startXvfb(`${SCREEN.width}x${SCREEN.height}x24`, ['-fbdir', fbdir]);
    cleanups.push(() => display.stop());
    const site = await startSiteServer();
    cleanups.push(() => site.close());
    const hosts = await startLoopbackHosts({ tlsDefaultPort: options.stack.dohPort, tlsRoutes: options.tlsRoutes, httpPort: site.port });
    cleanups.push(() => hosts.close());

    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      protocol: 'webDriverBiDi',
      headless: false,
      acceptInsecureCerts: true,
      defaultViewport: null,
      // Lets WebDriver BiDi open moz-extension:// pages and read the browser's own UI (the context
      // menu's entries); the extension itself runs as it would for anyone.
      args: ['--remote-allow-system-access'],
      env: { ...process.env, DISPLAY: display.name },
      extraPrefsFirefox: firefoxPrefs(hosts.address),
      timeout: 30_000,
    });
    cleanups.push(() => browser.close());

    const install = async (dir: string) => {
      const installed = await browser.installExtension(dir);
      if (installed !== ADDON_ID) throw new Error(`installed ${installed} from ${dir}, expected ${ADDON_ID} (browser_specific_settings.gecko.id)`);
    };
    await install(options.extensionDir ?? FIREFOX_EXTENSION_DIR);
    const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: unknown }> } }).connection;
    const contextId = (page: Page) => (page.mainFrame() as unknown as { _id: string })._id;
    const url = (path: string) => `moz-extension://${ADDON_UUID}/${path.replace(/^\//, '')}`;

    const tab = (await browser.pages())[0] ?? (await browser.newPage());
    const windowId = await focusMainWindow(display.name);
    // The watcher: an extension page in a background tab of the same window (the person's tab
    // stays the active one). Firefox's toolbar popup is not a tab WebDriver can reach, but it is
    // a page of the same extension, so the watcher reads it through extension.getViews().
    const openWatcher = async () => {
      const page = await browser.newPage({ background: true });
      await connection.send('browsingContext.navigate', { context: contextId(page), url: url('options.html'), wait: 'complete' });
      await waitUntil(
        () => page.evaluate(() => typeof (globalThis as { browser?: { extension?: unknown } }).browser?.extension === 'object'),
        'the watcher tab did not become an extension page',
      );
      return page;
    };
    const watcher = await openWatcher();

    const { contexts } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
      contexts: { context: string; url: string }[];
    };
    const chromeContext = contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml')?.context;
    if (!chromeContext) throw new Error('no browser window among the chrome contexts');
    const chrome = async <T>(expression: string): Promise<T> => {
      const { result } = (await connection.send('script.evaluate', {
        expression: `JSON.stringify((() => { ${expression} })())`,
        target: { context: chromeContext },
        awaitPromise: true,
        resultOwnership: 'none',
      })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
      if (result.type !== 'success') throw new Error(`chrome script failed: ${result.exceptionDetails?.text}`);
      return (result.result?.value === undefined ? undefined : JSON.parse(result.result.value)) as T;
    };

    const fx: FirefoxBrowser = {
      browser,
      tab,
      watcher,
      display: display.name,
      focusWindow: async () => void (await focusMainWindow(display.name, windowId)),
      fbdir,
      hosts,
      site,
      url,
      page: (page = tab) => scopeOf({ realm: page, root: 'document', display: display.name, label: 'the tab' }),
      navigate: async (page, target) => void (await connection.send('browsingContext.navigate', { context: contextId(page), url: target, wait: 'complete' })),
      chrome,
      installOver: async (dir) => {
        await install(dir);
        // The old version's pages were closed with it (or are dead documents): a new watcher.
        await fx.watcher.close().catch(() => undefined);
        fx.watcher = await openWatcher();
      },
      close: cleanUp,
    };
    return fx;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

export async function waitUntil(check: () => Promise<boolean>, failure: string, timeout = 8_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The DoH provider hosts the extension ships with, for routing one of them elsewhere. */
export { PROVIDER_HOSTS };
