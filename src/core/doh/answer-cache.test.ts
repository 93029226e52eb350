import { describe, expect, it } from 'vitest';
import type { DnsAnswer } from './dns-answer';
import { AnswerCache } from './answer-cache';

function answer(name: string, ttl = 300): DnsAnswer {
  return {
    name,
    type: 'A',
    rcode: 'NOERROR',
    answers: [{ name, type: 'A', ttl, data: '192.0.2.1' }],
    authorities: [],
    authenticated: false,
    resolver: 'x',
    fromCache: false,
    requests: 1,
    failures: [],
  };
}

describe('AnswerCache change tracking (the worker persists only what changed)', () => {
  it('reports entries stored and keys evicted or expired since the last call, once', () => {
    const cache = new AnswerCache(2, { trackChanges: true });
    cache.set('a', answer('a'), 0);
    cache.set('b', answer('b', 1), 0);
    expect(cache.takeChanges().stored.map(([key]) => key)).toEqual(['a', 'b']);
    expect(cache.takeChanges()).toEqual({ stored: [], removed: [] });
    cache.set('c', answer('c'), 0); // evicts a
    expect(cache.get('b', 5_000)).toBeUndefined(); // expired
    const changes = cache.takeChanges();
    expect(changes.stored.map(([key]) => key)).toEqual(['c']);
    expect(changes.removed.sort()).toEqual(['a', 'b']);
  });

  it('tracks nothing unless asked (the CLI and tests keep no copy)', () => {
    const cache = new AnswerCache(1);
    cache.set('a', answer('a'), 0);
    cache.set('b', answer('b'), 0);
    expect(cache.takeChanges()).toEqual({ stored: [], removed: [] });
  });

  it('restores oldest first, keeps the bound, and names what it dropped', () => {
    const cache = new AnswerCache(2, { trackChanges: true });
    const entry = (storedAt: number, expiresAt: number) => ({ answer: answer('x'), storedAt, expiresAt });
    const dropped = cache.restore(
      [
        ['new', entry(30, 10_000)],
        ['old', entry(10, 10_000)],
        ['mid', entry(20, 10_000)],
        ['gone', entry(0, 5)],
      ],
      100,
    );
    expect(dropped.sort()).toEqual(['gone', 'old']);
    // Restoring is not a change: the entries came from the copy.
    expect(cache.takeChanges()).toEqual({ stored: [], removed: [] });
    // 'mid' is the oldest of the two kept: the next answer evicts it, not 'new'.
    cache.set('next', answer('next'), 100);
    expect(cache.get('mid', 100)).toBeUndefined();
    expect(cache.get('new', 100)).toBeDefined();
  });
});
