/** Ask for the TLS reporting record, `_smtp._tls.<domain> TXT` (RFC 8460 §3). One question. */
import type { ProbeContext } from '../probe-context';
import { isTlsRptRecord, parseTlsRpt } from './parse-tls-rpt';
import type { TlsRptSection } from './types';

export function newTlsRptSection(): TlsRptSection {
  return { status: 'pending', domain: '', txtStatus: 'pending', records: [] };
}

/** Fill `section`; resolves when answered. Never rejects. */
export async function probeTlsRpt(section: TlsRptSection, context: ProbeContext): Promise<void> {
  section.domain = context.domain;
  if (context.signal?.aborted) {
    section.txtStatus = 'skipped';
  } else {
    try {
      const answer = await context.ask(`_smtp._tls.${context.domain}`, 'TXT');
      section.records = answer.values.filter(isTlsRptRecord);
      if (section.records.length === 1) section.parsed = parseTlsRpt(section.records[0]!);
      section.txtStatus = answer.status;
    } catch {
      section.txtStatus = 'error';
    }
  }
  section.status = 'done';
}
