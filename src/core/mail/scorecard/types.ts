/**
 * The scorecard: "is this domain's mail up to standard?" at a glance, one line per standard with
 * pass / warn / fail / not-checked and a few words why. Plain data (`report.mail.scorecard`), and
 * a file of its own so the shells import the ids and titles without the rules.
 */

/** One id per standard, in the order the lines are shown. */
export const SCORECARD_IDS = ['mx', 'spf', 'dkim', 'dmarc', 'dnssec', 'dane', 'mtaSts', 'tlsRpt', 'ipv6', 'resilience'] as const;
export type ScorecardId = (typeof SCORECARD_IDS)[number];

/**
 * - `pass`: the standard is met (or does not apply: a domain that takes no mail needs no DANE);
 * - `warn`: met in part, or met in a way that protects less than it could;
 * - `fail`: not met;
 * - `not-checked`: not asked in this lookup (an option off, a permission not given, a lookup
 *   still running). Never a judgement of the domain.
 */
export type ScorecardStatus = 'pass' | 'warn' | 'fail' | 'not-checked';

export interface ScorecardLine {
  id: ScorecardId;
  status: ScorecardStatus;
  /** A few words for people: `p=reject`, `No SPF record`. DNS data in it is text, never markup. */
  summary: string;
}

/** Each line's title, the same in the popup, the CLI, the bulk exports and docs/scorecard.md. */
export const SCORECARD_TITLES: Record<ScorecardId, string> = {
  mx: 'MX and routing',
  spf: 'SPF',
  dkim: 'DKIM',
  dmarc: 'DMARC',
  dnssec: 'DNSSEC',
  dane: 'DANE',
  mtaSts: 'MTA-STS',
  tlsRpt: 'TLS-RPT',
  ipv6: 'IPv6 on the MX hosts',
  resilience: 'Resilience',
};

/** Worst first, for sorting: fail, warn, pass, then not-checked (which says nothing about the domain). */
export const STATUS_RANK: Record<ScorecardStatus, number> = { fail: 0, warn: 1, pass: 2, 'not-checked': 3 };

/** The worst status among the lines that were checked; `not-checked` when none was. */
export function worstStatus(lines: readonly Pick<ScorecardLine, 'status'>[]): ScorecardStatus {
  let worst: ScorecardStatus = 'not-checked';
  for (const line of lines) if (STATUS_RANK[line.status] < STATUS_RANK[worst]) worst = line.status;
  return worst;
}
