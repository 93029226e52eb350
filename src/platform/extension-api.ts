/**
 * The only door to the extension APIs: webextension-polyfill's promise-based `browser.*`, typed
 * by @types/webextension-polyfill, in every context (the Chromium service worker, Firefox's
 * background page, the popup, the options page and the content script).
 *
 * In Firefox the polyfill is `globalThis.browser` itself (its body is never run, so it costs
 * only its bytes). In Chromium it wraps `chrome.*` in a Proxy that turns callbacks into promises
 * and lets a `runtime.onMessage` listener answer with a promise; namespaces it has no metadata
 * for (`storage.session`, `scripting`) pass through to Chromium's own promise-returning MV3 APIs.
 * The import is static and at the top of every bundle (an MV3 service worker must register its
 * listeners in the first task, and cannot `import()` at all).
 */
import browser from 'webextension-polyfill';

export const extensionApi = browser;

/** The types the shells need for what the browser hands them (a port, a tab, a menu click). */
export type { Menus, Omnibox, Runtime, Storage, Tabs } from 'webextension-polyfill';
