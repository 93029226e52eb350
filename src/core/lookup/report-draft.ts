/** The report as a lookup starts it: everything it will ask is `pending`, the rest `skipped`. */
import { newMailDiagnostics, type DiagnosticsOptions } from '../mail/mail-diagnostics';
import { REPORT_VERSION, type Report } from '../report';
import { type Query } from '../vocabulary';

export function newReportDraft(query: Query, resolver: string, startedAt: number, diagnostics: DiagnosticsOptions | undefined): Report {
  const isIp = query.kind === 'ip';
  const domainStatus = isIp ? 'skipped' : 'pending';
  const draft: Report = {
    version: REPORT_VERSION,
    query,
    resolver,
    answeredBy: [],
    startedAt,
    elapsedMs: 0,
    status: 'running',
    mxStatus: domainStatus,
    hostStatus: { A: domainStatus, AAAA: domainStatus },
    nullMx: false,
    implicitMx: false,
    cname: [],
    exchanges: [],
    txt: { records: [], status: domainStatus, spf: [], dmarc: [], dmarcStatus: domainStatus },
    findings: [],
    errors: [],
    resolverEvents: [],
    stats: { requests: 0, cacheHits: 0, roundTrips: 0 },
  };
  if (!isIp && diagnostics) draft.mail = newMailDiagnostics(diagnostics);
  return draft;
}
