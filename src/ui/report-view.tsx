/**
 * Everything MXray knows about one lookup, below its heading: the mail servers (or, for an IP,
 * its reverse DNS), the findings, SPF and DMARC with the mail setup sections (loaded once the
 * routing is complete), and how the lookup went. Renders any partial
 * report: the table appears as soon as the MX answer is in, and fills in as answers land.
 */
import type { Report } from '../core/report';
import type { ReportActions } from './actions';
import { LazyMailSections } from './mail/lazy-mail-sections';
import { FindingsList } from './findings-list';
import { noMailServersText } from './format/cells';
import { MailServerTable } from './mail-server-table';

import { ReverseDnsTable } from './reverse-dns-table';
import { LazyReportFooter, LazyResilienceLine } from './late/lazy-late-parts';
import { LazyHistoryPart } from './history/lazy-history';

export interface ReportViewProps {
  report: Report;
  /** Level of the section headings: 2 under the popup's h1, 3 under the panel's h2. */
  sectionLevel?: 2 | 3;
  actions?: ReportActions;
  rerun?: () => void;
}

export function ReportView({ report, sectionLevel = 2, actions, rerun }: ReportViewProps) {
  const isIp = report.query.kind === 'ip';
  const empty = isIp ? undefined : noMailServersText(report);
  // The SPF/DMARC records and the mail setup come in below the routing once it is complete (or
  // once the checks, started anyway after 1 s, have asked something): loading and drawing them
  // earlier took the thread the routing's own frames need (issue 12, section 6).
  // (core/lookup/routing-progress.ts says when the routing is settled; this is its short form,
  // in the popup's first bundle.)
  const routed =
    report.mxStatus !== 'pending' &&
    report.exchanges.every((e) => !Object.values(e.addressStatus).includes('pending') && e.addresses.every((a) => a.fcrdns !== 'pending'));
  const mailShown = report.status === 'done' || routed || (report.mail?.requests ?? 0) > 0;
  return (
    <div class="report">
      {report.sinceLast && <LazyHistoryPart since={report.sinceLast} />}
      {isIp && report.ptr && <ReverseDnsTable address={report.ptr} />}
      {!isIp && report.exchanges.length > 0 && <MailServerTable exchanges={report.exchanges} />}
      {empty && <p class="no-mail">{empty}</p>}
      {!isIp && <LazyResilienceLine report={report} />}
      <FindingsList findings={report.findings} headingLevel={sectionLevel} />
      {!isIp && mailShown && <LazyMailSections report={report} actions={actions?.mail} rerun={rerun} headingLevel={sectionLevel} />}
      {!isIp && report.status === 'done' && actions?.watch && <LazyHistoryPart watch={{ input: report.query.name, actions: actions.watch }} />}
      <LazyReportFooter report={report} />
    </div>
  );
}
