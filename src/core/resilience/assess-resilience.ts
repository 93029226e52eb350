/**
 * `report.resilience`: the compact line ("2 networks, 2 countries, backup ready") and the
 * findings behind it, recomputed on every snapshot like the other checks. Pure.
 */
import type { ReportFacts } from '../routing-checks/check';
import { exchangeUsability } from '../routing-checks/usability';
import type { Severity } from '../vocabulary';
import { diversityFindings } from './diversity';
import { mxNetworks, type MxNetworks } from './mx-networks';
import { nolistingPrimaries } from '../routing-checks/mx-nolisting';
import { preferenceGroups } from './preference-groups';
import { priorityFindings } from './priorities';
import type { Resilience } from './types';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warn: 1, ok: 2, info: 3 };

/** `undefined` where there is nothing to assess: IP queries, a null MX, no MX answer. */
export function assessResilience(report: ReportFacts): Resilience | undefined {
  if (report.query.kind === 'ip' || report.nullMx || report.mxStatus === 'pending') return undefined;
  if (report.mxStatus !== 'ok' && !report.implicitMx) return undefined;
  const facts = mxNetworks(report);
  const findings = [...priorityFindings(report), ...diversityFindings(report)];
  findings.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const status = facts.settled ? 'done' : 'pending';
  const counts = countsPart(facts);
  const backup = backupPart(report, facts);
  return {
    status,
    summary: [counts, backup].filter((part) => part !== '').join(', '),
    networks: facts.ases.length,
    countries: facts.countries.length,
    prefixes: facts.sites.length,
    severity: worstOf(findings, nolistingPrimaries(report).length > 0),
    asnOff: facts.asnOff,
    findings,
  };
}

function worstOf(findings: readonly { severity: Severity }[], nolisting: boolean): Severity {
  const severities: Severity[] = [...findings.map((finding) => finding.severity), ...(nolisting ? (['warn'] as const) : [])];
  return severities.sort((a, b) => SEVERITY_ORDER[a] - SEVERITY_ORDER[b])[0] ?? 'info';
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function countsPart(facts: MxNetworks): string {
  if (facts.hosts.length === 0) return '';
  if (!facts.settled) return 'checking networks…';
  if (facts.asnOff) return plural(facts.sites.length, 'address block', 'address blocks');
  if (facts.ases.length === 0) return 'networks unknown';
  const countries = facts.countries.length > 0 ? `, ${plural(facts.countries.length, 'country', 'countries')}` : '';
  // Counts over the known networks only must not read as the whole picture.
  const unknown = facts.hosts.flatMap((host) => host.addresses).filter((address) => address.asn?.status !== 'ok').length;
  const gap = unknown > 0 ? ` (${plural(unknown, 'address', 'addresses')} unknown)` : '';
  return `${plural(facts.ases.length, 'network', 'networks')}${countries}${gap}`;
}

function backupPart(report: ReportFacts, facts: MxNetworks): string {
  const groups = preferenceGroups(report);
  const hosts = groups.flatMap((group) => group.hosts);
  const usable = hosts.filter((exchange) => exchangeUsability(report, exchange) === 'usable');
  if (report.implicitMx) return 'no MX: the domain itself takes the mail';
  if (usable.length === 0) return hosts.some((exchange) => exchangeUsability(report, exchange) === 'pending') ? '' : 'no reachable mail server';
  if (nolistingPrimaries(report).length > 0) return 'first MX does not answer (nolisting?)';
  if (hosts.length === 1) return 'no backup MX';
  const backups = groups.slice(1).flatMap((group) => group.hosts);
  if (backups.length === 0) return `load shared by ${hosts.length}, no backup`;
  if (!backups.some((exchange) => usable.includes(exchange))) return 'backup not reachable';
  if (facts.settled && facts.hosts.length > 1) {
    const spread = diversityFindings(report).map((finding) => finding.code);
    if (spread.includes('mx-one-network')) return 'backup on the same network';
    if (spread.includes('mx-one-as')) return 'backup in the same AS';
  }
  return 'backup ready';
}
