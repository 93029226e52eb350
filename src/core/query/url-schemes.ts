/**
 * Which URL schemes name a host on the internet that MXray can look up, and what to tell a
 * person who right-clicked on anything else (`chrome://extensions`, `file:///…`).
 */
import { quoteInput } from './quote-input';

/** Schemes whose authority is an internet host (WHATWG URL "special" schemes, minus `file`). */
export const HOST_SCHEMES: ReadonlySet<string> = new Set(['http', 'https', 'ftp', 'ws', 'wss']);

const BROWSER_PAGES = new Set([
  'about',
  'chrome',
  'chrome-extension',
  'chrome-search',
  'chrome-untrusted',
  'devtools',
  'edge',
  'brave',
  'opera',
  'vivaldi',
  'moz-extension',
  'resource',
  'view-source',
  'extension',
]);
const NOT_ON_THE_NETWORK = new Set(['data', 'blob', 'javascript']);

const WHAT_WORKS = 'MXray looks up domains (example.com), email addresses, web addresses (http, https, ftp, ws) and IP addresses.';

export function unsupportedSchemeMessage(scheme: string, input: string): string {
  const lower = scheme.toLowerCase();
  const what = BROWSER_PAGES.has(lower)
    ? 'is a page inside the browser, not a site on the internet'
    : lower === 'file'
      ? 'is a file on this computer; it has no domain to look up'
      : NOT_ON_THE_NETWORK.has(lower)
        ? 'is content in the browser, not an address on the internet'
        : `uses the "${scheme.slice(0, 20)}:" scheme, which MXray does not look up`;
  return `${quoteInput(input)} ${what}. ${WHAT_WORKS}`;
}
