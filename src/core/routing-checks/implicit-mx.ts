/**
 * RFC 5321 §5.1: with no MX records, a sender delivers to the domain's own address records
 * ("implicit MX"). Legal, but usually an accident: the address is often a web server.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressesSettled } from './usability';
import { domainDisplay, ipList, mailTo } from '../wording';

export function checkImplicitMx(report: ReportFacts): Finding[] {
  if (report.query.kind === 'ip' || !report.implicitMx) return [];
  const domain = domainDisplay(report.query);
  const self = report.exchanges.find((exchange) => exchange.implicit);
  // List the addresses only once both families are in, so the list never grows under the reader.
  const addresses = self && addressesSettled(self) ? self.addresses : [];
  const where = addresses.length === 0 ? 'its own address' : `its own address${addresses.length > 1 ? 'es' : ''} ${ipList(addresses)}`;
  return [
    {
      code: 'implicit-mx',
      severity: 'warn',
      message:
        `${domain} has no MX record, so senders fall back to ${where} for ${mailTo(report.query)} ` +
        `(the "implicit MX" of RFC 5321 §5.1). Such an address is often a web server that takes no mail, ` +
        `and some senders and spam filters distrust domains without MX. Add an MX record naming the mail ` +
        `server, or a null MX ("0 .", RFC 7505) if ${domain} receives no mail.`,
      rfc: 'RFC 5321 §5.1',
      subject: report.query.name,
    },
  ];
}
