/**
 * What the DNS said about the queried name itself. NXDOMAIN, "exists but nothing to deliver
 * to", SERVFAIL, REFUSED and "no resolver answered" are different situations with different
 * fixes, so each has its own code (RFC 2308 §2 for the negative answers).
 */
import type { AnswerStatus, Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { domainDisplay, mailTo } from '../wording';

const FAILED: ReadonlySet<AnswerStatus> = new Set(['servfail', 'refused', 'error']);

const STATUS_WORDS: Partial<Record<AnswerStatus, string>> = {
  servfail: 'SERVFAIL',
  refused: 'REFUSED',
  error: 'no resolver answered',
};

export function checkDomainStatus(report: ReportFacts): Finding[] {
  if (report.query.kind === 'ip') return [];
  const { query } = report;
  const domain = domainDisplay(query);
  const subject = query.name;
  const finding = (code: string, severity: Finding['severity'], message: string, rfc?: string): Finding[] => [
    rfc ? { code, severity, message, rfc, subject } : { code, severity, message, subject },
  ];

  switch (report.mxStatus) {
    case 'nxdomain': {
      const alias = report.cname.at(-1);
      if (alias) {
        return finding(
          'domain-nxdomain',
          'error',
          `${domain} is an alias (CNAME) for ${alias}, which does not exist (NXDOMAIN), so ${mailTo(query)} bounces. ` +
            `Point the alias at a name that exists, or replace it with the domain's own records.`,
          'RFC 2308 §2.1',
        );
      }
      const isSubdomain = query.registrable !== undefined && query.registrable !== query.name;
      const fix = isSubdomain
        ? `Check the spelling, and that ${domain} is defined in the DNS of ${query.registrable}.`
        : `Check the spelling; if it is your domain, check that its registration has not lapsed and that the registrar lists the right name servers.`;
      return finding('domain-nxdomain', 'error', `${domain} does not exist in the DNS (NXDOMAIN), so ${mailTo(query)} bounces. ${fix}`, 'RFC 2308 §2.1');
    }

    case 'nodata': {
      const { A, AAAA } = report.hostStatus;
      if (A === 'pending' || AAAA === 'pending') return [];
      if ((A === 'nodata' || A === 'nxdomain') && (AAAA === 'nodata' || AAAA === 'nxdomain')) {
        return finding(
          'domain-no-mail-host',
          'error',
          `${domain} exists but has no MX record and no IPv4 or IPv6 address, so there is nowhere to deliver ` +
            `${mailTo(query)}: it bounces. Add an MX record naming the mail server, or a null MX ("0 .", RFC 7505) ` +
            `to say clearly that ${domain} takes no mail.`,
          'RFC 5321 §5.1',
        );
      }
      if (A !== 'ok' && AAAA !== 'ok' && (FAILED.has(A) || FAILED.has(AAAA))) {
        const why = [A, AAAA].filter((status) => FAILED.has(status)).map((status) => STATUS_WORDS[status])[0];
        return finding(
          'domain-address-lookup-failed',
          'warn',
          `${domain} has no MX record, and the lookup of its own address failed (${why}), so MXray cannot tell ` +
            `whether mail goes to ${domain} itself (RFC 5321 §5.1) or nowhere. Try again, or with another resolver.`,
          'RFC 5321 §5.1',
        );
      }
      return [];
    }

    case 'servfail':
      // A chain that loops or runs too long is the zone's own doing: cname-chain.ts says so.
      if (report.cnameProblem) return [];
      return finding(
        'mx-servfail',
        'error',
        `The resolver could not get an answer for the MX records of ${domain} (SERVFAIL). This usually means a ` +
          `broken DNSSEC chain (for example a DS record at the registrar that no longer matches the zone's keys) or ` +
          `name servers that do not answer. Senders hit the same failure: they hold ${mailTo(query)} in their ` +
          `queues and bounce it after a few days. Check the domain's DNSSEC and name servers.`,
      );

    case 'refused':
      return finding(
        'mx-refused',
        'warn',
        `The resolver refused to answer for the MX records of ${domain} (REFUSED). That is usually a policy of ` +
          `the resolver (for example a filtering resolver blocking the name), not an answer about the domain. ` +
          `Try another resolver; if every resolver refuses, the domain's name servers are not serving ${domain}.`,
      );

    case 'error': {
      const detail = mxError(report);
      return finding(
        'mx-lookup-failed',
        'warn',
        `MXray could not get the MX records of ${domain}: ${detail ? detail.replace(/\.?$/, '.') : 'no resolver answered.'} ` +
          `This is a problem between MXray and the resolver, not necessarily with ${domain}. Check the network ` +
          `connection or choose another resolver.`,
      );
    }

    default:
      return [];
  }
}

/** The error recorded for the MX question, if the lookup kept one. */
function mxError(report: ReportFacts): string | undefined {
  const question = `${report.query.name} mx`;
  const match = report.errors.find((error) => error.question?.toLowerCase() === question);
  return (match ?? report.errors[0])?.message;
}
