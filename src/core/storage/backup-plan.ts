/** What an import will replace, per section: how many there are now, and how many in the file (shown before Replace). */
import type { Backup } from './backup';

export interface StoredCounts {
  watch: number;
  history: number;
  keptExplanations: number;
  recent: number;
}

export interface PlanRow {
  section: 'settings' | keyof StoredCounts;
  /** "Watch list: 3 names now, 50 in the file" */
  text: string;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

const SECTIONS: { section: keyof StoredCounts; label: string; one: string; many: string }[] = [
  { section: 'watch', label: 'Watch list', one: 'name', many: 'names' },
  { section: 'history', label: 'History', one: 'name', many: 'names' },
  { section: 'keptExplanations', label: 'Kept explanations', one: 'explanation', many: 'explanations' },
  { section: 'recent', label: 'Recent lookups', one: 'lookup', many: 'lookups' },
];

export function countsOf(backup: Pick<Backup, keyof StoredCounts>): StoredCounts {
  return { watch: backup.watch.length, history: backup.history.length, keptExplanations: backup.keptExplanations.length, recent: backup.recent.length };
}

export function planReplacement(now: StoredCounts, backup: Backup): PlanRow[] {
  const incoming = countsOf(backup);
  return [
    { section: 'settings', text: 'Settings: replaced by the ones in the file' },
    ...SECTIONS.map(({ section, label, one, many }) => ({
      section,
      text: `${label}: ${plural(now[section], one, many)} now, ${plural(incoming[section], one, many)} in the file`,
    })),
  ];
}
