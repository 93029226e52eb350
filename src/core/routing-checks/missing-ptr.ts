/**
 * An MX address without reverse DNS. It does not stop mail *to* the domain, but MX hosts often
 * send mail too (replies, forwards, bounces), and many receivers reject or junk mail from an
 * address without a PTR record (RFC 1912 §2.1: every reachable host should have one).
 * Addresses the internet cannot reach are left to the special-range check: public reverse DNS
 * says nothing about them.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressOwners, describeOwned } from './address-owners';
import { reachableFor } from './ranges';
import { domainDisplay, hostDisplay } from '../wording';

export function checkMissingPtr(report: ReportFacts): Finding[] {
  const domain = domainDisplay(report.query);
  const reachable = reachableFor(report);
  return addressOwners(report).flatMap((owned): Finding[] => {
    const { address, exchanges } = owned;
    if (address.ptrStatus !== 'nxdomain' && address.ptrStatus !== 'nodata') return [];
    if (!reachable(address)) return [];
    const host = hostDisplay(exchanges[0]!);
    return [
      {
        code: 'missing-ptr',
        severity: 'warn',
        message:
          `${describeOwned(owned)} has no reverse DNS (PTR record). That does not stop mail to ${domain} from ` +
          `arriving, but if this server also sends mail, many receivers reject or junk mail from an address ` +
          `without reverse DNS. Ask whoever runs the address (usually the hosting provider) to set its PTR ` +
          `record to ${host}.`,
        rfc: 'RFC 1912 §2.1',
        subject: address.ip,
      },
    ];
  });
}
