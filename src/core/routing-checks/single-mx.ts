/**
 * One MX host and no backup. Not a fault: senders queue mail and retry for days when the
 * server is down (RFC 5321 §4.5.4.1), so a backup MX matters far less than folklore says.
 * Said once the host is known to work; a broken single host has its own findings.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { exchangeUsability, mailExchanges } from './usability';
import { domainDisplay, hostDisplay } from '../wording';

export function checkSingleMx(report: ReportFacts): Finding[] {
  if (report.mxStatus !== 'ok' || report.nullMx) return [];
  if (report.exchanges.some((exchange) => exchange.state === 'null')) return []; // a mixed null MX is its own finding
  const hosts = new Set(
    mailExchanges(report)
      .filter((exchange) => !exchange.implicit)
      .map((exchange) => exchange.host),
  );
  if (hosts.size !== 1) return [];
  const exchange = mailExchanges(report)[0]!;
  // Only about a working host: next to "it does not exist", "that is fine" would mislead.
  // Usability only ever goes from pending to usable, so once said this stays true.
  if (exchangeUsability(report, exchange) !== 'usable') return [];
  const host = hostDisplay(exchange);
  return [
    {
      code: 'single-mx',
      severity: 'info',
      message:
        `${host} is the only mail server for ${domainDisplay(report.query)}. That is common and usually fine: ` +
        `if it is down, senders keep the mail queued and retry for several days (RFC 5321 §4.5.4.1), so a short ` +
        `outage loses nothing. A backup MX only helps if it runs the same spam filtering and knows the same ` +
        `recipients; otherwise it is a way around them.`,
      rfc: 'RFC 5321 §4.5.4.1',
      subject: exchange.host,
    },
  ];
}
