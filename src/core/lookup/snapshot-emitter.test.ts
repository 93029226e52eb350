import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_UPDATE_INTERVAL_MS, SnapshotEmitter } from './snapshot-emitter';

describe('SnapshotEmitter (fake timers)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function emitter(answer: { known: boolean }) {
    const sent: number[] = [];
    const e = new SnapshotEmitter({ send: () => sent.push(Date.now()), answerKnown: () => answer.known, now: () => Date.now() });
    return { e, sent };
  }

  it('sends the first snapshot that answers the question at once, in the same task', () => {
    const answer = { known: false };
    const { e, sent } = emitter(answer);
    e.request();
    expect(sent).toHaveLength(0);
    answer.known = true;
    e.request();
    expect(sent).toHaveLength(1);
  });

  it('makes one snapshot of the answers that land in one task', () => {
    const { e, sent } = emitter({ known: false });
    for (let i = 0; i < 50; i++) e.request();
    expect(sent).toHaveLength(0);
    vi.advanceTimersByTime(0);
    expect(sent).toHaveLength(1);
  });

  it('sends at most one snapshot per frame after the answering one', () => {
    const { e, sent } = emitter({ known: true });
    e.request();
    expect(sent).toHaveLength(1);
    e.request();
    e.request();
    vi.advanceTimersByTime(MIN_UPDATE_INTERVAL_MS - 1);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(2);
    // 100 answers over 160 ms: about one snapshot per frame, never one per answer.
    for (let i = 0; i < 100; i++) {
      e.request();
      vi.advanceTimersByTime(1.6);
    }
    expect(sent.length).toBeGreaterThanOrEqual(10);
    expect(sent.length).toBeLessThanOrEqual(12);
  });

  it('sends nothing after cancel, and sendNow sends at once', () => {
    const { e, sent } = emitter({ known: false });
    e.request();
    e.cancel();
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(0);
    e.sendNow();
    expect(sent).toHaveLength(1);
  });
});
