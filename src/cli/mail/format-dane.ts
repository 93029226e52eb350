/** The DANE section for `mxray --all`: each MX host's status and TLSA records, then the commands that check them on port 25. DNS text goes through `terminalSafe`. */
import { checkCommands, COMMANDS_TEXT, lookupText, recordMeaning, recordVerdict, STATUS_TEXT } from '../../core/mail/dane/dane-wording';
import { tlsaText } from '../../core/mail/dane/tlsa-checks';
import type { DaneSection } from '../../core/mail/dane/types';
import { terminalSafe } from '../terminal-safe';

export function formatDane(section: DaneSection): string[] {
  if (section.lookups.length === 0) return [section.status === 'pending' ? 'Waiting for the MX hosts…' : 'No MX host to check.'];
  const lines: string[] = [];
  for (const lookup of section.lookups) {
    const host = section.hosts.find((h) => h.host === lookup.host);
    const status = host
      ? STATUS_TEXT[host.status] + (host.status === 'valid' ? (host.rollover ? ', ready for a key change' : ', one usable record') : '')
      : '…';
    lines.push(`${terminalSafe(lookup.host).padEnd(40)} ${status}`);
    if (lookup.base !== lookup.host) lines.push(`  TLSA at _25._tcp.${terminalSafe(lookup.base)} (an alias through signed names, RFC 7672 §2.2.3)`);
    if (!host || host.records.length === 0) {
      const absent = lookupText(lookup);
      if (absent !== undefined) lines.push(`  ${terminalSafe(absent)}`);
      continue;
    }
    for (const record of host.records)
      lines.push(`  ${terminalSafe(tlsaText(record))}`, `    ${recordMeaning(record)}: ${terminalSafe(recordVerdict(record, host.status))}`);
  }
  const withRecords = section.hosts.filter((host) => host.records.length > 0);
  if (withRecords.length > 0) {
    lines.push(COMMANDS_TEXT);
    for (const host of withRecords) for (const command of checkCommands(host.host, host.records)) lines.push(`  ${terminalSafe(command)}`);
  }
  return lines;
}
