import { describe, expect, it } from 'vitest';
import { testExchange } from '../routing-checks/test-report';
import { factsOf } from './facts-of';
import {
  afterCheck,
  alarmTime,
  clampMinutes,
  markSeen,
  MAX_FAILURES,
  newWatch,
  statusText,
  unseenTotal,
  type CheckOutcome,
  type WatchEntry,
} from './watch-schedule';
import { report } from './testing/facts-reports';

const MIN = 60_000;

/** A fake clock and a fake "DNS": the test says what each check finds, the clock moves to each alarm. */
function simulate(entry: WatchEntry, outcomes: ((now: number) => CheckOutcome)[]) {
  let now = entry.addedAt;
  const alerts: string[] = [];
  const times: number[] = [];
  for (const outcome of outcomes) {
    now = alarmTime(entry, now); // the alarm rings at the time the schedule asked for
    times.push(now);
    const result = afterCheck(entry, outcome(now), now);
    entry = result.entry;
    if (result.alert) alerts.push(result.alert.summary);
  }
  return { entry, alerts, times };
}

const twoMx = (at: number) =>
  factsOf(report({ startedAt: at, exchanges: [testExchange('mx1.example.com', { preference: 10 }), testExchange('mx2.example.com', { preference: 20 })] }));
const oneMx = (at: number) => factsOf(report({ startedAt: at, exchanges: [testExchange('mx1.example.com', { preference: 10 })] }));
const ok =
  (facts: (at: number) => ReturnType<typeof twoMx>) =>
  (now: number): CheckOutcome => ({ ok: true, facts: facts(now) });
const down = (): CheckOutcome => ({ ok: false, error: 'resolver timed out' });

describe('the watch schedule, on a fake clock', () => {
  it('checks every 6 hours by default and alerts once when the MX set changes', () => {
    const start = Date.UTC(2026, 0, 1);
    const watch = newWatch('example.com', 'example.com', start, { facts: twoMx(start) });
    const { entry, alerts, times } = simulate(watch, [ok(twoMx), ok(twoMx), ok(oneMx), ok(oneMx)]);
    expect(times.map((t) => (t - start) / MIN)).toEqual([360, 720, 1080, 1440]);
    expect(alerts).toEqual(['Since 6 hours ago: mx2.example.com (20) was removed']);
    expect(entry).toMatchObject({ status: 'changed', unseen: 1, failures: 0 });
    expect(entry.log).toHaveLength(1);
    expect(entry.log[0]!.at - start).toBe(1080 * MIN);
    // Written with the change: its notification is due until the worker has shown it.
    expect(entry.notifyPending).toEqual([entry.log[0]!.at]);
    const seen = markSeen(entry);
    expect(seen).toMatchObject({ status: 'ok', unseen: 0 });
    expect(unseenTotal([entry, entry, seen])).toBe(2);
  });

  it('does not call a failed check a change: retries sooner, then says "could not check", and recovers', () => {
    const start = 0;
    const watch = newWatch('example.com', 'example.com', start, { everyMinutes: 60, facts: twoMx(start) });
    const failing = simulate(watch, [down, down]);
    expect(failing.alerts).toEqual([]);
    expect(failing.entry).toMatchObject({ status: 'retrying', failures: 2 });
    expect(failing.times.map((t) => t / MIN)).toEqual([60, 65]); // then 10 minutes later
    expect(failing.entry.nextCheckAt / MIN).toBe(75);
    const gaveUp = simulate(
      failing.entry,
      Array.from({ length: MAX_FAILURES - 2 }, () => down),
    );
    expect(gaveUp.entry.status).toBe('could-not-check');
    expect(statusText(gaveUp.entry)).toBe('could not check: 3 failures in a row (resolver timed out)');
    // An answer with no MX answer at all is a failure too, not "every MX was removed".
    const unanswered = simulate(gaveUp.entry, [() => ({ ok: true, facts: factsOf(report({ mxStatus: 'error', exchanges: [] })) })]);
    expect(unanswered.entry).toMatchObject({ status: 'could-not-check', failures: 4 });
    const back = simulate(unanswered.entry, [ok(twoMx)]);
    expect(back.alerts).toEqual([]);
    expect(back.entry).toMatchObject({ status: 'ok', failures: 0 });
  });

  it('keeps the interval within 15 minutes and a week, and never sets an alarm in the past', () => {
    expect(clampMinutes(1)).toBe(15);
    expect(clampMinutes(Number.NaN)).toBe(360);
    expect(clampMinutes(1e9)).toBe(7 * 24 * 60);
    const watch = newWatch('example.com', 'example.com', 0, { everyMinutes: 5 });
    expect(watch.everyMinutes).toBe(15);
    // A browser that was closed for a day rings the alarm at once, not a day late in the past.
    expect(alarmTime(watch, 24 * 60 * MIN)).toBe(24 * 60 * MIN + 1000);
    // Without facts yet, the first check comes within a minute.
    expect(watch.nextCheckAt).toBe(MIN);
  });
});
