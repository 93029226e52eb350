/**
 * `mxray --spf-ip` without --json: the verdict in words, the path, the explanation (fail
 * only), the counts, and the authorized senders. DNS text goes through `terminalSafe`.
 */
import { checkSentence, resultWords } from '../../core/mail/spf/check-host/check-wording';
import type { SendingIp } from '../../core/mail/spf/check-host/sending-ip';
import type { SpfCheck } from '../../core/mail/spf/check-host/types';
import { terminalSafe } from '../terminal-safe';

const MAX_RANGES = 20;

export function formatSpfCheck(check: SpfCheck, ip: SendingIp, color: boolean): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[22m` : text);
  const lines = [bold(`SPF ${resultWords(check.result)}`), terminalSafe(checkSentence(check)), '', `Path         ${terminalSafe(check.pathText)}`];
  if (check.explanation !== null)
    lines.push(
      `Explanation  ${terminalSafe(check.explanation)}${check.explanationSource === 'default' ? ' (default: the domain gives none)' : ` (from ${terminalSafe(check.domain)}'s exp=)`}`,
    );
  lines.push(
    `Lookups      ${check.lookups} of ${check.lookupLimit} DNS-querying terms, ${check.voidLookups} of ${check.voidLimit} void lookups · ${plural(check.roundTrips, 'round trip')} · ${plural(check.questions, 'DNS question')}`,
  );
  const identity =
    check.identity === 'helo'
      ? `HELO ${terminalSafe(check.helo ?? '')} (MAIL FROM empty: postmaster@${terminalSafe(check.domain)})`
      : `MAIL FROM ${terminalSafe(check.sender)}${check.helo ? `, HELO ${terminalSafe(check.helo)}` : ''}`;
  const from = ip.mapped
    ? ` (IPv4-mapped ${terminalSafe(ip.given ?? '')}, checked as IPv4)`
    : ip.given
      ? ` (read from "${terminalSafe(ip.given.slice(0, 80))}")`
      : '';
  lines.push(`Checked      ${check.ip}${from} for ${identity}`);
  lines.push(...authorizedLines(check));
  return lines.join('\n');
}

function authorizedLines(check: SpfCheck): string[] {
  const authorized = check.authorized;
  if (!authorized) return [];
  const lines = [
    '',
    `Authorized senders of ${terminalSafe(check.domain)}: ${authorized.ranges.length} ${authorized.ranges.length === 1 ? 'range' : 'ranges'}, ${authorized.total4} IPv4 and ${authorized.total6} IPv6 addresses`,
  ];
  for (const range of authorized.ranges.slice(0, MAX_RANGES))
    lines.push(
      `  ${range.range.padEnd(24)} ${range.addresses.padStart(12)} ${range.addresses === '1' ? 'address  ' : 'addresses'}  ${terminalSafe(range.domain)}`,
    );
  if (authorized.ranges.length > MAX_RANGES) lines.push(`  … and ${authorized.ranges.length - MAX_RANGES} more (--json lists them all)`);
  if (authorized.names.length > 0) {
    lines.push('  Not flattenable (their addresses live in DNS):');
    for (const name of authorized.names)
      lines.push(
        `  ${terminalSafe(name.term).padEnd(36)} in ${terminalSafe(name.domain)}${name.target && name.target !== name.domain ? ` (${terminalSafe(name.target)})` : ''}`,
      );
  }
  for (const note of authorized.incomplete) lines.push(`  Not read: ${terminalSafe(note)}`);
  return lines;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
