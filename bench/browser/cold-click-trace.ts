// Issue #24: one cold click, traced. The toolbar popup opened by the key press from a stopped
// worker (connection kept: the 'cold worker' start, the usual first click after the worker went
// idle) at 50 ms RTT, in the current build, as a list of milestones in the order they happened,
// ms from the key press. One run, not a median: it shows the path, the tables give the figures.
import { round } from '../stats';
import type { BrowserBench } from './browser-bench';
import { freshSample, type FreshSample } from './popup-latency';
import type { Start } from './worker-start-state';

export const TRACE_RTT_MS = 50;
const TRACE_START: Start = 'cold worker';

export interface TraceStep {
  milestone: string;
  /** ms from the key press. */
  ms: number;
}

export interface ColdClickTrace {
  rttMs: number;
  start: Start;
  /** Who sent the lookup's first request (request-senders.ts). */
  firstRequestFrom: 'page' | 'worker' | 'none';
  requests: number;
  pageRequests: number;
  steps: TraceStep[];
}

export function traceSteps(s: FreshSample): TraceStep[] {
  const from = s.firstRequestFromPage === 1 ? 'page' : 'worker';
  const steps: [string, number][] = [
    ['key press', 0],
    ['document start', s.documentStart],
    ['DOMContentLoaded', s.domContentLoaded],
    ['"Looking up" shown', s.lookupStarted],
    ['worker started', s.workerStarted],
    [`first request at resolver (from the ${from})`, s.firstRequest],
    ...(s.firstPageRequest !== s.firstRequest ? ([['first request from the page', s.firstPageRequest]] as [string, number][]) : []),
    ...(s.firstWorkerRequest !== s.firstRequest ? ([['first request from the worker', s.firstWorkerRequest]] as [string, number][]) : []),
    ['MX at resolver', s.mxAsked],
    ['MX answered', s.mxAnswered],
    ['MX report in page (lookup port)', s.mxMessage],
    ['first row painted', s.firstRow],
    ['routing report in page (lookup port)', s.routingMessage],
    ['routing on screen', s.routing],
    ['Done painted', s.done],
  ];
  return steps
    .filter(([, ms]) => Number.isFinite(ms))
    .map(([milestone, ms]) => ({ milestone, ms: round(ms) }))
    .sort((a, b) => a.ms - b.ms);
}

export async function traceColdClick(bench: BrowserBench): Promise<ColdClickTrace> {
  bench.setRttMs(TRACE_RTT_MS);
  const sample = await freshSample(bench, 'toolbar popup', TRACE_START);
  return {
    rttMs: TRACE_RTT_MS,
    start: TRACE_START,
    firstRequestFrom: Number.isNaN(sample.firstRequestFromPage) ? 'none' : sample.firstRequestFromPage === 1 ? 'page' : 'worker',
    requests: sample.requests,
    pageRequests: sample.pageRequests,
    steps: traceSteps(sample),
  };
}
