/**
 * What the SPF tree means for mail from the domain (RFC 7208). Pure, and safe on a partial
 * section: each finding waits for the answers its claim rests on, and lookup counts only grow.
 */
import type { Finding } from '../../vocabulary';
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT } from './limits';
import { limitFindings } from './spf-limit-findings';
import { recordFindings } from './spf-record-findings';
import { finalAll, lookupsComplete, spfNodes, type FinalAll, type NodeVisit } from './spf-tree';
import { failureText, lookupCount, termIn } from './spf-wording';
import type { SpfSection } from './types';

export function spfFindings(section: SpfSection, domainDisplay: string): Finding[] {
  const findings = [
    ...spfNodes(section.root).flatMap((visit) => [...nodeFindings(visit, domainDisplay), ...recordFindings(visit, domainDisplay)]),
    ...limitFindings(section, domainDisplay),
    ...endingFindings(finalAll(section.root), domainDisplay),
  ];
  // The same provider include reached twice says the same thing twice.
  const unique = findings.filter((finding, index) => findings.findIndex((other) => other.message === finding.message) === index);
  const ok = okFinding(section, domainDisplay, unique);
  return ok ? [...unique, ok] : unique;
}

/** What the TXT answer for a node says: missing, several, not there, failed, looping. */
function nodeFindings(visit: NodeVisit, domain: string): Finding[] {
  const { node, path } = visit;
  const subject = node.domain;
  const root = node.via === 'root';
  switch (node.status) {
    case 'none':
      if (root) {
        return [
          {
            code: 'spf-missing',
            severity: 'warn',
            message:
              `${domain} publishes no SPF record, so receivers get the SPF result "none": they cannot tell mail from ${domain}'s own ` +
              `servers from forgeries, and large mailbox providers put unauthenticated mail in spam or reject it. Publish one TXT ` +
              `record at ${domain} that starts with "v=spf1", lists the servers that send its mail and ends in "-all" or "~all"; a ` +
              `domain that sends no mail can publish "v=spf1 -all".`,
            rfc: 'RFC 7208 §4.5',
            subject,
          },
        ];
      }
      return [targetMissing(visit, domain, 'publishes no SPF record')];
    case 'nxdomain':
      return root ? [] : [targetMissing(visit, domain, 'does not exist (NXDOMAIN)')];
    case 'multiple':
      return [
        {
          code: 'spf-multiple-records',
          severity: 'error',
          message:
            `${root ? domain : `${node.domain} (named by ${termIn(visit, domain)})`} publishes ${node.records.length} SPF records ` +
            `(TXT records starting with "v=spf1"). RFC 7208 allows exactly one: with several, the SPF check fails with permerror at ` +
            `most receivers and none of them is used. ${root ? 'Merge them into one record.' : `Only the owner of ${node.domain} can fix this; until then, do not rely on that include.`}`,
          rfc: 'RFC 7208 §4.5',
          subject,
        },
      ];
    case 'error':
      return [
        {
          code: 'spf-lookup-failed',
          severity: 'warn',
          message: root
            ? `Looking up the TXT records of ${domain} failed (${failureText(node.txtStatus)}), so its SPF record is unknown. Receivers that see the same failure get temperror and usually defer the mail, retrying later.`
            : `${termIn(visit, domain)}: looking up ${node.domain} failed (${failureText(node.txtStatus)}). Receivers that see the same failure get temperror and usually defer the mail; if it lasts, check the DNS of ${node.domain}.`,
          rfc: 'RFC 7208 §4.4',
          subject,
        },
      ];
    case 'loop':
      return [
        {
          code: 'spf-include-loop',
          severity: 'error',
          message:
            `${termIn(visit, domain)} leads back to ${node.domain}, which is already being evaluated ` +
            `(${[domain, ...path.slice(1), node.domain].join(' → ')}). Receivers go round until the ` +
            `${SPF_LOOKUP_LIMIT}-lookup limit and fail with permerror. Remove the ${node.via} that closes the loop.`,
          rfc: 'RFC 7208 §4.6.4',
          subject,
        },
      ];
    default:
      return [];
  }
}

function targetMissing(visit: NodeVisit, domain: string, what: string): Finding {
  const include = visit.node.via === 'include';
  return {
    code: include ? 'spf-include-no-record' : 'spf-redirect-no-record',
    severity: 'error',
    message:
      `${termIn(visit, domain)}: ${visit.node.domain} ${what}. RFC 7208 makes that a permerror, so the SPF check fails at most ` +
      `receivers for all mail from ${domain}. ${include ? 'Remove the include, or correct the name.' : 'Point the redirect at a domain with an SPF record.'}`,
    rfc: include ? 'RFC 7208 §5.2' : 'RFC 7208 §6.1',
    subject: visit.node.domain,
  };
}

/** How evaluation of the domain's own record ends: `?all`, or no `all` at all. */
function endingFindings(ending: FinalAll, domain: string): Finding[] {
  if (ending.kind === 'unknown') return [];
  const via = ending.node.via === 'redirect' ? ` (through its redirect to ${ending.node.domain})` : '';
  if (ending.kind === 'none') {
    return [
      {
        code: 'spf-no-all',
        severity: 'warn',
        message:
          `The SPF record of ${domain}${via} has neither an "all" mechanism nor a redirect, so mail from servers it does not list ` +
          `gets the default result "neutral", the same as "?all": no protection against forgery. End it in "~all" or "-all".`,
        rfc: 'RFC 7208 §4.7',
        subject: ending.node.domain,
      },
    ];
  }
  if (ending.term.qualifier !== '?') return [];
  return [
    {
      code: 'spf-neutral-all',
      severity: 'warn',
      message:
        `The SPF record of ${domain}${via} ends in "${ending.term.text}" (neutral): receivers treat mail from servers it does not list ` +
        `like mail from a domain without SPF, so it protects nothing against forgery. Once the record lists all your sending ` +
        `servers, end it in "~all" or "-all".`,
      rfc: 'RFC 7208 §8.2',
      subject: ending.node.domain,
    },
  ];
}

/** "It is right": one record, ending in -all or ~all, within the limits, nothing else to say. */
function okFinding(section: SpfSection, domain: string, findings: readonly Finding[]): Finding | undefined {
  if (section.status !== 'done' || findings.some((finding) => finding.severity === 'error' || finding.severity === 'warn')) return undefined;
  const ending = finalAll(section.root);
  if (ending.kind !== 'all' || (ending.term.qualifier !== '-' && ending.term.qualifier !== '~')) return undefined;
  const via = ending.node.via === 'redirect' ? ` (through its redirect to ${ending.node.domain})` : '';
  const meaning =
    ending.term.qualifier === '-'
      ? 'receivers may reject mail from servers it does not list'
      : 'receivers accept mail from servers it does not list but mark it as suspect (softfail)';
  const voids = section.voidLookups > 0 ? ` and ${section.voidLookups} of ${SPF_VOID_LIMIT} void lookups` : '';
  return {
    code: 'spf-ok',
    severity: 'ok',
    message:
      `SPF for ${domain} ends in "${ending.term.text}"${via}: ${meaning}. It needs ` +
      `${lookupCount(section, section.lookups, lookupsComplete(section))} of ${SPF_LOOKUP_LIMIT} DNS lookups${voids}.`,
    rfc: ending.term.qualifier === '-' ? 'RFC 7208 §8.4' : 'RFC 7208 §8.5',
    subject: section.root.domain,
  };
}
