/**
 * A lookup from a page that asks the first questions itself (issue 24; docs/architecture.md,
 * "The first questions"). Most toolbar clicks meet a stopped service worker, which starts
 * ~120 ms after the page and sends its first request ~120 ms after that. So:
 *   - a running worker (background-state.ts) gets the lookup as it always did: it is ready, its
 *     connection open, and the page asking too would only make it wait for the page's relay;
 *   - otherwise the page runs the routing itself (ask-first.ts, a chunk of its own) and relays
 *     every question, answer and failure to the worker (relay-log.ts), which waits for those
 *     answers instead of asking again (core/doh/relayed-answers.ts). The request, marked
 *     `pageAsks`, goes out when the worker may wake (worker-wake.ts: after the page's first
 *     answer is painted, when the worker was stopped as the page opened); the first relay then
 *     carries everything so far;
 *   - the page shows its own routing report until the worker's full one (mail checks,
 *     findings, history) has come as far (core/lookup/merge-reports.ts). Until the worker has
 *     spoken, the report is marked `pageOnly`: its query names no registrable domain yet.
 * The in-page panel does not ask first: it is a content script (the page's CORS rules, not the
 * extension's host permissions), and the context-menu click that opens it has woken the worker.
 */
import { mailAnswerKnown } from '../../core/lookup/routing-progress';
import { mergeReports } from '../../core/lookup/merge-reports';
import type { Report } from '../../core/report';
import type { LookupRequest } from '../../shared/messages';
import { startLookup, type LookupHandlers } from '../lookup-port';
import { RelayLog } from './relay-log';
import { afterNextPaint, afterWorkerMayWake, letWorkerWake, workerMayWake, workerState } from './worker-wake';

/** The page's lookup code, fetched once: as the popup starts when the worker is stopped (popup.tsx), else at the first lookup that asks first. */
let askFirstModule: Promise<typeof import('./ask-first')> | undefined;
export function preloadAskFirst(): void {
  askFirstModule ??= import('./ask-first');
}

export function startLookupAskingFirst(request: LookupRequest, handlers: LookupHandlers): () => void {
  preloadAskFirst();
  let cancelled = false;
  let stop: (() => void) | undefined;
  void workerState().then((state) => {
    if (cancelled) return;
    stop = state === 'running' ? startLookup(request, handlers) : askFirst(request, handlers);
  });
  return () => {
    cancelled = true;
    stop?.();
  };
}

function askFirst(request: LookupRequest, handlers: LookupHandlers): () => void {
  const controller = new AbortController();
  const relay = new RelayLog();
  let page: Report | undefined;
  let worker: Report | undefined;
  let invalid = false;
  let stopWorker: (() => void) | undefined;
  const show = () => {
    const report = mergeReports(page, worker);
    if (report) handlers.onMessage({ type: 'report', report, ...(worker ? {} : { pageOnly: true }) });
  };
  const connect = () => {
    if (controller.signal.aborted || stopWorker) return;
    stopWorker = startLookup(
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
  };
  void afterWorkerMayWake(connect);
  askFirstModule!
    .then(({ askFirst }) =>
      askFirst(request.input, relay.observer, controller.signal, (report) => {
        // Once the worker's report is done (or the input refused), the page's adds nothing.
        if (invalid || controller.signal.aborted || worker?.status === 'done') return;
        page = report;
        show();
        if (!workerMayWake() && mailAnswerKnown(report)) afterNextPaint(letWorkerWake);
      }),
    )
    // The page's lookup is a head start, never a requirement: whatever stops it, the worker asks.
    .catch(() => undefined)
    .finally(() => {
      relay.finish();
      letWorkerWake();
    });
  return () => {
    controller.abort();
    stopWorker?.();
  };
}
