/**
 * Reading an SPF record the way check_host() evaluates it (RFC 7208 §4.6): which terms are ever
 * reached, which ask DNS, and walking the include tree the probe builds.
 */
import type { SpfMechanism, SpfModifier, SpfNode, SpfSection, SpfTerm } from './types';

/** Terms that cost a DNS lookup toward the limit of 10 (RFC 7208 §4.6.4); `exp` does not. */
const LOOKUP_MECHANISMS = new Set(['include', 'a', 'mx', 'ptr', 'exists']);

export function countsAsLookup(term: SpfTerm): boolean {
  if (term.error) return false; // a broken term is a permerror, not a query
  if (term.kind === 'mechanism') return LOOKUP_MECHANISMS.has(term.name);
  return term.kind === 'modifier' && term.name === 'redirect';
}

export interface TermsInPlay {
  /** Terms a receiver may reach: mechanisms up to the first `all`, and `redirect` when there is no `all`. */
  evaluated: SpfTerm[];
  /** Mechanisms after `all` (RFC 7208 §5.1) and a `redirect` next to an `all` (§6.1): never evaluated. */
  ignored: SpfTerm[];
}

export function termsInPlay(terms: readonly SpfTerm[]): TermsInPlay {
  const all = firstAll(terms);
  const allIndex = all ? terms.indexOf(all) : terms.length;
  const evaluated: SpfTerm[] = [];
  const ignored: SpfTerm[] = [];
  terms.forEach((term, index) => {
    const unreached = term.kind === 'modifier' ? all !== undefined && term.name === 'redirect' : index > allIndex;
    (unreached ? ignored : evaluated).push(term);
  });
  return { evaluated, ignored };
}

export function firstAll(terms: readonly SpfTerm[]): SpfMechanism | undefined {
  return terms.find((term): term is SpfMechanism => term.kind === 'mechanism' && term.name === 'all' && !term.error);
}

export function redirectOf(terms: readonly SpfTerm[]): SpfModifier | undefined {
  return terms.find((term): term is SpfModifier => term.kind === 'modifier' && term.name === 'redirect' && !term.error);
}

export interface NodeVisit {
  node: SpfNode;
  /** Domains from the root down to the node's parent. */
  path: string[];
}

/** Every node, parents before children. */
export function spfNodes(root: SpfNode): NodeVisit[] {
  const visits: NodeVisit[] = [];
  const walk = (node: SpfNode, path: string[]) => {
    visits.push({ node, path });
    for (const child of node.children) walk(child, [...path, node.domain]);
  };
  walk(root, []);
  return visits;
}

/** Lookups of a node and everything under it. */
export function subtreeLookups(node: SpfNode): number {
  return node.lookups + node.children.reduce((sum, child) => sum + subtreeLookups(child), 0);
}

export type FinalAll =
  | { kind: 'all'; node: SpfNode; term: SpfMechanism }
  /** No `all` and no `redirect` at the end of the chain: the result defaults to neutral (RFC 7208 §4.7). */
  | { kind: 'none'; node: SpfNode }
  /** Not known yet, or never known (the chain ends in a failure). */
  | { kind: 'unknown' };

/** The `all` that ends evaluation of the domain's record, following `redirect=` (RFC 7208 §6.1). */
export function finalAll(root: SpfNode): FinalAll {
  let node = root;
  for (let hops = 0; hops <= 20; hops += 1) {
    if (node.status !== 'ok' && node.status !== 'syntax-error') return { kind: 'unknown' };
    const all = firstAll(node.terms);
    if (all) return { kind: 'all', node, term: all };
    if (!redirectOf(node.terms)) return { kind: 'none', node };
    const next = node.children.find((child) => child.via === 'redirect');
    if (!next) return { kind: 'unknown' };
    node = next;
  }
  return { kind: 'unknown' };
}

/** Statuses after which the lookups under a node are unknown. */
const UNCOUNTED = new Set<SpfNode['status']>(['pending', 'error', 'macro', 'too-deep', 'aborted', 'loop']);

/** Every branch is counted: `section.lookups` is the whole evaluation's count, not a lower bound. */
export function lookupsComplete(section: SpfSection): boolean {
  return spfNodes(section.root).every(({ node }) => !UNCOUNTED.has(node.status));
}
