/**
 * The domain's SPF record and everything it pulls in: `include:` and `redirect=` are followed
 * recursively, each record's questions asked together (its includes and the void checks of its
 * a/mx/exists terms), so the tree costs one round trip per level, not one per include.
 *
 * Lookups are counted as receivers count them (RFC 7208 §4.6.4): include, a, mx, ptr, exists and
 * redirect, in every record reached, but not terms after `all` (§5.1) nor a `redirect` next to
 * an `all` (§6.1). The walk is bounded: it stops at loops, below MAX_DEPTH, and once the count
 * passes FOLLOW_BUDGET (by then the verdict is permerror and only the size of the excess is left).
 */
import type { DnsName } from '../../vocabulary';
import type { AskResult } from '../dns-ask';
import type { ProbeContext } from '../probe-context';
import { FOLLOW_BUDGET, MAX_DEPTH } from './limits';
import { isSpfRecord, parseSpf } from './parse-spf';
import { checkDomainSpec } from './spf-macro';
import { countsAsLookup, spfNodes, termsInPlay } from './spf-tree';
import type { SpfNode, SpfSection, SpfTerm, SpfTermCheck } from './types';

export function newSpfSection(domain: DnsName = ''): SpfSection {
  return { status: 'pending', root: newNode(domain, 'root'), lookups: 0, voidLookups: 0 };
}

/** Asks `<domain> TXT` and follows the tree; mutates `section` as answers land. Never rejects. */
export async function probeSpf(section: SpfSection, context: ProbeContext): Promise<void> {
  if (section.root.domain === '') section.root.domain = context.domain;
  try {
    await probeNode(section, section.root, context, []);
  } catch {
    // DnsAsk never rejects; should anything else throw, no node is left looking "in progress".
    for (const { node } of spfNodes(section.root)) if (node.status === 'pending') node.status = 'error';
  }
  section.status = 'done';
}

function newNode(domain: string, via: SpfNode['via'], term?: string): SpfNode {
  return {
    domain,
    via,
    ...(term === undefined ? {} : { term }),
    status: 'pending',
    txtStatus: 'pending',
    records: [],
    terms: [],
    errors: [],
    lookups: 0,
    checks: [],
    children: [],
  };
}

async function probeNode(section: SpfSection, node: SpfNode, context: ProbeContext, path: string[], after?: AskResult): Promise<void> {
  if (context.signal?.aborted) {
    node.status = 'aborted';
    node.txtStatus = 'skipped';
    return;
  }
  const answer = await context.ask(node.domain, 'TXT', after);
  node.txtStatus = answer.status;
  // RFC 7208 §4.6.4: an include: or redirect= whose TXT question finds nothing (NXDOMAIN, or
  // NOERROR with no records) is a void lookup like an a/mx/exists term's. The domain's own TXT
  // question is not a term, so it does not count.
  if (node.via !== 'root' && (answer.status === 'nxdomain' || answer.status === 'nodata')) section.voidLookups += 1;
  if (answer.status === 'nxdomain') return void (node.status = 'nxdomain');
  if (answer.status !== 'ok' && answer.status !== 'nodata') return void (node.status = 'error');
  node.records = answer.values.filter(isSpfRecord);
  // RFC 7208 §4.5: no record is "none"; more than one is a permerror, and none of them is used.
  if (node.records.length !== 1) return void (node.status = node.records.length === 0 ? 'none' : 'multiple');
  const parsed = parseSpf(node.records[0]!);
  node.terms = parsed.terms;
  node.errors = parsed.errors;
  node.status = parsed.errors.length > 0 ? 'syntax-error' : 'ok';
  const { evaluated, ignored } = termsInPlay(parsed.terms);
  node.lookups = evaluated.filter(countsAsLookup).length;
  section.lookups += node.lookups;

  // Decided once, for all of this record's questions, so they go out together.
  const inBudget = section.lookups <= FOLLOW_BUDGET;
  const onPath = [...path, node.domain];
  const pending: Promise<void>[] = [];
  const children: SpfNode[] = [];
  const checks: SpfTermCheck[] = [];
  for (const term of evaluated) {
    const child = followTerm(term, onPath, inBudget);
    if (child) {
      children.push(child);
      if (child.status === 'pending') pending.push(probeNode(section, child, context, onPath, answer));
      continue;
    }
    const check = voidCheck(term, node.domain);
    if (!check) continue;
    checks.push(check);
    if (!inBudget || context.signal?.aborted) check.status = 'skipped';
    else pending.push(askCheck(section, check, context, answer));
  }
  for (const term of ignored) {
    const child = followTerm(term, onPath, false);
    if (child) children.push({ ...child, status: 'ignored', txtStatus: 'skipped' });
  }
  node.children = children;
  node.checks = checks;
  await Promise.all(pending);
}

/** A child node for an include or redirect (pending when it is to be asked), or nothing. */
function followTerm(term: SpfTerm, onPath: readonly string[], allowed: boolean): SpfNode | undefined {
  const via = term.kind === 'mechanism' && term.name === 'include' ? 'include' : term.kind === 'modifier' && term.name === 'redirect' ? 'redirect' : undefined;
  if (!via || term.error) return undefined;
  const spec = term.kind === 'mechanism' ? term.domain! : term.kind === 'modifier' ? term.value : '';
  const target = checkDomainSpec(spec).target;
  const child = newNode(target ?? spec, via, term.text);
  if (term.macro || target === undefined) child.status = 'macro';
  // A name already on the path loops: receivers go round until the lookup limit (RFC 7208 §4.6.4).
  else if (onPath.includes(target)) child.status = 'loop';
  else if (!allowed || onPath.length > MAX_DEPTH) child.status = 'too-deep';
  if (child.status !== 'pending') child.txtStatus = 'skipped';
  return child;
}

/**
 * The question that tells whether an a/mx/exists term is a void lookup (RFC 7208 §4.6.4):
 * `A` for a and exists (the IPv4 view; a sender over IPv6 would ask AAAA), `MX` for mx.
 * Terms with macros depend on the sender and are not checked.
 */
function voidCheck(term: SpfTerm, domain: DnsName): SpfTermCheck | undefined {
  if (term.kind !== 'mechanism' || term.error || term.macro) return undefined;
  if (term.name !== 'a' && term.name !== 'mx' && term.name !== 'exists') return undefined;
  const name = term.domain === undefined ? domain : checkDomainSpec(term.domain).target;
  if (name === undefined) return undefined;
  return { term: term.text, name, type: term.name === 'mx' ? 'MX' : 'A', status: 'pending' };
}

async function askCheck(section: SpfSection, check: SpfTermCheck, context: ProbeContext, after: AskResult): Promise<void> {
  const answer = await context.ask(check.name, check.type, after);
  check.status = answer.status;
  if (check.type === 'MX' && answer.status === 'ok') check.hosts = answer.values.length;
  if (answer.status === 'nodata' || answer.status === 'nxdomain') section.voidLookups += 1;
}
