/** The one-line summary at the top of a report and under each name of `mxray --since`. */
import type { ChangeItem } from './describe-diff';

const UNITS: [ms: number, singular: string][] = [
  [365 * 24 * 3600_000, 'year'],
  [30 * 24 * 3600_000, 'month'],
  [7 * 24 * 3600_000, 'week'],
  [24 * 3600_000, 'day'],
  [3600_000, 'hour'],
  [60_000, 'minute'],
];

/** "3 days ago", "1 hour ago", "just now" (under a minute); a time in the future reads "just now" too (clocks differ). */
export function timeAgo(then: number, now: number): string {
  const elapsed = now - then;
  for (const [ms, unit] of UNITS) {
    const count = Math.floor(elapsed / ms);
    if (count >= 1) return `${count} ${unit}${count === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** "Since 3 days ago: mx2.example.com (20) was removed; SPF now ends in -all instead of ~all" (empty list: ""). */
export function changeSummary(items: readonly ChangeItem[], since: number, now: number): string {
  if (items.length === 0) return '';
  const when = timeAgo(since, now);
  return `Since ${when === 'just now' ? 'the last check (just now)' : when}: ${summaryParts(items).join('; ')}`;
}

/**
 * The facts in words; the findings, which mostly follow from them, only counted when there are
 * facts to tell (each is still an item of its own for the side-by-side view and the CLI).
 */
function summaryParts(items: readonly ChangeItem[]): string[] {
  const findings = items.filter((item) => item.topic === 'finding');
  const facts = items.filter((item) => item.topic !== 'finding');
  if (facts.length === 0 || findings.length === 0) return items.map((item) => item.text);
  const added = findings.filter((item) => item.before === '').length;
  const gone = findings.filter((item) => item.after === '').length;
  const other = findings.length - added - gone;
  const counts = [added > 0 ? `${added} new` : '', gone > 0 ? `${gone} no longer reported` : '', other > 0 ? `${other} changed` : ''].filter(Boolean);
  return [...facts.map((item) => item.text), `findings: ${counts.join(', ')}`];
}
