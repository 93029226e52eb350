/**
 * The same host in several MX records (with different preferences: identical records collapse
 * into one, RFC 2181 §5). Harmless, but it only makes senders try the same server again.
 */
import type { Exchange } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { mailExchanges } from './usability';
import { hostDisplay, listOf } from '../wording';

export function checkDuplicateMx(report: ReportFacts): Finding[] {
  const byHost = new Map<string, Exchange[]>();
  for (const exchange of mailExchanges(report)) {
    if (exchange.implicit) continue;
    byHost.set(exchange.host, [...(byHost.get(exchange.host) ?? []), exchange]);
  }
  return [...byHost.values()]
    .filter((records) => records.length > 1)
    .map((records): Finding => {
      const host = hostDisplay(records[0]!);
      const preferences = listOf(records.map((record) => String(record.preference)));
      return {
        code: 'mx-duplicate-host',
        severity: 'info',
        message:
          `${host} is listed in ${records.length} MX records (preferences ${preferences}). When it does not answer, ` +
          `senders just try it again, which only adds delay. Keep one record for it.`,
        subject: records[0]!.host,
      };
    });
}
