/**
 * "Copy as dig": the report's records in dig's answer-section style, one record a line
 * (`five-mx.test. 300 IN MX 10 mx1.five-mx.test.`), so a sysadmin can paste them into a
 * ticket or compare them with their own dig. What dig would not print as a record (NXDOMAIN,
 * an exchange without address) becomes a `;;` comment line.
 *
 * The report keeps the TTL of MX and address records only; PTR, CNAME and TXT lines are
 * written without one, as `dig +nottlid` does, rather than with an invented number.
 */
import { resolverName } from '../../core/routing-checks/resolver-fallback';
import { reverseName } from './reverse-name';
import type { Address, AnswerStatus, Exchange, Report } from '../../core/report';
import { zoneName, zoneTxt } from './zone-text';

const STATUS_WORD: Partial<Record<AnswerStatus, string>> = {
  nodata: 'NODATA (no records of this type)',
  nxdomain: 'NXDOMAIN',
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
  error: 'no resolver answered',
  pending: 'no answer yet',
};

export function formatDig(report: Report): string {
  const lines = [`; <<>> MXray <<>> ${report.query.kind === 'ip' ? `-x ${report.query.name}` : `${report.query.name} MX`}`];
  lines.push(`;; via ${[...new Set(report.answeredBy.map(resolverName))].join(', ') || resolverName(report.resolver)}`);
  const sections = report.query.kind === 'ip' ? ipSections(report) : domainSections(report);
  for (const [title, body] of sections) {
    if (body.length > 0) lines.push('', `;; ${title}:`, ...body);
  }
  return lines.join('\n');
}

type Section = [title: string, lines: string[]];

function domainSections(report: Report): Section[] {
  const name = zoneName(report.query.name);
  const answer: string[] = [];
  const mxStatus = STATUS_WORD[report.mxStatus];
  if (mxStatus) answer.push(`;; ${name} MX: ${mxStatus}`);
  for (const step of aliasSteps(report.query.name, report.cname)) answer.push(step);
  if (report.implicitMx) answer.push(`;; implicit MX (RFC 5321 §5.1): mail goes to ${name} itself`);
  for (const exchange of report.exchanges) {
    if (!exchange.implicit) answer.push(`${name} ${exchange.ttl} IN MX ${exchange.preference} ${zoneName(exchange.host)}`);
  }
  const additional: string[] = [];
  const reverse: string[] = [];
  const seen = new Set<string>();
  for (const exchange of report.exchanges) {
    if (exchange.state === 'null' || seen.has(exchange.host)) continue;
    seen.add(exchange.host);
    additional.push(...addressLines(exchange));
    for (const address of exchange.addresses) reverse.push(...ptrLines(address));
  }
  const txt = [
    ...txtLines(name, report.txt.records, report.txt.status),
    ...txtLines(zoneName(`_dmarc.${report.query.name}`), report.txt.dmarc, report.txt.dmarcStatus),
  ];
  return [
    ['ANSWER SECTION', answer],
    ['ADDITIONAL SECTION', additional],
    ['REVERSE DNS (PTR)', reverse],
    ['TXT (SPF, DMARC)', txt],
  ];
}

function ipSections(report: Report): Section[] {
  const address = report.ptr;
  if (!address) return [];
  const owner = zoneName(reverseName(address.ip));
  const answer =
    address.ptr.length === 0
      ? [`;; ${owner} PTR: ${STATUS_WORD[address.ptrStatus] ?? 'none'}`]
      : address.ptr.map((p) => `${owner} ${address.ttl} IN PTR ${zoneName(p.name)}`);
  const type = address.family === 4 ? 'A' : 'AAAA';
  const forward = address.ptr.flatMap((p) =>
    p.forward.length > 0
      ? p.forward.map((ip) => `${zoneName(p.name)} IN ${type} ${ip}`)
      : [`;; ${zoneName(p.name)} ${type}: ${STATUS_WORD[p.forwardStatus] ?? p.forwardStatus}`],
  );
  return [
    ['ANSWER SECTION', answer],
    ['FORWARD CHECK (FCrDNS)', forward],
  ];
}

/** `a. IN CNAME b.` for each step of an alias chain (the chain may or may not start with `from`). */
function aliasSteps(from: string, chain: readonly string[]): string[] {
  const names = chain[0] === from ? [...chain] : [from, ...chain];
  const lines: string[] = [];
  for (let i = 1; i < names.length; i++) lines.push(`${zoneName(names[i - 1]!)} IN CNAME ${zoneName(names[i]!)}`);
  return lines;
}

function addressLines(exchange: Exchange): string[] {
  const host = zoneName(exchange.host);
  if (exchange.state === 'ip-literal') return [`;; ${host} is an IP address written as a host name (not looked up)`];
  const lines = aliasSteps(exchange.host, exchange.cname);
  // Address records belong to the end of the alias chain, as in dig's output.
  const owner = zoneName(exchange.cname.at(-1) ?? exchange.host);
  for (const address of exchange.addresses) lines.push(`${owner} ${address.ttl} IN ${address.family === 4 ? 'A' : 'AAAA'} ${address.ip}`);
  if (exchange.addresses.length === 0) {
    const { A, AAAA } = exchange.addressStatus;
    lines.push(A === AAAA ? `;; ${host} A, AAAA: ${STATUS_WORD[A] ?? A}` : `;; ${host} A: ${STATUS_WORD[A] ?? A}; AAAA: ${STATUS_WORD[AAAA] ?? AAAA}`);
  }
  return lines;
}

function ptrLines(address: Address): string[] {
  if (address.ptrStatus === 'skipped') return [];
  const owner = zoneName(reverseName(address.ip));
  if (address.ptr.length === 0) return [`;; ${owner} PTR: ${STATUS_WORD[address.ptrStatus] ?? 'none'}`];
  return address.ptr.map((p) => `${owner} IN PTR ${zoneName(p.name)}`);
}

function txtLines(owner: string, values: readonly string[], status: AnswerStatus): string[] {
  if (values.length === 0) return status === 'skipped' ? [] : [`;; ${owner} TXT: ${STATUS_WORD[status] ?? 'none'}`];
  return values.map((value) => `${owner} IN TXT ${zoneTxt(value)}`);
}
