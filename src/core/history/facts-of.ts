/**
 * `factsOf(report)`: the facts of a finished lookup (facts-types.ts), sorted and stripped of
 * TTLs, timings and wording, so equal DNS answers give equal facts whatever their order.
 */
import type { Report } from '../report';
import type { Finding } from '../vocabulary';
import {
  FACTS_VERSION,
  RULES_VERSION,
  RECORD_KINDS,
  type FindingFacts,
  type HostFacts,
  type MailFacts,
  type PtrFacts,
  type RecordFacts,
  type RecordKind,
  type Verdict,
} from './facts-types';
import { compareIp, compareText } from './order';

/**
 * Findings about the check rather than the domain: a resolver that failed or timed out, a
 * question nobody answered, a bug. They come and go between two lookups of an unchanged zone.
 */
const ABOUT_THE_CHECK = new Set([
  'resolver-fallback',
  'resolver-http-error',
  'resolver-timeout',
  'mx-lookup-failed',
  'mx-host-lookup-failed',
  'ptr-lookup-failed',
  'ip-ptr-lookup-failed',
  'internal-error',
  'bad-answer',
]);

export function factsOf(report: Report): MailFacts {
  const findings = allFindings(report);
  const status = report.query.kind === 'ip' ? (report.ptr?.ptrStatus ?? 'error') : report.mxStatus;
  return {
    version: FACTS_VERSION,
    rules: RULES_VERSION,
    name: report.query.name,
    display: report.query.display,
    kind: report.query.kind,
    checkedAt: report.startedAt,
    resolver: report.resolver,
    answeredBy: [...report.answeredBy],
    verdict: verdictOf(status, findings),
    status,
    nullMx: report.nullMx,
    implicitMx: report.implicitMx,
    mx: report.exchanges
      .filter((e) => !e.implicit && e.state !== 'null')
      .map((e) => ({ host: e.host, preference: e.preference }))
      .sort((a, b) => a.preference - b.preference || compareText(a.host, b.host)),
    hosts: hostsOf(report),
    ptr: ptrOf(report),
    records: recordsOf(report),
    findings: findingFacts(findings),
  };
}

function hostsOf(report: Report): HostFacts[] {
  const hosts = new Map<string, HostFacts>();
  for (const exchange of report.exchanges) {
    if (exchange.state === 'null' || hosts.has(exchange.host)) continue;
    hosts.set(exchange.host, {
      host: exchange.host,
      state: exchange.state,
      cname: [...exchange.cname],
      addresses: [...new Set(exchange.addresses.map((a) => a.ip))].sort(compareIp),
    });
  }
  return [...hosts.values()].sort((a, b) => compareText(a.host, b.host));
}

function ptrOf(report: Report): PtrFacts[] {
  const addresses = report.ptr ? [report.ptr] : report.exchanges.flatMap((e) => e.addresses);
  const byIp = new Map<string, PtrFacts>();
  for (const address of addresses) {
    if (byIp.has(address.ip)) continue;
    byIp.set(address.ip, { ip: address.ip, status: address.ptrStatus, names: [...new Set(address.ptr.map((p) => p.name))].sort(compareText) });
  }
  return [...byIp.values()].sort((a, b) => compareIp(a.ip, b.ip));
}

function recordSet(name: string, status: RecordFacts['status'], records: readonly string[]): RecordFacts {
  return { name, status, records: [...new Set(records)].sort(compareText) };
}

/**
 * How each kind's record set is read from a report (the domain's name given), or nothing when the
 * report did not ask for it. SPF and DMARC are in every report (the routing asks their TXT); the
 * others come with the mail diagnostics.
 */
const RECORD_READERS: { [K in RecordKind]: (report: Report, domain: string) => RecordFacts | undefined } = {
  spf: ({ mail, txt }, domain) => (mail ? recordSet(domain, mail.spf.root.txtStatus, mail.spf.root.records) : recordSet(domain, txt.status, txt.spf)),
  dmarc: ({ mail, txt }, domain) => {
    // The DMARC record that applies: the domain's own, or the organisational domain's it fell back to.
    const policyDomain = mail?.dmarc.policy?.domain ?? domain;
    const lookup = mail && (mail.dmarc.lookups.find((l) => l.domain === policyDomain) ?? mail.dmarc.lookups[0]);
    return lookup ? recordSet(`_dmarc.${lookup.domain}`, lookup.status, lookup.records) : recordSet(`_dmarc.${domain}`, txt.dmarcStatus, txt.dmarc);
  },
  mtaSts: ({ mail }) => mail && recordSet(`_mta-sts.${mail.mtaSts.domain}`, mail.mtaSts.txtStatus, mail.mtaSts.records),
  tlsRpt: ({ mail }) => mail && recordSet(`_smtp._tls.${mail.tlsRpt.domain}`, mail.tlsRpt.txtStatus, mail.tlsRpt.records),
  bimi: ({ mail }) => mail && recordSet(mail.bimi.name, mail.bimi.txtStatus, mail.bimi.records),
};

function recordsOf(report: Report): Partial<Record<RecordKind, RecordFacts>> {
  const records: Partial<Record<RecordKind, RecordFacts>> = {};
  if (report.query.kind === 'ip') return records;
  for (const { kind } of RECORD_KINDS) {
    const record = RECORD_READERS[kind](report, report.query.name);
    if (record) records[kind] = record;
  }
  return records;
}

function allFindings(report: Report): Finding[] {
  const mail = Object.values(report.mail?.findings ?? {}).flat();
  return [...report.findings, ...mail].filter((f) => !ABOUT_THE_CHECK.has(f.code));
}

function findingFacts(findings: readonly Finding[]): FindingFacts[] {
  const seen = new Map<string, FindingFacts>();
  for (const f of findings) {
    const fact: FindingFacts = { code: f.code, severity: f.severity };
    if (f.subject !== undefined) fact.subject = f.subject;
    seen.set(`${f.code}\u0000${f.subject ?? ''}\u0000${f.severity}`, fact);
  }
  return [...seen.values()].sort((a, b) => compareText(a.code, b.code) || compareText(a.subject ?? '', b.subject ?? '') || compareText(a.severity, b.severity));
}

/** The one-word verdict: unanswered, or the most severe finding (info counts as ok). */
export function verdictOf(status: MailFacts['status'], findings: readonly Pick<Finding, 'severity'>[]): Verdict {
  if (status === 'error' || status === 'pending') return 'unanswered';
  if (findings.some((f) => f.severity === 'error')) return 'error';
  if (findings.some((f) => f.severity === 'warn')) return 'warn';
  return 'ok';
}
