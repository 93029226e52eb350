/**
 * The PTR question for an MX address failed (SERVFAIL, REFUSED, no resolver answered): reverse
 * zones are often badly delegated. Receivers that check reverse DNS hit the same failure and
 * usually answer with a temporary rejection, delaying mail this server sends.
 */
import type { AnswerStatus, Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { addressOwners, describeOwned } from './address-owners';
import { reachableFor } from './ranges';

const FAILURES: Partial<Record<AnswerStatus, string>> = { servfail: 'SERVFAIL', refused: 'REFUSED', error: 'no resolver answered' };

export function checkPtrLookupFailed(report: ReportFacts): Finding[] {
  const reachable = reachableFor(report);
  return addressOwners(report).flatMap((owned): Finding[] => {
    const { address } = owned;
    const why = FAILURES[address.ptrStatus];
    if (!why || !reachable(address)) return [];
    const advice =
      address.ptrStatus === 'error'
        ? 'That may be a problem between MXray and the resolver; try again.'
        : 'Receivers that check reverse DNS see the same failure and may delay mail this server sends. The reverse zone is run by whoever holds the address block (usually the hosting provider).';
    return [
      {
        code: 'ptr-lookup-failed',
        severity: 'info',
        message: `The reverse DNS (PTR) lookup for ${describeOwned(owned)} failed (${why}). ${advice}`,
        subject: address.ip,
      },
    ];
  });
}
