/**
 * For an IP query (typically "why is mail from this server rejected?"): does the address have
 * reverse DNS, and does it forward-confirm (RFC 8601 §3 "iprev")? Exactly one finding once known.
 */
import type { AnswerStatus, Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { isReachable } from './ranges';
import { listOf } from '../wording';

const ANSWERED: ReadonlySet<AnswerStatus> = new Set(['ok', 'nodata', 'nxdomain']);

export function checkIpPtr(report: ReportFacts): Finding[] {
  const address = report.ptr;
  if (report.query.kind !== 'ip' || !address) return [];
  const { ip } = address;
  const names = [...new Set(address.ptr.map((ptr) => ptr.name))];
  const record = address.family === 6 ? 'AAAA' : 'A';

  switch (address.ptrStatus) {
    case 'nxdomain':
    case 'nodata':
      if (!isReachable(address)) return []; // ip-special-range explains why public reverse DNS is moot
      return [
        {
          code: 'ip-no-ptr',
          severity: 'warn',
          message:
            `${ip} has no reverse DNS (PTR record). Many mail receivers reject or junk mail sent from an address ` +
            `without one. Ask whoever runs the address (usually the hosting provider or ISP) to add a PTR record ` +
            `naming the server, and make that name resolve back to ${ip} with an ${record} record.`,
          rfc: 'RFC 1912 §2.1',
          subject: ip,
        },
      ];
    case 'servfail':
    case 'refused':
    case 'error':
      return [
        {
          code: 'ip-ptr-lookup-failed',
          severity: 'warn',
          message:
            address.ptrStatus === 'error'
              ? `MXray could not look up the reverse DNS of ${ip}: no resolver answered. Try again, or choose another resolver.`
              : `The reverse DNS (PTR) lookup for ${ip} failed (${address.ptrStatus.toUpperCase()}). Receivers that check ` +
                `reverse DNS see the same failure and may delay or reject mail from it. The reverse zone is run by ` +
                `whoever holds the address block (usually the hosting provider or ISP).`,
          subject: ip,
        },
      ];
    case 'ok':
      break;
    default:
      return [];
  }

  if (address.fcrdns === 'pass') {
    const found = address.ptr.filter((ptr) => ptr.forward.includes(ip)).map((ptr) => ptr.name);
    const confirmed = found.length > 0 ? found : names;
    const verb = confirmed.length === 1 ? 'resolves' : 'resolve';
    return [
      {
        code: 'ip-ptr-confirmed',
        severity: 'ok',
        message: `${ip} has reverse DNS ${listOf(names)}, and ${listOf(confirmed)} ${verb} back to ${ip} (forward-confirmed reverse DNS). It passes receivers' reverse DNS checks.`,
        rfc: 'RFC 8601 §3',
        subject: ip,
      },
    ];
  }
  // Only names whose forward lookup gave an answer prove a failure; failed lookups prove nothing.
  const answered = address.ptr.filter((ptr) => ANSWERED.has(ptr.forwardStatus)).map((ptr) => ptr.name);
  if (address.fcrdns === 'fail' && answered.length > 0) {
    const names = [...new Set(answered)];
    return [
      {
        code: 'ip-ptr-not-confirmed',
        severity: 'warn',
        message:
          `${ip} has reverse DNS ${listOf(names)}, but ${names.length === 1 ? 'that name does' : 'none of those names does'} ` +
          `not resolve back to ${ip}. Receivers that check forward-confirmed reverse DNS treat the address as having ` +
          `no name. Add an ${record} record for ${ip} to ${names.length === 1 ? names[0] : 'one of the names'}, or change the PTR record.`,
        rfc: 'RFC 8601 §3',
        subject: ip,
      },
    ];
  }
  return [];
}
