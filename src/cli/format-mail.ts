/**
 * `mxray --all`: the mail diagnostics after the routing report: the scorecard first (one line
 * per standard), then one titled block per section (its lines from mail/section-lines.ts, then
 * its findings), and `--compare`'s table. Every piece of DNS data goes
 * through `terminalSafe` (in the section formatters).
 */
import { comparisonFindings } from '../core/compare/comparison-findings';
import { rowAnswerText, type ResolverComparison } from '../core/compare/comparison';
import type { MailSectionData } from '../core/mail/mail-types';
import { SCORECARD_TITLES, type ScorecardLine, type ScorecardStatus } from '../core/mail/scorecard/types';
import { MAIL_SECTION_TITLES, MAIL_SECTIONS } from '../core/mail/section-ids';
import type { Report } from '../core/report';
import { findingLine } from './format-report';
import { SECTION_LINES } from './mail/section-lines';
import { terminalSafe } from './terminal-safe';

export function formatMail(report: Report, color: boolean): string {
  const mail = report.mail;
  if (!mail) return '';
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const lines: string[] = mail.scorecard ? formatScorecard(mail.scorecard, color) : [];
  for (const id of MAIL_SECTIONS) {
    const data = (mail as Partial<MailSectionData>)[id];
    if (data === undefined) continue;
    const body = (SECTION_LINES[id] as (data: MailSectionData[typeof id], report: Report) => string[])(data, report);
    lines.push('', bold(MAIL_SECTION_TITLES[id]));
    lines.push(...body.map((line) => `  ${line}`));
    for (const finding of mail.findings[id] ?? []) lines.push(findingLine(finding, color));
  }
  lines.push('', `mail diagnostics: ${mail.requests} requests, ${mail.roundTrips} round trip${mail.roundTrips === 1 ? '' : 's'} at most`);
  return lines.join('\n');
}

/** The word is the status (never the colour alone, NO_COLOR or not); docs/scorecard.md says what each means. */
const STATUS_WORD: Record<ScorecardStatus, string> = { pass: 'pass', warn: 'warn', fail: 'fail', 'not-checked': 'not checked' };
const STATUS_COLOR: Record<ScorecardStatus, string> = { pass: '32', warn: '33', fail: '31', 'not-checked': '2' };

/** `Scorecard`, then `  pass         SPF                   Ends in "-all", 1 of 10 DNS lookups` a line per standard. */
export function formatScorecard(scorecard: readonly ScorecardLine[], color: boolean): string[] {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const width = Math.max(...Object.values(SCORECARD_TITLES).map((title) => title.length));
  const lines = ['', bold('Scorecard')];
  for (const { id, status, summary } of scorecard) {
    const word = STATUS_WORD[status].padEnd(11);
    const shown = color ? `\u001b[${STATUS_COLOR[status]}m${word}\u001b[0m` : word;
    lines.push(`  ${shown}  ${SCORECARD_TITLES[id].padEnd(width)}  ${terminalSafe(summary)}`);
  }
  return lines;
}

export function formatComparison(comparison: ResolverComparison, color: boolean): string {
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const lines = ['', bold(`Compare resolvers: ${terminalSafe(comparison.name)} ${comparison.type}`)];
  const width = Math.max(...comparison.rows.map((row) => row.resolverName.length), 8);
  for (const row of comparison.rows) {
    const said = `${row.status === 'error' ? 'no answer: ' : ''}${terminalSafe(rowAnswerText(row))}`;
    lines.push(`  ${terminalSafe(row.resolverName).padEnd(width)}  ${said}${row.ttl !== undefined ? `  (TTL ${row.ttl})` : ''}  ${row.elapsedMs} ms`);
  }
  for (const finding of comparisonFindings(comparison)) lines.push(findingLine(finding, color));
  return lines.join('\n');
}
