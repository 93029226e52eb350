// Launches Debian's Chromium with the built extension and every name the tests use mapped onto
// loopback: the four shipped DoH providers onto the test stack (so the extension's real default
// settings are what is tested) and the fixture sites onto the local site server.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import type { StackInfo } from '../../stack/stack-info';
import { CHROMIUM, EXTENSION_DIR, requireBuiltExtension, requireChromium } from './paths';
import { resolverRules, type ResolverPorts } from './resolvers';
import { startXvfb, type Display } from './xvfb';

export interface LaunchOptions {
  stack: StackInfo;
  sitePort: number;
  /** Providers played by other servers (fault-server doubles); the rest are dnsdist. */
  resolvers?: ResolverPorts;
  /**
   * Headful Chromium on a private Xvfb display: the real toolbar popup, real context menus and
   * real key presses (see person.ts). Without it, `--headless=new`.
   */
  person?: boolean;
  /** The unpacked extension to load; default `EXTENSION_DIR` (the build). */
  extensionDir?: string;
  /**
   * More `--host-resolver-rules` entries (`MAP mta-sts.sts.test 127.0.0.1:PORT`), put before the
   * default ones: Chromium applies the first rule that matches, so these win over `MAP *.test`.
   */
  extraHostRules?: readonly string[];
  /** More Xvfb arguments when `person` is set, e.g. `['-fbdir', DIR]` to read the screen. */
  xvfbArgs?: readonly string[];
  /** A profile to use and keep (a browser restarted with the same profile); default a fresh one, deleted on close. */
  userDataDir?: string;
  /** Lets the DevTools client load an unpacked extension (`Extensions.loadUnpacked`): the driver's update in place. */
  extensionDebugging?: boolean;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** The X display when `person` is set. */
  display: string | undefined;
  /** `chrome-extension://<id>/<path>` */
  url(path: string): string;
  /**
   * `http://127.0.0.1:<port>` of the browser's DevTools endpoint. Neither Playwright's persistent
   * context nor an already connected CDP client is told about a toolbar popup that opens later;
   * a CDP client that connects while the popup is open finds it (see person.ts).
   */
  cdpEndpoint(): Promise<string>;
  /** A browser-level CDP session of the launching client (Target.getTargets and the like). */
  browserSession(): Promise<CDPSession>;
  close(): Promise<void>;
}

export const WINDOW = { width: 1280, height: 860 };
/** Longest wait for one element or event: a lookup on loopback takes well under a second. */
export const ACTION_TIMEOUT_MS = 8_000;

export async function launchExtensionBrowser(options: LaunchOptions): Promise<ExtensionBrowser> {
  requireChromium();
  requireBuiltExtension();
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const display: Display | undefined = options.person ? await startXvfb(undefined, options.xvfbArgs) : undefined;
  const keepProfile = options.userDataDir !== undefined;
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'mxray-e2e-profile-')));
  const hostRules = [
    ...(options.extraHostRules ?? []),
    ...resolverRules(options.stack, options.resolvers ?? {}),
    `MAP *.test 127.0.0.1:${options.sitePort}`,
    `MAP *.example.co.uk 127.0.0.1:${options.sitePort}`,
    'EXCLUDE localhost',
  ].join(', ');
  const args = [
    ...(options.person ? [] : ['--headless=new']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-features=Translate,OptimizationHints,MediaRouter',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--ignore-certificate-errors',
    `--host-resolver-rules=${hostRules}`,
    '--remote-debugging-port=0',
    ...(options.extensionDebugging ? ['--enable-unsafe-extension-debugging'] : []),
    '--window-position=0,0',
    `--window-size=${WINDOW.width},${WINDOW.height}`,
  ];
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: false,
      args,
      // Headful: pages are as large as the real window; headless: a fixed, same-size viewport.
      viewport: options.person ? null : { width: WINDOW.width, height: WINDOW.height - 100 },
      env: { ...process.env, ...(display ? { DISPLAY: display.name } : {}) },
      timeout: 30_000,
    });
  } catch (error) {
    await display?.stop();
    if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  // Fail a wait well inside the test's own timeout, so the report says which wait it was.
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  // The extension's id is in its service worker's URL (an unpacked extension's id derives from its path).
  let worker: Worker;
  try {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  } catch (error) {
    await context.close().catch(() => undefined);
    await display?.stop();
    if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    throw new Error(
      `The MXray service worker did not start from ${extensionDir} (a manifest or background.js error? load it in chrome://extensions to see): ${String(error)}`,
      { cause: error },
    );
  }
  const extensionId = new URL(worker.url()).host;
  let browserSession: Promise<CDPSession> | undefined;

  return {
    context,
    extensionId,
    display: display?.name,
    url: (path) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
    cdpEndpoint: async () => {
      const [port] = (await readFile(join(userDataDir, 'DevToolsActivePort'), 'utf8')).split('\n');
      return `http://127.0.0.1:${port}`;
    },
    browserSession: () => {
      const browser = context.browser();
      if (!browser) throw new Error('no browser behind the persistent context');
      return (browserSession ??= browser.newBrowserCDPSession());
    },
    close: async () => {
      await context.close().catch(() => undefined);
      await display?.stop();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true }).catch(() => undefined);
    },
  };
}

/** A new tab on an extension page (`popup.html?q=...`), as the result page opens. */
export async function openExtensionPage(browser: ExtensionBrowser, path: string, viewport?: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(browser.url(path));
  return page;
}
