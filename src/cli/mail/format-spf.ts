/**
 * The SPF section for `mxray --all`: the lookup count, then the include tree drawn like `tree`,
 * each node with how it was reached, its own lookups and its record. DNS text goes through
 * `terminalSafe`.
 */
import { SPF_LOOKUP_LIMIT, SPF_VOID_LIMIT } from '../../core/mail/spf/limits';
import { lookupsComplete } from '../../core/mail/spf/spf-tree';
import { failureText, lookupsText, nodeStatusText } from '../../core/mail/spf/spf-wording';
import type { SpfNode, SpfSection } from '../../core/mail/spf/types';
import { terminalSafe } from '../terminal-safe';

const ABSENT: Partial<Record<SpfNode['status'], string>> = {
  pending: 'looking up the SPF record…',
  none: 'no SPF record published',
  nxdomain: 'the domain does not exist',
  aborted: 'not looked up',
};

export function formatSpf(section: SpfSection): string[] {
  const { root } = section;
  if (root.records.length === 0) return [ABSENT[root.status] ?? `the TXT lookup failed (${failureText(root.txtStatus)})`];
  const atLeast = section.status === 'done' && lookupsComplete(section) ? '' : 'at least ';
  return [
    `${atLeast}${section.lookups} of ${SPF_LOOKUP_LIMIT} DNS lookups, ${section.voidLookups} of ${SPF_VOID_LIMIT} void lookups`,
    ...nodeLines(root, '', ''),
  ];
}

/** `first` prefixes the node's own line, `rest` every line under it (`│   ` while siblings follow). */
function nodeLines(node: SpfNode, first: string, rest: string): string[] {
  const status = nodeStatusText(node);
  const head = [
    node.via === 'root' ? '' : `${node.via} `,
    terminalSafe(node.domain),
    status ? `: ${status}` : '',
    node.records.length === 1 ? ` (${lookupsText(node.lookups)})` : '',
  ].join('');
  const lines = [node.records.length === 1 ? `${first}${head}  ${terminalSafe(node.records[0]!)}` : `${first}${head}`];
  const under = `${rest}${node.children.length > 0 ? '│   ' : '    '}`;
  if (node.records.length > 1) lines.push(...node.records.map((record) => `${under}${terminalSafe(record)}`));
  const voids = node.checks.filter((check) => check.status === 'nodata' || check.status === 'nxdomain');
  if (voids.length > 0) lines.push(`${under}void: ${voids.map((check) => terminalSafe(check.term)).join(', ')}`);
  node.children.forEach((child, index) => {
    const last = index === node.children.length - 1;
    lines.push(...nodeLines(child, `${rest}${last ? '└── ' : '├── '}`, `${rest}${last ? '    ' : '│   '}`));
  });
  return lines;
}
