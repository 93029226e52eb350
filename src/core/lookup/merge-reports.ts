/**
 * One report on screen from two lookups of the same name (issue 24): the page's own routing
 * lookup (lookup-routing.ts: MX, addresses, PTR, FCrDNS; no mail checks, no findings) and the
 * worker's full one, which gets the page's answers relayed (core/doh/relayed-answers.ts) and so
 * catches up with it within a message.
 *
 * - Only the page's: shown as it is, but still `running` (the worker's report says when the
 *   whole lookup is done, with the findings and the mail checks).
 * - The worker's has come as far in the routing (or is done): the worker's, whole.
 * - The page's routing is ahead: the worker's report with the page's routing in it. The
 *   exchanges are sorted the same way on both sides (same answers, same plan), so the table
 *   never reorders when one side takes over from the other.
 */
import type { Report } from '../report';

/** How many routing facts are settled: the MX answer, each host's address answers, each PTR and its forward check. */
export function routingProgress(report: Report): number {
  let settled = 0;
  const count = (status: string) => (settled += status === 'pending' ? 0 : 1);
  count(report.mxStatus);
  count(report.hostStatus.A);
  count(report.hostStatus.AAAA);
  for (const exchange of report.exchanges) {
    settled++;
    count(exchange.addressStatus.A);
    count(exchange.addressStatus.AAAA);
    for (const address of exchange.addresses) {
      settled++;
      count(address.ptrStatus);
      count(address.fcrdns);
    }
  }
  return settled;
}

export function mergeReports(page: Report | undefined, worker: Report | undefined): Report | undefined {
  if (!worker) return page && { ...page, status: 'running' };
  if (!page || worker.status === 'done' || routingProgress(worker) >= routingProgress(page)) return worker;
  return {
    ...worker,
    mxStatus: page.mxStatus,
    ...(page.mxTtl === undefined ? {} : { mxTtl: page.mxTtl }),
    hostStatus: page.hostStatus,
    nullMx: page.nullMx,
    implicitMx: page.implicitMx,
    cname: page.cname,
    ...(page.cnameProblem === undefined ? {} : { cnameProblem: page.cnameProblem }),
    exchanges: page.exchanges,
  };
}
