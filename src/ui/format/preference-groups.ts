/**
 * Mail servers grouped by preference. RFC 5321 §5.1: lower preference is tried first; servers
 * of equal preference are picked at random, which is load balancing, so they share a group.
 */
import type { Exchange } from '../../core/report';

export interface PreferenceGroup {
  preference: number;
  exchanges: Exchange[];
  /** More than one server at this preference. */
  loadBalanced: boolean;
}

export function groupByPreference(exchanges: readonly Exchange[]): PreferenceGroup[] {
  const groups: PreferenceGroup[] = [];
  // The report keeps exchanges sorted; sort again anyway so a group is never split.
  const sorted = [...exchanges].sort((a, b) => a.preference - b.preference);
  for (const exchange of sorted) {
    const last = groups.at(-1);
    if (last && last.preference === exchange.preference) {
      last.exchanges.push(exchange);
      last.loadBalanced = true;
    } else {
      groups.push({ preference: exchange.preference, exchanges: [exchange], loadBalanced: false });
    }
  }
  return groups;
}
