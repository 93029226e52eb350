/**
 * `mxray --all`: the mail diagnostics after the routing report, one titled block per section
 * (its lines from mail/section-lines.ts, then its findings), and `--compare`'s table. Every piece of DNS data goes
 * through `terminalSafe` (in the section formatters).
 */
import { comparisonFindings } from '../core/compare/comparison-findings';
import { rowAnswerText, type ResolverComparison } from '../core/compare/comparison';
import type { MailSectionData } from '../core/mail/mail-types';
import { MAIL_SECTION_TITLES, MAIL_SECTIONS } from '../core/mail/section-ids';
import type { Report } from '../core/report';
import { findingLine } from './format-report';
import { SECTION_LINES } from './mail/section-lines';
import { terminalSafe } from './terminal-safe';

export function formatMail(report: Report, color: boolean): string {
  const mail = report.mail;
  if (!mail) return '';
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const lines: string[] = [];
  for (const id of MAIL_SECTIONS) {
    const data = (mail as Partial<MailSectionData>)[id];
    if (data === undefined) continue;
    const body = (SECTION_LINES[id] as (data: MailSectionData[typeof id]) => string[])(data);
    lines.push('', bold(MAIL_SECTION_TITLES[id]));
    lines.push(...body.map((line) => `  ${line}`));
    for (const finding of mail.findings[id] ?? []) lines.push(findingLine(finding, color));
  }
  lines.push('', `mail diagnostics: ${mail.requests} requests, ${mail.roundTrips} round trip${mail.roundTrips === 1 ? '' : 's'} at most`);
  return lines.join('\n');
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
