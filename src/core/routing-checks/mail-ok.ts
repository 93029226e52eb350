/**
 * The one "all good" line, only when the report is complete and at least one MX host is usable.
 * It speaks about what the facts show; `runChecks` runs it only when no other check found an
 * error (or failed), so it never sits next to one.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { exchangeUsability, mailHosts } from './usability';
import { countOf, domainDisplay, hostDisplay, ipList, listOf } from '../wording';

export function checkMailOk(report: ReportFacts): Finding[] {
  if (report.status !== 'done' || report.query.kind === 'ip' || report.nullMx) return [];
  const exchanges = mailHosts(report);
  const usable = exchanges.filter((exchange) => exchangeUsability(report, exchange) === 'usable');
  if (usable.length === 0) return [];
  const domain = domainDisplay(report.query);
  const subject = report.query.name;

  if (exchanges.length === 1 && exchanges[0]!.implicit) {
    const ips = ipList(exchanges[0]!.addresses);
    return [{ code: 'mail-ok', severity: 'ok', message: `Mail for ${domain} can be delivered: it goes to the domain's own address (${ips}).`, subject }];
  }
  const hosts = listOf(exchanges.map(hostDisplay));
  const message =
    usable.length === exchanges.length
      ? exchanges.length === 1
        ? `Mail for ${domain} goes to 1 server (${hosts}), which resolves.`
        : `Mail for ${domain} goes to ${exchanges.length} servers (${hosts}); all resolve.`
      : `Mail for ${domain} can be delivered: ${usable.length} of its ${countOf(exchanges.length, 'server')} ` +
        `(${listOf(usable.map(hostDisplay))}) ${usable.length === 1 ? 'resolves' : 'resolve'}.`;
  return [{ code: 'mail-ok', severity: 'ok', message, subject }];
}
