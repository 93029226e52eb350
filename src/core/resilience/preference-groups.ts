/**
 * The MX hosts as senders see them: groups of equal preference, lowest number first (RFC 5321
 * §5.1: try the lowest first, pick at random among equals). Each host once; no null MX, no
 * implicit MX (that is the domain itself, with nothing to rank).
 */
import type { ReportFacts } from '../routing-checks/check';
import { mailHosts } from '../routing-checks/usability';
import type { Exchange } from '../report';

export interface PreferenceGroup {
  preference: number;
  hosts: Exchange[];
}

export function preferenceGroups(report: ReportFacts): PreferenceGroup[] {
  const groups = new Map<number, Exchange[]>();
  for (const exchange of mailHosts(report)) {
    if (exchange.implicit) continue;
    groups.set(exchange.preference, [...(groups.get(exchange.preference) ?? []), exchange]);
  }
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([preference, hosts]) => ({ preference, hosts }));
}
