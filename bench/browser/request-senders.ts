// Who sent each request the resolver front received during one lookup: the page or the worker.
// Issue #24 lets the page (popup, result page) ask the first questions itself while it wakes the
// worker; both reach the same front over the same host mapping and look alike there (same
// extension origin, same headers). The paint probe notes every DoH question the page fetched and
// when (paint-probe.ts); a request at the front is the page's when the page fetched that
// question at or before the front received it (each page fetch claims one request, earliest
// first); every other request is the worker's.
import { decodeMessage } from '../../src/core/dns/wire-codec';
import type { PaintMarks } from './paint-probe';
import type { FrontRequest } from './resolver-front';

export type Sender = 'page' | 'worker';

/** The page's and the front's clocks are both the wall clock; allow them this much disagreement. */
const CLOCK_SLACK_MS = 20;

function questionOf(dns: string): string {
  try {
    const [question] = decodeMessage(Buffer.from(dns, 'base64url')).questions;
    return question ? `${question.name} ${question.type}` : '?';
  } catch {
    return '?';
  }
}

/** One sender per request, in the order of `requests`. */
export function requestSenders(requests: readonly FrontRequest[], marks: Pick<PaintMarks, 'timeOrigin' | 'fetches'>): Sender[] {
  const unclaimed = (marks.fetches ?? []).map((fetch) => ({ question: questionOf(fetch.dns), at: marks.timeOrigin + fetch.atMs })).sort((a, b) => a.at - b.at);
  const order = requests.map((request, index) => ({ request, index })).sort((a, b) => a.request.receivedAt - b.request.receivedAt);
  const senders: Sender[] = requests.map(() => 'worker');
  for (const { request, index } of order) {
    const claim = unclaimed.findIndex((fetch) => fetch.question === request.question && fetch.at <= request.receivedAt + CLOCK_SLACK_MS);
    if (claim < 0) continue;
    unclaimed.splice(claim, 1);
    senders[index] = 'page';
  }
  return senders;
}
