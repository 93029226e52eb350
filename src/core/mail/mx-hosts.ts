/**
 * The MX hosts a domain names, for sections that check other records against them (MTA-STS
 * `mx:` patterns): not the implicit MX (RFC 5321 §5.1; MTA-STS needs an MX record) and not the
 * null MX. One definition for the core, the views and the CLI.
 */
import type { Report } from '../report';
import type { DnsName } from '../vocabulary';

export function mxHostNames(report: Pick<Report, 'exchanges'>): DnsName[] {
  return report.exchanges.filter((exchange) => !exchange.implicit && exchange.host !== '').map((exchange) => exchange.host);
}
