import { describe, expect, it } from 'vitest';
import { factsOf } from './facts-of';
import { HISTORY_PER_NAME, matchesSearch, namesToEvict, withCheck } from './history-bounds';
import { report } from './testing/facts-reports';

describe('history bounds', () => {
  it('keeps the last 20 checks of a name, oldest first, and its last time and verdict', () => {
    let entry;
    for (let i = 0; i < 25; i++) entry = withCheck(entry, factsOf(report({ startedAt: i * 1000 })));
    expect(entry!.checks).toHaveLength(HISTORY_PER_NAME);
    expect(entry!.checks[0]!.checkedAt).toBe(5000);
    expect(entry).toMatchObject({ name: 'example.com', lastCheckedAt: 24_000, lastVerdict: 'ok' });
  });

  it('evicts the least recently checked names beyond the limit', () => {
    const entries = [
      { name: 'c', lastCheckedAt: 3 },
      { name: 'a', lastCheckedAt: 1 },
      { name: 'b', lastCheckedAt: 2 },
    ];
    expect(namesToEvict(entries, 3)).toEqual([]);
    expect(namesToEvict(entries, 1)).toEqual(['a', 'b']);
  });

  it('searches by every word, in the ASCII or the shown name', () => {
    expect(matchesSearch({ name: 'xn--bcher-kva.example', display: 'bücher.example' }, 'BÜCH')).toBe(true);
    expect(matchesSearch({ name: 'mail.example.com', display: 'mail.example.com' }, 'mail  com')).toBe(true);
    expect(matchesSearch({ name: 'mail.example.com', display: 'mail.example.com' }, 'mail org')).toBe(false);
  });
});
