/**
 * The report as a sysadmin reads it in a terminal: a headline, the mail servers sorted by
 * preference with address, PTR and forward check, SPF/DMARC, then the findings. Every piece of
 * DNS data goes through `terminalSafe`.
 */
import type { Address, Exchange, Finding, Report } from '../core/report';
import { terminalSafe } from './terminal-safe';
import { networkText } from '../core/resilience/network-text';
import { resilienceLines } from './format-resilience';
import { textTable } from './text-table';

export interface FormatOptions {
  color: boolean;
  /** Names of resolvers by id, for the footer. */
  resolverName: (id: string) => string;
}

const SEVERITY_COLOR: Record<Finding['severity'], string> = { error: '31', warn: '33', info: '36', ok: '32' };

export function formatReport(report: Report, options: FormatOptions): string {
  const paint = (code: string, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  lines.push(paint('1', headline(report)));
  lines.push(paint('2', footer(report, options)));
  lines.push('');
  if (report.query.kind === 'ip' && report.ptr) {
    lines.push(...textTable(['ADDRESS', 'PTR', 'FORWARD', 'FCrDNS'], ptrRows(report.ptr)));
  } else if (report.exchanges.length > 0) {
    const withNetwork = report.exchanges.some((e) => e.addresses.some((a) => a.asn));
    const rows = report.exchanges.flatMap(exchangeRows).map((row) => (withNetwork ? row : row.filter((_, i) => i !== 4)));
    lines.push(...textTable(['PREF', 'MAIL SERVER', 'TTL', 'ADDRESS', ...(withNetwork ? ['NETWORK'] : []), 'PTR', 'FCrDNS'], rows));
  }
  lines.push(...resilienceLines(report, options.color, findingLine));
  const txt = txtLines(report);
  if (txt.length > 0) lines.push('', ...txt);
  if (report.findings.length > 0) {
    lines.push('', paint('1', 'Findings'));
    for (const finding of report.findings) lines.push(findingLine(finding, options.color));
  }
  return lines.join('\n');
}

/** `  warn   message (RFC ...)`, the severity coloured when asked. */
export function findingLine(finding: Finding, color: boolean): string {
  const rfc = finding.rfc ? ` (${finding.rfc})` : '';
  const severity = finding.severity.padEnd(5);
  return `  ${color ? `\u001b[${SEVERITY_COLOR[finding.severity]}m${severity}\u001b[0m` : severity}  ${terminalSafe(finding.message)}${rfc}`;
}

function headline(report: Report): string {
  const name = terminalSafe(report.query.display);
  if (report.query.kind === 'ip') return `Reverse DNS for ${name}`;
  const via = report.query.kind === 'email' ? ` (from ${terminalSafe(report.query.email ?? report.query.input)})` : '';
  if (report.nullMx) return `${name}${via} accepts no mail (null MX)`;
  const unanswered: Partial<Record<Report['mxStatus'], string>> = {
    error: 'could not be looked up: no resolver answered',
    servfail: 'could not be looked up: the resolver answered SERVFAIL',
    refused: 'could not be looked up: the resolver refused (REFUSED)',
    nxdomain: 'does not exist (NXDOMAIN)',
  };
  if (report.cnameProblem === 'loop') return `${name}${via} is an alias (CNAME) chain that loops: no mail server can be found`;
  if (report.cnameProblem === 'too-long') return `${name}${via} is an alias (CNAME) chain too long to follow: no mail server can be found`;
  const problem = report.mxStatus === 'error' ? errorHeadline(report) : unanswered[report.mxStatus];
  if (problem) return `${name}${via} ${problem}`;
  const usable = report.exchanges.filter((e) => e.state === 'resolved').length;
  if (report.implicitMx) return `${name}${via} has no MX: mail goes to the domain's own address`;
  if (report.exchanges.length === 0) return `${name}${via}: no mail servers found`;
  return `Mail for ${name}${via} goes to ${plural(report.exchanges.length, 'server')} (${usable} with an address)`;
}

/** "No resolver answered" only when none did: an answer MXray refused says so. */
function errorHeadline(report: Report): string {
  const codes = report.errors.map((error) => error.code);
  if (codes.includes('bad-answer')) return 'could not be looked up: the resolver sent an answer MXray cannot use';
  if (codes.includes('unaskable-name')) return 'could not be looked up: it is not a name a DNS query can carry';
  return 'could not be looked up: no resolver answered';
}

function footer(report: Report, options: FormatOptions): string {
  const answered = report.answeredBy.map(options.resolverName).join(', ') || options.resolverName(report.resolver);
  const dnssec = report.authenticated ? ' · DNSSEC validated' : '';
  const { roundTrips, requests, cacheHits } = report.stats;
  const cache = cacheHits > 0 ? `, ${cacheHits} from cache` : '';
  return `resolver ${answered} · ${plural(roundTrips, 'round trip')} · ${plural(requests, 'request')}${cache} · ${report.elapsedMs} ms${dnssec}`;
}

function exchangeRows(exchange: Exchange): string[][] {
  const host =
    terminalSafe(exchange.display) +
    (exchange.implicit ? ' (implicit)' : '') +
    (exchange.cname.length ? ` -> ${exchange.cname.map(terminalSafe).join(' -> ')}` : '');
  const first = [String(exchange.preference), host, String(exchange.ttl)];
  if (exchange.addresses.length === 0) return [[...first, `(${stateText(exchange)})`, '', '', '']];
  return exchange.addresses.map((address, index) => [
    ...(index === 0 ? first : ['', '', '']),
    address.ip,
    terminalSafe(networkText(address.asn)),
    ptrText(address),
    address.fcrdns,
  ]);
}

function stateText(exchange: Exchange): string {
  switch (exchange.state) {
    case 'null':
      return 'null MX: no mail';
    case 'ip-literal':
      return 'IP literal, not a host name';
    case 'nxdomain':
      return 'host does not exist';
    case 'no-address':
      return 'no address';
    case 'pending':
      return 'resolving';
    default:
      if (exchange.errors.some((error) => error.code === 'unaskable-name')) return 'not looked up: not a name a query can carry';
      return `lookup failed: ${exchange.addressStatus.A}/${exchange.addressStatus.AAAA}`;
  }
}

function ptrText(address: Address): string {
  if (address.ptr.length > 0) return address.ptr.map((p) => terminalSafe(p.name)).join(', ');
  if (address.ptrStatus === 'skipped') return '-';
  return `(${address.ptrStatus === 'nxdomain' || address.ptrStatus === 'nodata' ? 'none' : address.ptrStatus})`;
}

function ptrRows(address: Address): string[][] {
  if (address.ptr.length === 0) return [[address.ip, ptrText(address), '', address.fcrdns]];
  return address.ptr.map((p, i) => [
    i === 0 ? address.ip : '',
    terminalSafe(p.name),
    p.forward.join(', ') || `(${p.forwardStatus})`,
    i === 0 ? address.fcrdns : '',
  ]);
}

function txtLines(report: Report): string[] {
  if (report.query.kind === 'ip') return [];
  const lines: string[] = [];
  for (const spf of report.txt.spf) lines.push(`SPF    ${terminalSafe(spf)}`);
  for (const dmarc of report.txt.dmarc) lines.push(`DMARC  ${terminalSafe(dmarc)}`);
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
