/**
 * The toolbar popup's (and the result page's) lookup, started by the page's first script before
 * its own has loaded (issue 24; docs/architecture.md, "The first questions"). popup.js is a
 * module graph of ~20 KB gz (Preact, the app, its chunks): Chromium runs it 60-90 ms after the
 * document starts, and the lookup started only then. What the first question needs is small:
 * the tab's URL (or `?q=`), whether the worker runs, and the lookup port. So popup-early.js, a
 * classic script in the page's head (no imports to fetch), asks the browser for the first two
 * as the document is parsed and, when the worker runs, sends the request at once. It hands
 * popup.js what it started (a property of the page's global object: the two are separate
 * bundles); the app adopts the lookup (the latest message so far, then every one) when it asks
 * for the same. A stopped worker is not woken here: the page asks the first questions itself
 * (start-lookup-asking-first.ts), with the worker's state and the tab's URL asked here.
 */
import { backgroundState, type BackgroundState } from '../platform/first-questions/background-state';
import { startLookup, type LookupHandlers } from '../platform/lookup-port';
import { activeTabUrl } from '../platform/tabs';
import type { LookupMessage, LookupRequest } from '../shared/messages';
import { tabHost } from './tab-host';

/** A lookup running before the app is there to show it: keeps what came until the app takes it. */
export class EarlyLookup {
  private handlers: LookupHandlers | undefined;
  /** Each message is a whole report (or the input refused): the latest says everything so far. */
  private latest: LookupMessage | undefined;
  private lost: string | undefined;
  private taken = false;
  private readonly stop: () => void;

  constructor(readonly request: LookupRequest) {
    this.stop = startLookup(request, {
      onMessage: (message) => (this.handlers ? this.handlers.onMessage(message) : (this.latest = message)),
      onLost: (reason) => (this.handlers ? this.handlers.onLost(reason) : (this.lost = reason)),
    });
  }

  /** The app's lookup of `request`, if it is this one and no one took it yet: its stop function. */
  adopt(request: LookupRequest, handlers: LookupHandlers): (() => void) | undefined {
    if (this.taken || request.input !== this.request.input || request.source !== this.request.source) return undefined;
    this.taken = true;
    this.handlers = handlers;
    if (this.latest) handlers.onMessage(this.latest);
    if (this.lost !== undefined) handlers.onLost(this.lost);
    this.latest = undefined;
    return this.stop;
  }
}

/** What the first script started, for popup.js. */
export interface EarlyStart {
  /** The active tab's URL (the toolbar popup; `undefined` on the result page). */
  tabUrl: Promise<string | undefined> | undefined;
  /** Whether the worker ran as the page started (background-state.ts). */
  workerState: Promise<BackgroundState>;
  /** The lookup sent to a running worker, settled once it is sent or known not to be. */
  lookup: Promise<EarlyLookup | undefined>;
  /** What the page looks up first: `?q=` or the tab's host; `undefined` for a tab with no web page. */
  input: Promise<string | undefined>;
}

/** `?q=` of the result page, or `undefined` in the toolbar popup (which looks its tab's host up). */
export function queryOfPage(search: string): string | undefined {
  return new URLSearchParams(search).get('q')?.trim() || undefined;
}

/** Asks the browser what the first question needs, and sends it to a running worker. */
export function startEarly(query: string | undefined): EarlyStart {
  const tabUrl = query === undefined ? activeTabUrl() : undefined;
  const workerState = backgroundState();
  // Also the handler of a refused tabs.query: the popup then has nothing to look up.
  const input = (async () => query ?? tabHost(await tabUrl))().catch(() => undefined);
  const lookup = (async () => {
    const name = await input;
    if (!name || (await workerState) !== 'running') return undefined;
    return new EarlyLookup({ type: 'lookup', input: name, source: query === undefined ? 'tab' : 'omnibox' });
  })().catch(() => undefined);
  return { tabUrl, workerState, lookup, input };
}

const HANDOFF = 'mxrayEarlyStart';
type Global = Record<typeof HANDOFF, EarlyStart | undefined>;

/** popup-early.js: leaves what it started for popup.js. */
export function handOn(start: EarlyStart): void {
  (globalThis as unknown as Global)[HANDOFF] = start;
}

/** popup.js: what popup-early.js started (once), or the same started now if it did not run. */
export function takeEarlyStart(query: string | undefined): EarlyStart {
  const global = globalThis as unknown as Global;
  const start = global[HANDOFF] ?? startEarly(query);
  global[HANDOFF] = undefined;
  return start;
}

/**
 * Starts a lookup for the app: the early one when it is the same request, else `start` (the
 * page asking first when the worker is stopped). `adopted` runs when the early one is taken.
 * Returns a function that cancels the lookup.
 */
export function adoptEarlyOr(
  early: EarlyStart,
  start: (request: LookupRequest, handlers: LookupHandlers) => () => void,
  adopted: () => void = () => undefined,
) {
  return (request: LookupRequest, handlers: LookupHandlers): (() => void) => {
    let cancelled = false;
    let stop: (() => void) | undefined;
    void early.lookup.then((lookup) => {
      if (cancelled) return;
      const taken = lookup?.adopt(request, handlers);
      if (taken) adopted();
      stop = taken ?? start(request, handlers);
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  };
}
