/** The DMARC section for `mxray --all`: where the policy comes from, the record, its meaning. DNS text goes through `terminalSafe`. */
import { dmarcSourceText, dmarcTagRows, dmarcUnusedRecords, reportAuthorizationText } from '../../core/mail/dmarc/dmarc-wording';
import type { DmarcSection } from '../../core/mail/dmarc/types';
import { terminalSafe } from '../terminal-safe';

export function formatDmarc(section: DmarcSection): string[] {
  const source = dmarcSourceText(section);
  if (source === undefined) return ['looking up the DMARC record…'];
  const lines = [terminalSafe(source)];
  for (const record of dmarcUnusedRecords(section)) lines.push(`not used: ${terminalSafe(record)}`);
  const policy = section.policy;
  if (policy) {
    lines.push(terminalSafe(policy.record));
    const rows = dmarcTagRows(policy);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) lines.push(`${label.padEnd(width)}  ${terminalSafe(value)}`);
  }
  for (const check of section.reportAuthorizations) lines.push(`report address ${terminalSafe(reportAuthorizationText(check))}`);
  return lines;
}
