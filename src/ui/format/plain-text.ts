/**
 * "Copy as text": the report as a person would paste it into a ticket or a chat. The same words
 * as the page (cells.ts), aligned in columns, every piece of DNS data made visible (no control
 * characters reach the clipboard).
 */
import { MAIL_SECTION_TITLES, MAIL_SECTIONS } from '../../core/mail/section-ids';
import type { Address, Exchange, Report } from '../../core/report';
import { fcrdnsText, ptrStatusText, severityWord, ttlText, unresolvedText } from './cells';
import { fallbackSentences, footerSummary } from './footer-text';
import { groupByPreference } from './preference-groups';
import { visibleText } from './zone-text';
import { networkText } from '../../core/resilience/network-text';

export function formatPlainText(report: Report): string {
  const lines = [headline(report), ''];
  if (report.query.kind === 'ip') {
    if (report.ptr) lines.push(...table(['Address', 'Reverse DNS (PTR)', 'Forward', 'FCrDNS'], reverseRows(report.ptr)), '');
  } else {
    const network = report.exchanges.some((e) => e.addresses.some((a) => a.asn));
    const rows = exchangeRows(report).map((row) => (network ? row : row.filter((_, i) => i !== 3)));
    if (report.exchanges.length > 0)
      lines.push(...table(['Preference', 'Mail server', 'Address', ...(network ? ['Network'] : []), 'Reverse DNS (PTR)', 'FCrDNS', 'TTL'], rows), '');
    lines.push(...resilienceLines(report));
    lines.push(`SPF:   ${recordsText(report.txt.spf)}`, `DMARC: ${recordsText(report.txt.dmarc)}`, '');
  }
  if (report.findings.length > 0) {
    lines.push('Findings:');
    for (const finding of report.findings) {
      lines.push(`- ${severityWord(finding.severity)}: ${visibleText(finding.message)}${finding.rfc ? ` (${finding.rfc})` : ''}`);
    }
    lines.push('');
  }
  lines.push(...mailSetupLines(report));
  lines.push(footerSummary(report), ...fallbackSentences(report));
  return lines.join('\n');
}

/** The mail setup findings, section by section, as the page lists them. */
function mailSetupLines(report: Report): string[] {
  if (!report.mail) return [];
  const lines = ['Mail setup:'];
  for (const id of MAIL_SECTIONS) {
    const findings = report.mail.findings[id];
    if (!findings || findings.length === 0) continue;
    for (const finding of findings) {
      lines.push(`- ${MAIL_SECTION_TITLES[id]}: ${severityWord(finding.severity)}: ${visibleText(finding.message)}${finding.rfc ? ` (${finding.rfc})` : ''}`);
    }
  }
  return lines.length > 1 ? [...lines, ''] : [];
}

/** "Resilience: 2 networks, 2 countries, backup ready" and its findings, as the page shows them. */
function resilienceLines(report: Report): string[] {
  const resilience = report.resilience;
  if (!resilience || resilience.summary === '') return [];
  const findings = resilience.findings.map((f) => `- ${severityWord(f.severity)}: ${visibleText(f.message)}${f.rfc ? ` (${f.rfc})` : ''}`);
  return [`Resilience: ${visibleText(resilience.summary)}`, ...findings, ''];
}

function headline(report: Report): string {
  const name = visibleText(report.query.display);
  return report.query.kind === 'ip' ? `Reverse DNS for ${name}` : `Mail servers for ${name}`;
}

function recordsText(records: readonly string[]): string {
  return records.length === 0 ? 'none' : records.map(visibleText).join('\n       ');
}

function exchangeRows(report: Report): string[][] {
  const rows: string[][] = [];
  for (const group of groupByPreference(report.exchanges)) {
    group.exchanges.forEach((exchange, index) => {
      const preference = group.loadBalanced && index === 0 ? `${group.preference} (load balanced)` : String(group.preference);
      rows.push(...hostRows(exchange, preference));
    });
  }
  return rows;
}

function hostRows(exchange: Exchange, preference: string): string[][] {
  const host =
    visibleText(exchange.display || '.') +
    (exchange.implicit ? ' (implicit MX)' : '') +
    (exchange.cname.length > 0 ? ` (alias of ${visibleText(exchange.cname.at(-1)!)})` : '');
  if (exchange.addresses.length === 0) return [[preference, host, unresolvedText(exchange), '', '', '', ttlText(exchange.ttl)]];
  return exchange.addresses.map((address, index) => [
    index === 0 ? preference : '',
    index === 0 ? host : '',
    address.ip,
    visibleText(networkText(address.asn)),
    ptrText(address),
    fcrdnsText(address.fcrdns),
    ttlText(address.ttl),
  ]);
}

function ptrText(address: Address): string {
  return ptrStatusText(address) ?? address.ptr.map((p) => visibleText(p.name)).join(', ');
}

function reverseRows(address: Address): string[][] {
  if (address.ptr.length === 0) return [[address.ip, ptrText(address), '', fcrdnsText(address.fcrdns)]];
  return address.ptr.map((p, index) => [
    index === 0 ? address.ip : '',
    visibleText(p.name),
    p.forward.join(', ') || p.forwardStatus,
    index === 0 ? fcrdnsText(address.fcrdns) : '',
  ]);
}

function table(headers: string[], rows: string[][]): string[] {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
