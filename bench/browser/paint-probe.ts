// A script put into popup.html (toolbar popup and result page) before its own code runs. It
// watches the DOM and notes, on the page's clock (ms since performance.timeOrigin, the document's
// navigation start), when the first mail server row was added and when the status line said
// "Looking up" and "Done", and the next animation frame after each: the frame that paints it.
// It also listens, beside the page's own listener, to the lookup port's messages (by wrapping
// chrome.runtime.connect, which the page calls through `extensionApi`), to tell the worker's
// share of the wait from the page's. It also notes every DoH question the page itself fetches
// (it wraps window.fetch; issue #24: the page may ask the first questions while the worker
// wakes), so the bench can tell the page's requests at the resolver from the worker's. And it
// watches the mail server table for the routing report on screen by the DOM alone (no row
// pending, no PTR or FCrDNS cell pending), for a page that renders answers it asked itself
// before any report comes over the port. It changes nothing the page does. Kept as plain JavaScript
// text: it is evaluated in the page as it is (a function's toString() would carry whatever
// helpers the TypeScript loader adds).

export interface PaintMarks {
  /** performance.timeOrigin of the document: epoch ms of its navigation start. */
  timeOrigin: number;
  /** When this probe ran (the document's first script). */
  probeMs: number;
  firstRowAddedMs?: number;
  /** The animation frame after the first `table tbody tr` appeared. */
  firstRowMs?: number;
  /** The status line first said "Looking up" (the lookup was started). */
  lookingUpMs?: number;
  doneAddedMs?: number;
  /** The animation frame after the status line first said "Done". */
  doneMs?: number;
  /** The status line then, e.g. "Done in 183 ms" or "Done in 2 ms (from cache)". */
  doneText?: string;
  domContentLoadedMs?: number;
  /** The first `report` message on the lookup port, and the first with a mail server in it. */
  firstReportMessageMs?: number;
  mxMessageMs?: number;
  /** The first report whose routing is complete (MX, every address, PTR, forward check: core/lookup/routing-progress.ts), and the frame after it. */
  routingMessageMs?: number;
  routingMs?: number;
  doneMessageMs?: number;
  /**
   * Each time the mail server table looked complete (no row pending, no PTR or FCrDNS cell
   * pending) with a new number of rows: the rows, when, and the frame after. The routing is on
   * screen at the first entry whose rows are those the page shows at "Done" (rows are only ever
   * added, so an entry with fewer rows was an address family still pending).
   */
  domRouting?: { rows: number; addedMs: number; frameMs?: number }[];
  /** The rows of the mail server table when "Done" was shown. */
  doneRows?: number;
  /** The DoH requests the page itself made: the `dns` parameter (GET) or body (POST) as base64url, and when. */
  fetches?: { dns: string; atMs: number }[];
}

export const PAINT_MARKS_GLOBAL = '__mxrayBenchMarks';

export const PAINT_PROBE_SOURCE = `(() => {
  if (!location.pathname.endsWith('/popup.html') || window.${PAINT_MARKS_GLOBAL}) return;
  const marks = { timeOrigin: performance.timeOrigin, probeMs: performance.now() };
  window.${PAINT_MARKS_GLOBAL} = marks;
  const nextFrame = (key) => requestAnimationFrame(() => { marks[key] = performance.now(); });
  marks.domRouting = [];
  marks.fetches = [];
  // The mail server table (captioned so, else the page's first) as complete as the DOM can tell: its rows, or 0.
  const serverTable = () => {
    const tables = document.querySelectorAll('table');
    for (const table of tables) if (table.caption && table.caption.textContent === 'Mail servers') return table;
    return tables[0];
  };
  const settledRows = () => {
    const table = serverTable();
    const rows = table ? table.querySelectorAll('tbody tr') : [];
    if (rows.length === 0 || table.querySelector('tr.state-pending, td.fcrdns-pending')) return 0;
    for (const cell of table.querySelectorAll('td.ptr')) if (cell.textContent === '\u2026') return 0;
    return rows.length;
  };
  const observer = new MutationObserver(() => {
    if (marks.firstRowAddedMs === undefined && document.querySelector('table tbody tr')) {
      marks.firstRowAddedMs = performance.now();
      nextFrame('firstRowMs');
    }
    const rows = settledRows();
    const last = marks.domRouting[marks.domRouting.length - 1];
    if (rows > 0 && (!last || last.rows !== rows)) {
      const entry = { rows, addedMs: performance.now() };
      marks.domRouting.push(entry);
      requestAnimationFrame(() => { entry.frameMs = performance.now(); });
    }
    const status = (document.querySelector('[role="status"]') || {}).textContent || '';
    if (marks.lookingUpMs === undefined && status.startsWith('Looking up')) marks.lookingUpMs = performance.now();
    if (marks.doneAddedMs === undefined && status.startsWith('Done')) {
      marks.doneAddedMs = performance.now();
      marks.doneText = status;
      marks.doneRows = (serverTable() || document).querySelectorAll('tbody tr').length;
      nextFrame('doneMs');
      observer.disconnect();
    }
  });
  // Bytes as base64url, as RFC 8484 §4.1 puts them in the dns parameter.
  const base64Url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
  const pageFetch = window.fetch;
  window.fetch = function (input, init) {
    try {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, location.href);
      const body = init && init.body;
      const dns = url.searchParams.get('dns') || (body instanceof ArrayBuffer || ArrayBuffer.isView(body) ? base64Url(new Uint8Array(body.buffer || body, body.byteOffset || 0, body.byteLength)) : '');
      if (dns) marks.fetches.push({ dns, atMs: performance.now() });
    } catch {
      // Not a URL this probe understands: not a DoH question.
    }
    return pageFetch.apply(this, arguments);
  };
  observer.observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', () => { marks.domContentLoadedMs = performance.now(); }, { once: true });
  // src/core/lookup/routing-progress.ts's routingSettled, on the report as the page receives it.
  const pending = (status) => status === 'pending';
  const routingSettled = (report) =>
    !pending(report.mxStatus) &&
    (report.mxStatus !== 'nodata' || report.exchanges.length > 0 || (!pending(report.hostStatus.A) && !pending(report.hostStatus.AAAA))) &&
    report.exchanges.every((e) => !pending(e.addressStatus.A) && !pending(e.addressStatus.AAAA) && e.addresses.every((a) => !pending(a.ptrStatus) && !pending(a.fcrdns)));
  const connect = chrome.runtime.connect;
  chrome.runtime.connect = function (...args) {
    const port = connect.apply(this, args);
    port.onMessage.addListener((message) => {
      if (!message || message.type !== 'report') return;
      const now = performance.now();
      if (marks.firstReportMessageMs === undefined) marks.firstReportMessageMs = now;
      if (marks.mxMessageMs === undefined && message.report.exchanges.length > 0) marks.mxMessageMs = now;
      if (marks.routingMessageMs === undefined && routingSettled(message.report)) {
        marks.routingMessageMs = now;
        nextFrame('routingMs');
      }
      if (marks.doneMessageMs === undefined && message.report.status === 'done') marks.doneMessageMs = now;
    });
    return port;
  };
})();`;
