/**
 * A reverse name (PTR) that is not a valid host name (RFC 1123 §2.1: letters, digits, hyphens)
 * can never forward-confirm, whatever its address records say: `mail.moc\u202elapyap.example`
 * or a name holding ESC is not a name a receiver's iprev check (RFC 8601 §3) accepts, and it
 * is shown escaped so that it cannot read as another. The lookup does not even ask its address.
 */
import type { Address } from '../report';
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { hostNameProblem } from './hostname-syntax';

export function checkPtrNotHostname(report: ReportFacts): Finding[] {
  const addresses: Address[] = [...report.exchanges.flatMap((e) => e.addresses), ...(report.ptr ? [report.ptr] : [])];
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const address of addresses) {
    for (const ptr of address.ptr) {
      const key = `${address.ip} ${ptr.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const problem = hostNameProblem(ptr.name);
      if (!problem) continue;
      findings.push({
        code: 'ptr-invalid-hostname',
        severity: 'warn',
        message:
          `The reverse name (PTR) of ${address.ip}, ${ptr.name}, is not a valid host name: ${problem}. It can never pass ` +
          `forward-confirmed reverse DNS, whatever its address records say, so receivers that check treat ${address.ip} as ` +
          `having no name. Change the PTR record to a host name of letters, digits and hyphens that resolves back to ${address.ip}.`,
        rfc: 'RFC 1123 §2.1',
        subject: address.ip,
      });
    }
  }
  return findings;
}
