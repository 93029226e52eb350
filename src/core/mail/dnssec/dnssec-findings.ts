/**
 * What the AD bits say. Only answers that exist count: NXDOMAIN and NODATA can be validated too,
 * but what matters to mail is whether the records a sender uses (MX, then the hosts' addresses)
 * reach it unforged. DANE (RFC 7672) for SMTP needs all of them validated.
 */
import type { Finding } from '../../vocabulary';
import { listOf } from '../../wording';
import type { DnssecSection, ValidatedAnswer } from './types';

const answered = (answer: ValidatedAnswer | undefined): answer is ValidatedAnswer =>
  answer !== undefined && (answer.status === 'ok' || answer.status === 'nodata' || answer.status === 'nxdomain');

export function dnssecFindings(section: DnssecSection, domainDisplay: string): Finding[] {
  if (section.status !== 'done' || !answered(section.mx)) return [];
  const hosts = section.hosts.filter((answer) => answer.status === 'ok');
  const unvalidatedHosts = [...new Set(hosts.filter((answer) => !answer.authenticated).map((answer) => answer.host))];
  if (!section.mx.authenticated) {
    return [
      {
        code: 'dnssec-unsigned',
        severity: 'info',
        message:
          `The resolver did not validate ${domainDisplay}'s MX answer with DNSSEC (no AD bit). With a validating resolver, ` +
          `as all of MXray's built-in ones are, that means the zone is not signed: anyone able to spoof DNS on a sender's path ` +
          `could redirect its mail, and DANE for SMTP (RFC 7672) cannot be used.`,
        rfc: 'RFC 4035 §3.2.3',
      },
    ];
  }
  if (unvalidatedHosts.length > 0) {
    return [
      {
        code: 'dnssec-hosts-unsigned',
        severity: 'info',
        message:
          `${domainDisplay}'s MX answer is DNSSEC-validated, but the addresses of ${listOf(unvalidatedHosts)} are not ` +
          `(their zone is not signed). Senders get the right host names but could be sent to forged addresses; DANE needs both signed.`,
        rfc: 'RFC 7672 §2.2',
      },
    ];
  }
  return [
    {
      code: 'dnssec-validated',
      severity: 'ok',
      message: `The resolver validated ${domainDisplay}'s MX answer${hosts.length > 0 ? ' and every mail host address' : ''} with DNSSEC (AD bit set), so they reached MXray unforged.`,
      rfc: 'RFC 4035 §3.2.3',
    },
  ];
}
