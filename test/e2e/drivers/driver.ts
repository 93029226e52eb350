// The one interface the end-to-end scenarios (test/e2e/scenarios/) are written against: what a
// person does with MXray in a browser, as real input on the browser's private X display. Two
// drivers answer it: chromium-driver.ts (playwright-core over CDP) and firefox-driver.ts
// (puppeteer-core over WebDriver BiDi). A scenario never asks which browser it runs in, except
// where the browsers really differ (Firefox names the selection in its menu entry; Chromium
// draws its permission prompt where no protocol sees it) and then through `browser`.
import type { StopOptions } from '../harness/service-worker';
import type { Locator, Page } from 'playwright-core';
import type { StackInfo } from '../../stack/stack-info';
import type { ResolverPorts } from '../harness/resolvers';

/**
 * Where the readers (harness/read-report.ts, harness/xss.ts, scenarios/mail-setup-readers.ts)
 * look: a Playwright page or locator in Chromium, harness/locator.ts's stand-in in Firefox.
 */
export type Scope = Page & Locator;

export interface Point {
  x: number;
  y: number;
}

export type BrowserName = 'chromium' | 'firefox';

/** A file the browser saved to disk for the person (an export). */
export interface SavedFile {
  /** The file's name as saved. */
  name: string;
  /** Its content as UTF-8 text (a byte order mark, if any, kept). */
  text: string;
}

/** A document a person sees: the toolbar popup, an extension page in a tab, the tab they are on. */
export interface View {
  scope: Scope;
  /** Runs `fn` with the view's window (the function travels as source text: no closures). */
  evaluate<R>(fn: (view: Window & typeof globalThis) => R): Promise<R>;
  /**
   * From now on, records every alert/confirm/prompt the document opens (what `onerror=alert(1)`
   * in DNS data would do) and every uncaught error; read them with the returned function.
   */
  watch(): Promise<() => Promise<{ dialogs: string[]; errors: string[] }>>;
  /** Emulates the system colour scheme for this document (`prefers-color-scheme`). */
  colorScheme(scheme: 'light' | 'dark'): Promise<void>;
  /** Saves test-results/screenshots/<name>.png of the view, or of `element` in it. */
  screenshot(name: string, element?: Locator): Promise<void>;
  /** Brings its tab to the front (a no-op for the popup). */
  bringToFront(): Promise<void>;
  /**
   * Runs `click` (the person's click on something that saves a file, e.g. an export button) and
   * returns the file the browser saved, once it is complete on disk.
   */
  download(click: () => Promise<void>): Promise<SavedFile>;
  /** Gives the file at `path` to the `<input type="file">` matched by `selector`, as the file chooser does. */
  chooseFile(selector: string, path: string): Promise<void>;
  close(): Promise<void>;
}

export interface ToolbarPopup extends View {
  /** Epoch ms just before the key press. */
  pressedAt: number;
}

export interface Driver {
  readonly browser: BrowserName;
  /** The person's tab. */
  readonly tab: View;
  /** Loads `url` in the person's tab and brings it to the front. */
  goto(url: string): Promise<void>;
  /** Alt+Shift+M on the person's tab (`_execute_action`): the browser's real popup, activeTab granted. */
  openToolbarPopup(): Promise<ToolbarPopup>;
  /** An extension page (`popup.html?q=…`, `options.html`) in a new tab, as the result page opens. */
  openExtensionPage(path: string): Promise<View>;
  /** Waits for a tab the extension opened on `path` (the options page from the popup's link). */
  waitForExtensionTab(path: string): Promise<View>;
  /**
   * Right-clicks `target` in the person's tab (an element, or a viewport point) and picks MXray's
   * entry in the browser's native context menu: its lookup entry, or `explain` ("Explain with
   * MXray", on a selection). Returns the entry's title where the driver can read it (Firefox),
   * else undefined.
   */
  pickFromContextMenu(target: Locator | Point, entry?: 'explain'): Promise<string | undefined>;
  /** Drags the pointer across `text` in the person's tab (over several lines too); returns the middle of its first line. */
  selectTextByMouse(text: string): Promise<Point>;
  /** A real left click at a viewport point of the person's tab. */
  clickInTab(point: Point): Promise<void>;
  /** Real key presses (xdotool names: `Escape`, `Tab`, `Return`, `space`) to the focused window. */
  pressKeys(...keys: string[]): Promise<void>;
  /** Types text key by key through the X server into whatever has the focus. */
  typeText(text: string): Promise<void>;
  /**
   * Pastes `text` into `field` as a person does: the text goes on the system clipboard, a real
   * click focuses the field, a real Ctrl+V (X key press) pastes it.
   */
  paste(field: Locator, text: string): Promise<void>;
  /**
   * The browser stops MXray's background mid-whatever-it-is-doing, as it stops an idle one
   * (Chromium: the service worker, DevTools' `ServiceWorker.stopAllWorkers`; Firefox: the event
   * page, what about:debugging's "Terminate background script" does). Resolves once the browser
   * reports it stopped; the next event (a page's port connecting again) starts it afresh.
   * `staysStopped` (Chromium; harness/service-worker.ts): and it stays stopped, for a test
   * whose next step must meet a stopped background.
   */
  stopBackground(options?: StopOptions): Promise<void>;
  /** Moves the X pointer to a screen point (out of the way before keyboard-only steps). */
  movePointer(point: Point): Promise<void>;
  /** The person's tab's viewport size. */
  viewport(): Promise<{ width: number; height: number }>;
  /**
   * Answers the browser's permission prompt for an optional host permission with Allow, as a
   * person does, and saves a screen capture of it as `<name>.png`. Fails if no prompt shows.
   * `open` is the click that asks (it must run in the gesture); `whileShown` runs while the
   * prompt is up and unanswered.
   */
  allowPermissionPrompt(open: () => Promise<void>, name: string, whileShown?: () => void | Promise<void>): Promise<void>;
  /**
   * Installs the build at `dir` over MXray as the browser updates an extension: same id, same
   * profile, `runtime.onInstalled` with reason `update`. Chromium: the unpacked extension's
   * directory (an id derives from its path) gets the new build and is loaded again from it in the
   * running browser (DevTools' Extensions.loadUnpacked), as Chrome updates an extension; needs a
   * driver launched with `extensionDir`. Firefox: a temporary add-on with the
   * same gecko id installed over the old one in the running browser. Views opened before are
   * gone afterwards; `tab` is the person's tab of the browser as it is now.
   */
  installUpdate(dir: string): Promise<void>;
  close(): Promise<void>;
}

export interface DriverOptions {
  stack: StackInfo;
  /** Providers played by fault servers (by port); the others are dnsdist. */
  resolvers?: ResolverPorts;
  /** Other HTTPS hosts on loopback ports (`mta-sts.sts.test` → the policy server). */
  httpsHosts?: Record<string, number>;
  /**
   * The build to install (`dist/chromium` or `dist/firefox` of another release, say), instead of
   * the one `npm run build` wrote. Chromium copies it to a directory and a profile of the driver's
   * own, so `installUpdate` can put another build there.
   */
  extensionDir?: string;
}

export type LaunchDriver = (options: DriverOptions) => Promise<Driver>;

/** A browser to run scenarios in: its name (for test titles and the few differences) and its launcher. */
export interface DriverKind {
  name: BrowserName;
  launch: LaunchDriver;
}
