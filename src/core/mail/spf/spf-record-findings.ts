/**
 * What the terms of one record say (RFC 7208 §4.6, §5, §6, §7): syntax errors, `+all`, ptr,
 * a redirect beside `all`, terms after `all`, mechanisms written as modifiers, macros. A record
 * never changes once answered, so these are safe on a partial tree.
 */
import type { Finding } from '../../vocabulary';
import { isMechanismName } from './parse-spf';
import { firstAll, redirectOf, termsInPlay, type NodeVisit } from './spf-tree';
import { cappedList, recordOf } from './spf-wording';

/** What the terms of a record say: syntax errors, +all, ptr, unreachable terms, macros. */
export function recordFindings(visit: NodeVisit, domain: string): Finding[] {
  const { node } = visit;
  if (node.status !== 'ok' && node.status !== 'syntax-error') return [];
  const record = recordOf(visit, domain);
  const finding = (code: string, severity: Finding['severity'], message: string, rfc: string): Finding => ({
    code,
    severity,
    message,
    rfc,
    subject: node.domain,
  });
  const findings: Finding[] = [];
  const bad = node.terms.filter((term) => term.error);
  if (bad.length > 0) {
    const list = cappedList(bad.map((term) => `"${term.text}" (${term.error})`));
    findings.push(
      finding(
        'spf-syntax-error',
        'error',
        `${capitalise(record)} has ${bad.length === 1 ? 'a syntax error' : `${bad.length} syntax errors`}: ${list}. One is enough for the ` +
          `SPF check to fail with permerror at most receivers, so SPF never passes for ${domain}. Fix or remove ${bad.length === 1 ? 'the term' : 'those terms'}.`,
        'RFC 7208 §4.6',
      ),
    );
  }
  const all = firstAll(node.terms);
  if (all?.qualifier === '+') {
    const written = all.text.startsWith('+') ? `"${all.text}"` : `"${all.text}" (the same as "+all")`;
    findings.push(
      finding(
        'spf-plus-all',
        'error',
        node.via === 'root'
          ? `${capitalise(record)} has ${written}, which passes mail from every server on the internet: anyone can send mail as ${domain} and pass SPF. End it in "-all" (or "~all" while testing) after the terms that list your servers.`
          : `${capitalise(record)} has ${written}: everything matches that ${node.via}, so every server on the internet passes SPF for ${domain} and anyone can send mail as it. Remove "${node.term}".`,
        'RFC 7208 §5.1',
      ),
    );
  }
  const { ignored } = termsInPlay(node.terms);
  const redirect = redirectOf(node.terms);
  if (all && redirect) {
    findings.push(
      finding(
        'spf-redirect-ignored',
        'warn',
        `${capitalise(record)} has both "${all.text}" and "${redirect.text}". A redirect is ignored when the record has an "all" ` +
          `mechanism, so ${redirect.value} is never consulted. Remove one of the two.`,
        'RFC 7208 §6.1',
      ),
    );
  }
  const unreached = ignored.filter((term) => term.kind !== 'modifier');
  if (all && unreached.length > 0) {
    findings.push(
      finding(
        'spf-terms-after-all',
        'warn',
        `In ${record}, ${cappedList(unreached.map((term) => `"${term.text}"`))} ${unreached.length === 1 ? 'comes' : 'come'} after "${all.text}" ` +
          `and ${unreached.length === 1 ? 'is' : 'are'} never evaluated: "all" always matches. Move ${unreached.length === 1 ? 'it' : 'them'} before "${all.text}", or remove ${unreached.length === 1 ? 'it' : 'them'}.`,
        'RFC 7208 §5.1',
      ),
    );
  }
  const ptr = node.terms.filter((term) => term.kind === 'mechanism' && term.name === 'ptr' && !term.error);
  if (ptr.length > 0) {
    findings.push(
      finding(
        'spf-ptr',
        'warn',
        `${capitalise(record)} uses ${cappedList(ptr.map((term) => `"${term.text}"`))}. RFC 7208 says ptr SHOULD NOT be used: it is slow, ` +
          `costs several DNS queries per check and depends on the sender's reverse DNS, and some large receivers skip it, so mail it should cover can fail SPF. ` +
          `List the servers with ip4:, ip6: or a instead.`,
        'RFC 7208 §5.5',
      ),
    );
  }
  for (const term of node.terms) {
    if (term.kind !== 'modifier' || term.error || !isMechanismName(term.name)) continue;
    findings.push(
      finding(
        'spf-ignored-modifier',
        'warn',
        `${capitalise(record)} has "${term.text}", which receivers read as an unknown modifier and ignore: the ${term.name} mechanism ` +
          `is written with a colon, "${term.name}:${term.value}".`,
        'RFC 7208 §6',
      ),
    );
  }
  const macros = node.terms.filter((term) => term.macro && !term.error);
  if (macros.length > 0) {
    findings.push(
      finding(
        'spf-macro',
        'info',
        `${capitalise(record)} uses macros (${cappedList(macros.map((term) => `"${term.text}"`))}), which receivers expand with the ` +
          `sending server's address or name. MXray cannot expand them, so it does not follow them, and lookups they cause are not counted.`,
        'RFC 7208 §7',
      ),
    );
  }
  return findings;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
