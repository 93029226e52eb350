import { describe, expect, it } from 'vitest';
import { parseQuery } from '../query';
import type { Exchange, Report } from '../report';
import { mergeReports, routingProgress } from './merge-reports';
import { newReportDraft } from './report-draft';

const draft = (): Report => newReportDraft(parseQuery('a.test'), 'cloudflare', 0, undefined);
const exchange = (host: string, preference: number, settled: boolean): Exchange => ({
  host,
  display: host,
  preference,
  ttl: 300,
  implicit: false,
  cname: [],
  state: settled ? 'resolved' : 'pending',
  addressStatus: { A: settled ? 'ok' : 'pending', AAAA: settled ? 'nodata' : 'pending' },
  addresses: settled ? [{ ip: '192.0.2.1', family: 4, ttl: 60, ptrStatus: 'ok', ptr: [], fcrdns: 'pass' }] : [],
  errors: [],
});

function withMx(report: Report, settled: boolean): Report {
  return {
    ...report,
    mxStatus: 'ok',
    hostStatus: { A: 'nodata', AAAA: 'nodata' },
    exchanges: [exchange('mx1.a.test', 10, settled), exchange('mx2.a.test', 20, settled)],
  };
}

describe('mergeReports: the page routing and the worker report on one screen', () => {
  it("shows the page's report alone as still running (the worker says when the lookup is done)", () => {
    const page = { ...withMx(draft(), true), status: 'done' as const };
    expect(mergeReports(page, undefined)).toMatchObject({ status: 'running', exchanges: page.exchanges });
  });

  it("puts the page's routing into the worker's report while the page is ahead, keeping the worker's mail and findings", () => {
    const page = withMx(draft(), true);
    const worker = { ...draft(), findings: [{ code: 'x', severity: 'info' as const, message: 'm' }] };
    const merged = mergeReports(page, worker)!;
    expect(merged.exchanges.map((e) => e.host)).toEqual(['mx1.a.test', 'mx2.a.test']);
    expect(merged.mxStatus).toBe('ok');
    expect(merged.findings).toBe(worker.findings);
    expect(routingProgress(merged)).toBe(routingProgress(page));
  });

  it("takes the worker's report whole once it has come as far, or is done", () => {
    const page = withMx(draft(), true);
    const worker = withMx(draft(), true);
    expect(mergeReports(page, worker)).toBe(worker);
    const done = { ...withMx(draft(), false), status: 'done' as const };
    expect(mergeReports(page, done)).toBe(done);
  });

  it('counts every settled routing fact', () => {
    expect(routingProgress(draft())).toBe(0);
    expect(routingProgress(withMx(draft(), false))).toBe(5);
    expect(routingProgress(withMx(draft(), true))).toBe(3 + 2 * (3 + 3));
  });
});
