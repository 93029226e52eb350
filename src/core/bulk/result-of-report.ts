/**
 * A finished report, cut down to the row a bulk check shows and exports: the verdict, the
 * routing facts (primary MX, MX count, provider), SPF, DMARC and the scorecard when the mail
 * setup was asked for, the worst finding, and why a lookup failed.
 */
import { identifyProviders } from '../mail/provider/identify-providers';
import { worstStatus } from '../mail/scorecard/types';
import type { Report } from '../report';
import type { Finding, Severity } from '../vocabulary';
import type { BulkDomain, BulkResult } from './types';
import { VERDICT_TEXT, verdictOf } from './verdict';

const RANK: Record<Severity, number> = { ok: 0, info: 1, warn: 2, error: 3 };

export function resultOfReport(entry: BulkDomain, report: Report): BulkResult {
  const verdict = verdictOf(report);
  const hosts = report.exchanges.filter((exchange) => exchange.state !== 'null');
  const result: BulkResult = {
    domain: entry.domain,
    display: entry.display,
    addresses: entry.addresses.length,
    verdict,
    verdictText: VERDICT_TEXT[verdict],
    mxCount: hosts.filter((exchange) => !exchange.implicit).length,
  };
  const primary = hosts.find((exchange) => !exchange.implicit);
  if (primary) result.primaryMx = primary.host;
  const provider = identifyProviders(hosts.map((exchange) => exchange.host)).find((match) => match.provider)?.provider;
  if (provider) result.provider = provider.name;
  if (report.mail) {
    result.spf = spfWord(report);
    result.dmarc = dmarcWord(report);
    const lines = report.mail.scorecard ?? [];
    if (lines.length > 0) {
      result.scorecard = Object.fromEntries(lines.map((line) => [line.id, line.status]));
      result.scorecardWorst = worstStatus(lines);
    }
  }
  const worst = worstFinding(report);
  if (worst) result.worstFinding = worst.message;
  const error = report.errors[0]?.message ?? hosts.flatMap((exchange) => exchange.errors)[0]?.message;
  if (verdict === 'failed') result.error = error ?? 'No resolver gave a usable answer.';
  return result;
}

/** A row for a domain whose lookup never ran or threw: the run goes on, the row says why. */
export function failedResult(entry: BulkDomain, why: string): BulkResult {
  return {
    domain: entry.domain,
    display: entry.display,
    addresses: entry.addresses.length,
    verdict: 'failed',
    verdictText: VERDICT_TEXT.failed,
    mxCount: 0,
    error: why,
  };
}

function spfWord(report: Report): string {
  const spf = report.mail!.spf;
  if (spf.root.records.length === 0)
    return spf.root.txtStatus === 'ok' || spf.root.txtStatus === 'nodata' || spf.root.txtStatus === 'nxdomain' ? 'missing' : 'unknown';
  return severityWord(report.mail!.findings.spf ?? []);
}

function dmarcWord(report: Report): string {
  const policy = report.mail!.dmarc.policy;
  if (!policy) return report.mail!.dmarc.resolved ? 'missing' : 'unknown';
  return policy.effective ? `p=${policy.effective}` : severityWord(report.mail!.findings.dmarc ?? []);
}

function severityWord(findings: readonly Finding[]): string {
  const worst = findings.reduce((top, finding) => Math.max(top, RANK[finding.severity]), 0);
  return worst >= 3 ? 'error' : worst === 2 ? 'warn' : 'ok';
}

/** The most severe warning or error of the report (routing and mail setup), if there is one. */
function worstFinding(report: Report): Finding | undefined {
  const all = [...report.findings, ...Object.values(report.mail?.findings ?? {}).flat()];
  let worst: Finding | undefined;
  for (const finding of all) if (RANK[finding.severity] >= RANK.warn && (!worst || RANK[finding.severity] > RANK[worst.severity])) worst = finding;
  return worst;
}
