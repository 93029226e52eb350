import { describe, expect, it } from 'vitest';
import { testExchange } from '../routing-checks/test-report';
import { factsOf } from './facts-of';
import { sinceLast } from './since-last';
import { report } from './testing/facts-reports';

const facts = (host: string, at: number) => factsOf(report({ startedAt: at, exchanges: [testExchange(host)] }));

describe('"Since last time…"', () => {
  it('says what changed since the last kept facts', () => {
    const since = sinceLast(facts('mx-a.example.com', 10), facts('mx-b.example.com', 20), 30);
    expect(since?.since).toBe(10);
    expect(since?.items.length).toBeGreaterThan(0);
  });

  it('says nothing when nothing changed, or there is nothing to compare with', () => {
    expect(sinceLast(facts('mx-a.example.com', 10), facts('mx-a.example.com', 20), 30)).toBeUndefined();
    expect(sinceLast(undefined, facts('mx-a.example.com', 20), 30)).toBeUndefined();
  });

  it('says nothing for facts older than the last kept ones (a lookup that finished after a later check)', () => {
    expect(sinceLast(facts('mx-b.example.com', 20), facts('mx-a.example.com', 10), 30)).toBeUndefined();
  });
});
