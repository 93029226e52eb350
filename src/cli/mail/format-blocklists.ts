/**
 * The blocklist section for `mxray --all`: per address (with its hosts), the lists grouped by
 * how they answered, listings first with their codes, meanings and lookup pages.
 */
import { blocklistUrl } from '../../core/mail/blocklists/blocklist-table';
import { blocklistStateText } from '../../core/mail/blocklists/state-text';
import type { BlocklistInfo, BlocklistResult, BlocklistSection, BlocklistState } from '../../core/mail/blocklists/types';
import { terminalSafe } from '../terminal-safe';

const GROUPED: [BlocklistState, string][] = [
  ['pending', '…'],
  ['not-listed', 'not listed'],
  ['not-checked', 'not checked'],
];

export function formatBlocklists(section: BlocklistSection): string[] {
  if (section.targets.length === 0) return [section.status === 'pending' ? 'waiting for the mail server addresses…' : 'no mail server addresses to check'];
  const lines: string[] = [];
  const nameOf = (id: string): BlocklistInfo | undefined => section.lists.find((list) => list.id === id);
  for (const target of section.targets) {
    const range = target.range ? ` [${target.range}]` : '';
    lines.push(`${target.ip} (${target.hosts.map(terminalSafe).join(', ')})${range}`);
    const one = (result: BlocklistResult) => {
      const list = nameOf(result.list);
      const labels = result.labels.length > 0 ? `: ${result.labels.join(', ')}` : '';
      const codes = result.codes.map((code, i) => `${terminalSafe(code)}${result.meanings[i] ? `: ${result.meanings[i]}` : ''}`).join('; ');
      const why =
        result.state === 'error'
          ? result.status && result.status !== 'error'
            ? result.status.toUpperCase()
            : (result.error?.message ?? 'no resolver answered')
          : codes;
      const url = result.state === 'listed' && list ? `  ${blocklistUrl(list.url, target.ip)}` : '';
      const word = result.state === 'error' ? 'failed' : result.state === 'listed' ? 'listed' : blocklistStateText(result);
      return `  ${word.padEnd(12)} ${list?.name ?? result.list}${result.state === 'listed' ? labels : ''}${why ? ` (${why})` : ''}${url}`;
    };
    // Listings first, then refusals, bad answers and failures, each on its own line.
    for (const state of ['listed', 'refused', 'bad-answer', 'error'] as const) {
      for (const result of target.results.filter((r) => r.state === state)) lines.push(one(result));
    }
    for (const [state, word] of GROUPED) {
      const results = target.results.filter((r) => r.state === state);
      if (results.length === 0) continue;
      const names = results.map((r) => nameOf(r.list)?.name ?? r.list).join(', ');
      const why = state === 'not-checked' ? notCheckedWhy(results) : '';
      lines.push(`  ${word.padEnd(12)} ${names}${why}`);
    }
  }
  if (section.omitted.length > 0) lines.push(`not checked (too many addresses): ${section.omitted.join(', ')}`);
  return lines;
}

function notCheckedWhy(results: readonly BlocklistResult[]): string {
  const reasons = new Set(results.map((r) => r.notChecked));
  if (reasons.size === 1 && reasons.has('ipv4-only-list')) return ' (IPv4-only lists)';
  if (reasons.has('special-address')) return ' (not a public address)';
  if (reasons.has('not-an-address')) return ' (not an IP address)';
  return '';
}
