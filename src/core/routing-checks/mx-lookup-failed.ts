/**
 * An MX host whose address lookup failed (SERVFAIL, REFUSED, or no resolver answered), for one
 * address family or both. Unlike NXDOMAIN or NODATA this is not an answer: senders get the same
 * failure from their own resolvers and usually hold the mail and retry.
 */
import type { Exchange } from '../report';
import type { AnswerStatus, Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { brokenHostConsequence, brokenHostSeverity, exchangeUsability, mailHosts } from './usability';
import { hostDisplay, listOf, mailTo, sentences } from '../wording';

const FAILURE_WORDS: Partial<Record<AnswerStatus, string>> = {
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
  error: 'no resolver answered',
};

const FAMILY = { A: 'IPv4 (A)', AAAA: 'IPv6 (AAAA)' } as const;

export function checkMxLookupFailed(report: ReportFacts): Finding[] {
  return mailHosts(report).flatMap((exchange): Finding[] => {
    if (exchange.state === 'ip-literal') return [];
    // A name no query can carry was never asked: hostname-syntax.ts says why, not "it failed".
    if (exchange.errors.length > 0 && exchange.errors.every((error) => error.code === 'unaskable-name')) return [];
    const failed = (['A', 'AAAA'] as const).filter((type) => FAILURE_WORDS[exchange.addressStatus[type]] !== undefined);
    if (failed.length === 0) return [];
    return [failedLookup(report, exchange, failed)];
  });
}

function failedLookup(report: ReportFacts, exchange: Exchange, failed: ('A' | 'AAAA')[]): Finding {
  const host = hostDisplay(exchange);
  const statuses = failed.map((type) => exchange.addressStatus[type]);
  const why = listOf([...new Set(statuses.map((status) => FAILURE_WORDS[status]!))]);
  const ourSide = statuses.every((status) => status === 'error');
  const cause = ourSide
    ? 'This may be a problem between MXray and the resolver rather than with the host; try again or choose another resolver.'
    : `This usually means a DNSSEC or name server problem in the zone of ${host}, and senders see the same failure.`;
  const detail = exchange.errors[0]?.message;

  if (failed.length === 2 || exchange.state === 'error') {
    // SERVFAIL or REFUSED is what senders get too, so it weighs like a missing host; a failure of
    // MXray's own resolvers says nothing about the host and stays a warning.
    const senderVisible = exchangeUsability(report, exchange) === 'unusable';
    return {
      code: 'mx-host-lookup-failed',
      severity: senderVisible ? brokenHostSeverity(report, exchange) : 'warn',
      message: sentences(
        `The address lookup for the MX host ${host} failed (${why}), so it is unknown whether senders can reach it.`,
        cause,
        senderVisible ? brokenHostConsequence(report, exchange, mailTo(report.query)) : '',
        ourSide && detail ? `(${detail.replace(/\.$/, '')}.)` : '',
      ),
      subject: exchange.host,
    };
  }

  const type = failed[0]!;
  const other = type === 'A' ? 'AAAA' : 'A';
  const otherWorks = exchange.addressStatus[other] === 'ok';
  return {
    code: 'mx-host-lookup-failed',
    severity: 'warn',
    message: sentences(
      `The ${FAMILY[type]} address lookup for the MX host ${host} failed (${why})` + (otherWorks ? `, although its ${FAMILY[other]} lookup works.` : '.'),
      cause,
      'Some senders treat a failed lookup as a reason to hold the mail and retry, which delays it.',
    ),
    subject: exchange.host,
  };
}
