/**
 * The one-word answer to "does this domain accept mail at all?", read from a finished report.
 * The order of the tests is the point: a failed MX question decides nothing (`failed`), a name
 * that does not exist has no mail (`nxdomain`), RFC 7505's null MX refuses it, an MX host with
 * an address takes it, and without MX records RFC 5321 §5.1 falls back to the name's address.
 */
import type { Report } from '../report';
import type { AnswerStatus } from '../vocabulary';
import type { Verdict } from './types';

const FAILED: ReadonlySet<AnswerStatus> = new Set(['error', 'servfail', 'refused', 'pending', 'skipped']);

export function verdictOf(report: Report): Verdict {
  if (FAILED.has(report.mxStatus)) return 'failed';
  if (report.mxStatus === 'nxdomain') return 'nxdomain';
  if (report.nullMx) return 'null-mx';
  if (report.mxStatus === 'ok') {
    const hosts = report.exchanges.filter((exchange) => exchange.state !== 'null');
    if (hosts.some((exchange) => exchange.state === 'resolved')) return 'accepts';
    // An exchange whose questions failed might have an address: that is no answer either way.
    if (hosts.some((exchange) => exchange.state === 'error' || exchange.state === 'pending')) return 'failed';
    return 'no-mail';
  }
  // NODATA for MX: the name itself is the mail host when it has an address.
  if (report.implicitMx) return 'implicit';
  const { A, AAAA } = report.hostStatus;
  if (FAILED.has(A) && FAILED.has(AAAA)) return 'failed';
  return 'no-mail';
}

/** The verdicts in plain words, as the bulk page and the CLI table say them. */
export const VERDICT_TEXT: Record<Verdict, string> = {
  accepts: 'accepts mail',
  implicit: 'accepts mail through implicit MX',
  'null-mx': 'refuses all mail (null MX)',
  nxdomain: 'does not exist',
  'no-mail': 'exists, but mail has nowhere to go',
  failed: 'lookup failed',
};

/** Mail can be delivered to the domain's addresses. */
export function acceptsMail(verdict: Verdict): boolean {
  return verdict === 'accepts' || verdict === 'implicit';
}
