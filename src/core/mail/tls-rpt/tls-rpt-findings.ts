/** What the TLS reporting record means. Nothing is said until the answer is in. */
import type { Finding } from '../../vocabulary';
import { listOf } from '../../wording';
import type { TlsRptSection } from './types';

const FAILED = new Set(['servfail', 'refused', 'error']);

export function tlsRptFindings(section: TlsRptSection, domainDisplay: string): Finding[] {
  if (section.txtStatus === 'pending' || section.txtStatus === 'skipped') return [];
  const name = `_smtp._tls.${section.domain}`;
  if (FAILED.has(section.txtStatus)) {
    return [
      {
        code: 'tls-rpt-lookup-failed',
        severity: 'warn',
        message: `The TLS reporting record of ${domainDisplay} (${name}) could not be looked up (${section.txtStatus.toUpperCase()}).`,
        rfc: 'RFC 8460 §3',
      },
    ];
  }
  if (section.records.length === 0) {
    return [
      {
        code: 'tls-rpt-missing',
        severity: 'info',
        message:
          `${domainDisplay} asks for no SMTP TLS reports (no v=TLSRPTv1 record at ${name}), so you never hear when senders cannot deliver ` +
          `over TLS. That matters most with MTA-STS or DANE, where such failures mean mail is not delivered. Add "v=TLSRPTv1; rua=mailto:tls-reports@${section.domain}".`,
        rfc: 'RFC 8460 §3',
      },
    ];
  }
  if (section.records.length > 1) {
    return [
      {
        code: 'tls-rpt-multiple-records',
        severity: 'warn',
        message: `${name} has ${section.records.length} v=TLSRPTv1 records; senders then send no reports at all. Merge them into one (rua= takes a comma-separated list).`,
        rfc: 'RFC 8460 §3',
      },
    ];
  }
  const parsed = section.parsed;
  if (!parsed) return [];
  const findings: Finding[] = [];
  if (parsed.errors.length > 0) {
    findings.push({
      code: 'tls-rpt-invalid',
      severity: 'warn',
      message: `The TLS reporting record of ${domainDisplay} has errors: ${parsed.errors.join(' ')}${parsed.rua.length === 0 ? ' Senders have nowhere valid to send reports.' : ''}`,
      rfc: 'RFC 8460 §3',
    });
  }
  if (parsed.rua.length > 0) {
    findings.push({
      code: 'tls-rpt-ok',
      severity: 'ok',
      message: `Senders report TLS delivery failures for ${domainDisplay} to ${listOf(parsed.rua)}.`,
      rfc: 'RFC 8460 §3',
    });
  }
  return findings;
}
