/**
 * History is bounded: the last `HISTORY_PER_NAME` checks of each name, and `HISTORY_NAMES`
 * names; the name looked at least recently goes first. Pure, so the store (IndexedDB, in
 * src/platform) only reads and writes what these say.
 */
import type { MailFacts, Verdict } from './facts-types';

/**
 * The stored record's shape (src/core/storage/history-record.ts): 1 = release 0.1.0's, without
 * this field; 2 = the same fields, versioned, its checks migrated to the current facts.
 */
export const HISTORY_RECORD_VERSION = 2;

export const HISTORY_PER_NAME = 20;
export const HISTORY_NAMES = 1_000;

/** One stored record per name: its last checks, oldest first, and what the list view shows. */
export interface NameHistory {
  /** Always written (withCheck); a record without it is 0.1.0's (version 1). */
  version?: number;
  name: string;
  display: string;
  lastCheckedAt: number;
  lastVerdict: Verdict;
  checks: MailFacts[];
}

export function withCheck(entry: NameHistory | undefined, facts: MailFacts, perName = HISTORY_PER_NAME): NameHistory {
  const checks = [...(entry?.checks ?? []), facts].sort((a, b) => a.checkedAt - b.checkedAt).slice(-perName);
  const last = checks[checks.length - 1]!;
  return { version: HISTORY_RECORD_VERSION, name: facts.name, display: facts.display, lastCheckedAt: last.checkedAt, lastVerdict: last.verdict, checks };
}

/** The names to drop so that at most `limit` remain: the least recently checked first. */
export function namesToEvict(entries: readonly Pick<NameHistory, 'name' | 'lastCheckedAt'>[], limit = HISTORY_NAMES): string[] {
  if (entries.length <= limit) return [];
  return [...entries]
    .sort((a, b) => a.lastCheckedAt - b.lastCheckedAt || (a.name < b.name ? -1 : 1))
    .slice(0, entries.length - limit)
    .map((e) => e.name);
}

/** The History view's search: every word must be in the name (ASCII or as shown). */
export function matchesSearch(entry: Pick<NameHistory, 'name' | 'display'>, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = `${entry.name} ${entry.display}`.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
