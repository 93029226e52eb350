import { describe, expect, it, vi } from 'vitest';
import type { DnsAnswer } from './dns-answer';
import { RelayedAnswers } from './relayed-answers';

const R = 'https://r.example/dns-query';
const key = (type: string, name: string) => `${R}|${type}|${name}`;
const answer = (name: string, type: DnsAnswer['type']): DnsAnswer => ({
  name,
  type,
  rcode: 'NOERROR',
  answers: [],
  authorities: [],
  authenticated: false,
  resolver: 'r',
  fromCache: false,
  requests: 1,
  failures: [],
});
const signal = () => new AbortController().signal;
const empty = { asked: [], answered: [], failed: [] };

describe('RelayedAnswers: the worker waits for the page instead of asking again', () => {
  it('before the first relay, holds routing questions and lets every other type go at once', async () => {
    const relayed = new RelayedAnswers({ expectFirstRelay: true, maxWaitMs: 10_000 });
    const mx = relayed.prior(key('MX', 'a.test'), signal());
    expect(mx).toBeInstanceOf(Promise);
    expect(relayed.prior(key('TXT', 'a.test'), signal())).toBeUndefined();
    relayed.take({ ...empty, asked: [key('MX', 'a.test')] });
    relayed.take({ ...empty, answered: [[key('MX', 'a.test'), answer('a.test', 'MX')]] });
    await expect(mx).resolves.toMatchObject({ name: 'a.test', type: 'MX', requests: 1 });
  });

  it('after the first relay, waits only for what the page said it asked', async () => {
    const relayed = new RelayedAnswers({ expectFirstRelay: true, maxWaitMs: 10_000 });
    const held = relayed.prior(key('A', 'b.test'), signal());
    relayed.take({ ...empty, asked: [key('MX', 'a.test')] });
    // b.test A was held for the first relay, which does not name it: it goes out now.
    await expect(held).resolves.toBeUndefined();
    expect(relayed.prior(key('AAAA', 'c.test'), signal())).toBeUndefined();
    expect(relayed.prior(key('MX', 'a.test'), signal())).toBeInstanceOf(Promise);
  });

  it('an answer relayed before the worker asks is there at once, and handed to the cache', async () => {
    const kept = vi.fn();
    const relayed = new RelayedAnswers({ expectFirstRelay: false, maxWaitMs: 10_000 });
    relayed.take({ asked: [key('MX', 'a.test')], answered: [[key('MX', 'a.test'), answer('a.test', 'MX')]], failed: [] }, kept);
    expect(kept).toHaveBeenCalledWith(key('MX', 'a.test'), expect.objectContaining({ type: 'MX' }));
    await expect(relayed.prior(key('MX', 'a.test'), signal())).resolves.toMatchObject({ type: 'MX' });
  });

  it('a failure, the page closing, a timeout or the lookup aborting end the wait: the worker asks itself', async () => {
    vi.useFakeTimers();
    try {
      const relayed = new RelayedAnswers({ expectFirstRelay: false, maxWaitMs: 5_000 });
      relayed.take({ ...empty, asked: [key('A', 'f.test'), key('A', 't.test'), key('A', 'x.test'), key('A', 'c.test')] });
      const failed = relayed.prior(key('A', 'f.test'), signal());
      const timedOut = relayed.prior(key('A', 't.test'), signal());
      const controller = new AbortController();
      const aborted = relayed.prior(key('A', 'x.test'), controller.signal);
      relayed.take({ ...empty, failed: [key('A', 'f.test')] });
      await expect(failed).resolves.toBeUndefined();
      controller.abort();
      await expect(aborted).resolves.toBeUndefined();
      vi.advanceTimersByTime(5_000);
      await expect(timedOut).resolves.toBeUndefined();
      const closing = relayed.prior(key('A', 'c.test'), signal());
      relayed.close();
      await expect(closing).resolves.toBeUndefined();
      expect(relayed.prior(key('A', 'c.test'), signal())).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });

  it('a relay marked done ends every wait and nothing later is held', async () => {
    const relayed = new RelayedAnswers({ expectFirstRelay: true, maxWaitMs: 10_000 });
    const held = relayed.prior(key('MX', 'a.test'), signal());
    relayed.take({ ...empty, done: true });
    await expect(held).resolves.toBeUndefined();
    expect(relayed.prior(key('MX', 'a.test'), signal())).toBeUndefined();
  });
});
