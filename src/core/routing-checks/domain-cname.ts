/**
 * The queried name is itself an alias. RFC 5321 §5.1 tells senders to follow it, so mail works,
 * but the MX records that apply are the target's, and the alias cannot have its own MX, SPF or
 * DMARC data next to the CNAME (RFC 2181 §10.1): worth knowing when reading the report.
 */
import type { Finding } from '../vocabulary';
import type { ReportFacts } from './check';
import { aliasTargets, domainDisplay } from '../wording';

export function checkDomainCname(report: ReportFacts): Finding[] {
  if (report.query.kind === 'ip' || report.cnameProblem) return [];
  const targets = aliasTargets(report.query.name, report.cname);
  const target = targets.at(-1);
  if (!target) return [];
  const domain = domainDisplay(report.query);
  return [
    {
      code: 'domain-cname',
      severity: 'info',
      message:
        `${domain} is an alias (CNAME) for ${targets.join(' → ')}, so the mail servers shown are those of ${target}, ` +
        `and ${domain} cannot have MX or TXT (SPF) records of its own. Changes to mail for ${domain} are made at ${target}.`,
      rfc: 'RFC 5321 §5.1',
      subject: report.query.name,
    },
  ];
}
