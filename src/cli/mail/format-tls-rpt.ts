/** The TLS reporting section for `mxray --all`. DNS text goes through `terminalSafe`. */
import { tlsRptAbsentText } from '../../core/mail/tls-rpt/tls-rpt-wording';
import type { TlsRptSection } from '../../core/mail/tls-rpt/types';
import { terminalSafe } from '../terminal-safe';

export function formatTlsRpt(section: TlsRptSection): string[] {
  const absent = tlsRptAbsentText(section);
  if (absent !== undefined) return [absent];
  const lines = section.records.map(terminalSafe);
  for (const uri of section.parsed?.rua ?? []) lines.push(`reports to ${terminalSafe(uri)}`);
  return lines;
}
