/**
 * `mxray --all`: the mail diagnostics after the routing report, one titled block per section
 * (its own lines, then its findings), and `--compare`'s table. Every piece of DNS data goes
 * through `terminalSafe` (in the section formatters).
 */
import { validationText } from '../core/mail/dnssec/dnssec-wording';
import { comparisonFindings } from '../core/mail/propagation/comparison-findings';
import { rowAnswerText, type ResolverComparison } from '../core/mail/propagation/comparison';
import { MAIL_SECTION_TITLES, type MailSectionId } from '../core/mail/section-ids';
import type { Report } from '../core/report';
import { findingLine } from './format-report';
import { formatBimi } from './mail/format-bimi';
import { formatBlocklists } from './mail/format-blocklists';
import { formatDkim } from './mail/format-dkim';
import { formatDmarc } from './mail/format-dmarc';
import { formatMtaSts } from './mail/format-mta-sts';
import { formatProvider } from './mail/format-provider';
import { formatSpf } from './mail/format-spf';
import { formatTlsRpt } from './mail/format-tls-rpt';
import { terminalSafe } from './terminal-safe';

export function formatMail(report: Report, color: boolean): string {
  const mail = report.mail;
  if (!mail) return '';
  const bold = (text: string) => (color ? `\u001b[1m${text}\u001b[0m` : text);
  const blocks: [MailSectionId, string[]][] = [
    ['provider', formatProvider(mail.provider)],
    ['spf', formatSpf(mail.spf)],
    ['dmarc', formatDmarc(mail.dmarc)],
    ['dkim', formatDkim(mail.dkim)],
    ['mtaSts', formatMtaSts(mail.mtaSts)],
    ['tlsRpt', formatTlsRpt(mail.tlsRpt)],
    ['bimi', formatBimi(mail.bimi)],
    ['dnssec', dnssecLines(report)],
  ];
  if (mail.blocklists) blocks.push(['blocklists', formatBlocklists(mail.blocklists)]);
  const lines: string[] = [];
  for (const [id, body] of blocks) {
    lines.push('', bold(MAIL_SECTION_TITLES[id]));
    lines.push(...body.map((line) => `  ${line}`));
    for (const finding of mail.findings[id] ?? []) lines.push(findingLine(finding, color));
  }
  lines.push('', `mail diagnostics: ${mail.requests} requests, ${mail.roundTrips} round trip${mail.roundTrips === 1 ? '' : 's'} at most`);
  return lines.join('\n');
}

function dnssecLines(report: Report): string[] {
  const section = report.mail!.dnssec;
  const answers = [section.mx, section.txt, ...section.hosts].filter((answer) => answer !== undefined);
  return answers.map((answer) => `${terminalSafe(answer.question).padEnd(40)} ${validationText(answer)}`);
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
