/** Ask for the TLS reporting record, `_smtp._tls.<domain> TXT` (RFC 8460 §3). One question. */
import { askRecords } from '../ask-records';
import type { ProbeContext } from '../probe-context';
import { isTlsRptRecord, parseTlsRpt } from './parse-tls-rpt';
import type { TlsRptSection } from './types';

export function newTlsRptSection(): TlsRptSection {
  return { status: 'pending', domain: '', txtStatus: 'pending', records: [] };
}

/** Fill `section`; resolves when answered. Never rejects. */
export async function probeTlsRpt(section: TlsRptSection, context: ProbeContext): Promise<void> {
  section.domain = context.domain;
  const { status, records } = await askRecords(context, `_smtp._tls.${context.domain}`, isTlsRptRecord);
  section.txtStatus = status;
  section.records = records;
  if (records.length === 1) section.parsed = parseTlsRpt(records[0]!);
  section.status = 'done';
}
