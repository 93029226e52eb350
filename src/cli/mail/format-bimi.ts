/** The BIMI section for `mxray --all`. DNS text goes through `terminalSafe`. */
import { bimiAbsentText, bimiRows } from '../../core/mail/bimi/bimi-wording';
import type { BimiSection } from '../../core/mail/bimi/types';
import { terminalSafe } from '../terminal-safe';

export function formatBimi(section: BimiSection): string[] {
  const absent = bimiAbsentText(section);
  if (absent !== undefined) return [absent];
  const lines = section.records.map(terminalSafe);
  if (section.parsed) {
    const rows = bimiRows(section.parsed);
    const width = Math.max(...rows.map(([label]) => label.length));
    for (const [label, value] of rows) lines.push(`${label.padEnd(width)}  ${terminalSafe(value)}`);
  }
  return lines;
}
