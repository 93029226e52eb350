/** `mxray --since` output: per name, what changed, each item with its old and new values. */
import type { ChangeItem } from '../../core/history/describe-diff';
import type { ResolverAgreement } from '../../core/history/stale-resolver';
import { timeAgo } from '../../core/history/summary';
import { terminalSafe } from '../terminal-safe';

export interface NameOutcome {
  display: string;
  kind: 'changed' | 'same' | 'new' | 'failed' | 'invalid';
  since?: number;
  items: ChangeItem[];
  /** Uncertain differences left out: a question that got no answer this time or last. */
  uncertain: number;
  agreement?: ResolverAgreement;
  message?: string;
}

const bold = (text: string, color: boolean) => (color ? `\u001b[1m${text}\u001b[0m` : text);

function when(since: number, now: number): string {
  return `${timeAgo(since, now)} (${new Date(since).toISOString().replace('T', ' ').slice(0, 16)} UTC)`;
}

export function formatOutcome(outcome: NameOutcome, now: number, color: boolean): string {
  const name = bold(terminalSafe(outcome.display), color);
  const lines: string[] = [];
  switch (outcome.kind) {
    case 'invalid':
    case 'failed':
      lines.push(`${name}: could not check: ${terminalSafe(outcome.message ?? 'no answer')} (not counted as a change)`);
      break;
    case 'new':
      lines.push(`${name}: not in the saved file, nothing to compare with`);
      break;
    case 'same':
      lines.push(`${name}: no change since ${when(outcome.since!, now)}`);
      break;
    case 'changed':
      lines.push(`${name}: ${outcome.items.length} change${outcome.items.length === 1 ? '' : 's'} since ${when(outcome.since!, now)}`);
      for (const item of outcome.items) {
        lines.push(`  - ${terminalSafe(item.text)}`);
        if (item.topic === 'record' || item.before.includes('\n') || item.after.includes('\n') || item.before.length + item.after.length > 40) {
          lines.push(
            `      was: ${terminalSafe(item.before.replaceAll('\n', ' | ')) || '(none)'}`,
            `      now: ${terminalSafe(item.after.replaceAll('\n', ' | ')) || '(none)'}`,
          );
        }
      }
      if (outcome.agreement) lines.push(`  resolvers: ${terminalSafe(outcome.agreement.text)}`);
      break;
  }
  if (outcome.uncertain > 0 && outcome.kind !== 'failed')
    lines.push(`  (${outcome.uncertain} difference${outcome.uncertain === 1 ? '' : 's'} left out: a question got no answer this time or last)`);
  return lines.join('\n');
}
