/**
 * The queried name is an alias chain no resolver can follow to its end: it loops back on a
 * name already passed, or it is longer than resolvers follow (16 links here; BIND, Unbound
 * and the public resolvers give up at 8 to 17). That is neither "no MX records" nor a name
 * server failure: it is the zone's own records, and senders cannot deliver until it is fixed.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { domainDisplay, mailTo } from '../wording';

export function checkCnameChain(report: ReportFacts): Finding[] {
  if (report.query.kind === 'ip' || !report.cnameProblem) return [];
  const domain = domainDisplay(report.query);
  const chain = report.cname;
  const shown = chain.length > 6 ? [...chain.slice(0, 3), '…', ...chain.slice(-2)] : chain;
  const path = [domain, ...shown].join(' → ');
  const message =
    report.cnameProblem === 'loop'
      ? `${domain} is an alias (CNAME) chain that loops back on itself: ${path}. No resolver can follow it to a name with MX ` +
        `records, so senders get a failure for ${mailTo(report.query)}, hold it, and bounce it after a few days. Break the loop: ` +
        `point the last alias at a name that has MX records (or replace the aliases with the records themselves).`
      : `${domain} is an alias (CNAME) chain of more than ${chain.length} links (${path}), longer than resolvers follow, so ` +
        `they give up before reaching any MX records: senders get a failure for ${mailTo(report.query)}, hold it, and bounce it ` +
        `after a few days. Shorten the chain: point ${domain} straight at the name that has the MX records.`;
  return [
    {
      code: report.cnameProblem === 'loop' ? 'cname-loop' : 'cname-chain-too-long',
      severity: 'error',
      message,
      rfc: 'RFC 1034 §3.6.2',
      subject: report.query.name,
    },
  ];
}
