/**
 * DANE and MTA-STS together: which senders use which. RFC 8461 §2: a sender that validates
 * DNSSEC and finds usable TLSA records uses DANE (RFC 7672) for that host, and MTA-STS does
 * not override it; senders that do not validate use the MTA-STS policy. Both protect the same
 * connection, so both must name the same hosts, or one kind of sender meets an error the other
 * does not.
 */
import type { Finding } from '../../vocabulary';
import type { SectionFacts } from '../mail-section';
import type { DaneSection } from './types';

export function withMtaSts(section: DaneSection, facts: SectionFacts): Finding[] {
  const valid = section.hosts.filter((host) => host.status === 'valid').map((host) => host.host);
  if (valid.length === 0 || !facts.mtaSts) return [];
  const mode =
    facts.mtaSts === 'record'
      ? 'its MTA-STS policy (not read here)'
      : facts.mtaSts === 'enforce'
        ? 'its MTA-STS policy in enforce mode'
        : `its MTA-STS policy in ${facts.mtaSts} mode, which enforces nothing`;
  const some =
    valid.length < section.hosts.length ? ` (${valid.join(', ')}; the other MX hosts have no usable DANE, so every sender uses MTA-STS for them)` : '';
  return [
    {
      code: 'dane-with-mta-sts',
      severity: 'info',
      rfc: 'RFC 8461 §2',
      message: `${facts.domainDisplay} publishes both DANE and MTA-STS. Senders that validate DNSSEC use DANE for its MX hosts${some}; senders that do not use ${mode}. Keep both naming the same hosts and certificates.`,
    },
  ];
}
