/**
 * The MTA-STS section for `mxray --all`: the record, then the policy file's meaning and, given
 * the MX hosts, which pattern covers each (RFC 8461 §4.1). DNS and HTTP text go through `terminalSafe`.
 */
import { coverageRows, mtaStsAbsentText, policyRows, policyStateText, shownPolicy } from '../../core/mail/mta-sts/mta-sts-wording';
import type { MtaStsSection } from '../../core/mail/mta-sts/types';
import { terminalSafe } from '../terminal-safe';

export function formatMtaSts(section: MtaStsSection, mxHosts: readonly string[] = []): string[] {
  const absent = mtaStsAbsentText(section);
  if (absent !== undefined) return [absent];
  const lines = section.records.map(terminalSafe);
  const state = policyStateText(section.policy);
  if (state) lines.push(terminalSafe(state));
  const shown = shownPolicy(section.policy);
  if (shown) {
    for (const error of shown.policy.errors) lines.push(`  ${terminalSafe(error)}`);
    for (const [label, value] of policyRows(shown.policy)) lines.push(`  ${label.padEnd(11)}  ${terminalSafe(value)}`);
    for (const [label, value] of coverageRows(shown.policy, mxHosts)) lines.push(`  ${terminalSafe(label)}  ${terminalSafe(value)}`);
  }
  return lines;
}
