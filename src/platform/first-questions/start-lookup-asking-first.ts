/**
 * A lookup from a page that asks the first questions itself (issue 24; docs/architecture.md,
 * "The first questions"). Most toolbar clicks meet a stopped service worker, which starts
 * ~120 ms after the page and sends its first request ~120 ms after that. So the page:
 *   - sends the lookup request at once (it wakes the worker), marked `pageAsks`;
 *   - runs the routing itself (ask-first.ts, a chunk of its own), and relays every question,
 *     answer and failure to the worker (relay-log.ts), which waits for those answers instead of
 *     asking again (core/doh/relayed-answers.ts);
 *   - shows its own routing report until the worker's full one (mail checks, findings,
 *     history) has come as far (core/lookup/merge-reports.ts).
 * The in-page panel does not ask first: it is a content script (the page's CORS rules, not the
 * extension's host permissions), and the context-menu click that opens it has woken the worker.
 */
import { mergeReports } from '../../core/lookup/merge-reports';
import type { Report } from '../../core/report';
import type { LookupRequest } from '../../shared/messages';
import { startLookup, type LookupHandlers } from '../lookup-port';
import { RelayLog } from './relay-log';

/** The page's lookup code, fetched once, as soon as this module loads (not at the first click). */
let askFirstModule: Promise<typeof import('./ask-first')> | undefined;
export function preloadAskFirst(): void {
  askFirstModule ??= import('./ask-first');
}

export function startLookupAskingFirst(request: LookupRequest, handlers: LookupHandlers): () => void {
  preloadAskFirst();
  const controller = new AbortController();
  const relay = new RelayLog();
  let page: Report | undefined;
  let worker: Report | undefined;
  let invalid = false;
  const show = () => {
    const report = mergeReports(page, worker);
    if (report) handlers.onMessage({ type: 'report', report });
  };
  const stop = startLookup(
    { ...request, pageAsks: true },
    {
      onMessage: (message) => {
        if (message.type === 'invalid') {
          invalid = true;
          controller.abort();
          handlers.onMessage(message);
          return;
        }
        worker = message.report;
        show();
      },
      onLost: handlers.onLost,
      onConnect: (post) => relay.attach(post),
    },
  );
  askFirstModule!
    .then(({ askFirst }) =>
      askFirst(request.input, relay.observer, controller.signal, (report) => {
        // Once the worker's report is done (or the input refused), the page's adds nothing.
        if (invalid || controller.signal.aborted || worker?.status === 'done') return;
        page = report;
        show();
      }),
    )
    // The page's lookup is a head start, never a requirement: whatever stops it, the worker asks.
    .catch(() => undefined)
    .finally(() => relay.finish());
  return () => {
    controller.abort();
    stop();
  };
}
