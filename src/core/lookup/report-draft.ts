/**
 * The report as a lookup starts it: everything it will ask is `pending`, the rest `skipped`.
 * The mail section comes made (mail-diagnostics.ts's newMailDiagnostics) from the caller, so a
 * routing-only plan does not load the checks' code.
 */
import type { MailDiagnostics } from '../mail/mail-types';
import { REPORT_VERSION, type Report } from '../report';
import { type Query } from '../vocabulary';

export function newReportDraft(query: Query, resolver: string, startedAt: number, mail: MailDiagnostics | undefined): Report {
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
  if (!isIp && mail) draft.mail = mail;
  return draft;
}
