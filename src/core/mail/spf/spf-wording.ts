/** How SPF findings name records, terms and failures, so every message says it the same way. */
import type { AnswerStatus } from '../../vocabulary';
import type { NodeVisit } from './spf-tree';
import type { SpfNode, SpfSection } from './types';

/** "the SPF record of example.com", "the SPF record of _spf.example.net (included by example.com)". */
export function recordOf({ node, path }: NodeVisit, domainDisplay: string): string {
  if (node.via === 'root') return `the SPF record of ${domainDisplay}`;
  const parent = parentName(path, domainDisplay);
  return `the SPF record of ${node.domain} (${node.via === 'include' ? 'included by' : 'the redirect target of'} ${parent})`;
}

/** The record that named the node: the root shows as the domain people typed. */
export function parentName(path: readonly string[], domainDisplay: string): string {
  return path.length <= 1 ? domainDisplay : path.at(-1)!;
}

/** `"include:x" in the SPF record of example.com`. */
export function termIn({ node, path }: NodeVisit, domainDisplay: string): string {
  return `"${node.term ?? node.domain}" in the SPF record of ${parentName(path, domainDisplay)}`;
}

export function failureText(status: AnswerStatus): string {
  if (status === 'servfail' || status === 'refused') return status.toUpperCase();
  if (status === 'error') return 'no resolver answered';
  return status;
}

/** `7`, or `at least 7` while some of the tree is unknown (pending, failed, macros, not followed). */
export function lookupCount(section: SpfSection, count: number, complete: boolean): string {
  return section.status === 'done' && complete ? `${count}` : `at least ${count}`;
}

/** `a, b and 3 more`: capped, so one bad record cannot flood the report. */
export function cappedList(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  if (items.length > max) shown.push(`${items.length - max} more`);
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

const STATUS_TEXT: Record<Exclude<SpfNode['status'], 'ok' | 'error'>, string> = {
  pending: 'looking up…',
  'syntax-error': 'syntax error',
  multiple: 'several SPF records',
  none: 'no SPF record',
  nxdomain: 'does not exist',
  loop: 'loop: already on this path',
  macro: 'macro: depends on the sender, not followed',
  'too-deep': 'not followed: past the limit',
  ignored: 'never evaluated',
  aborted: 'not looked up',
};

/** A few words on a tree node that is not simply fine (`does not exist`), for the UI and the CLI. */
export function nodeStatusText(node: SpfNode): string | undefined {
  if (node.status === 'ok') return undefined;
  if (node.status === 'error') return `lookup failed (${failureText(node.txtStatus)})`;
  return STATUS_TEXT[node.status];
}

/** The node's own share of the count: `1 lookup`, `3 lookups`. */
export function lookupsText(lookups: number): string {
  // Thousands of terms are not thousands of lookups: receivers stop at the 11th (RFC 7208 §4.6.4).
  if (lookups > 20) return `${lookups} lookup terms, receivers stop at 11`;
  return lookups === 1 ? '1 lookup' : `${lookups} lookups`;
}
