// @vitest-environment happy-dom
import { h } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { LookupMessage, LookupRequest } from '../shared/messages';
import { fiveMxReport } from './testing/sample-reports';
import { mount, unmountAll } from './testing/render';
import { isRunning, useLookup, type LookupState, type StartLookup } from './use-lookup';

afterEach(unmountAll);

/** A fake worker: records each lookup, lets the test answer it, and logs cancellations. */
function fakeWorker() {
  const lookups: { request: LookupRequest; send: (message: LookupMessage) => void; lose: (reason: string) => void; cancelled: boolean }[] = [];
  const start: StartLookup = (request, handlers) => {
    const lookup = { request, send: handlers.onMessage, lose: handlers.onLost, cancelled: false };
    lookups.push(lookup);
    return () => (lookup.cancelled = true);
  };
  return { start, lookups };
}

function harness(start: StartLookup) {
  const seen: { state: LookupState; run: (request: LookupRequest | undefined) => void; rerun: () => void }[] = [];
  function Probe() {
    const [state, run, rerun] = useLookup(start);
    seen.push({ state, run, rerun });
    return null;
  }
  mount(h(Probe, {}));
  return {
    latest: () => seen.at(-1)!.state,
    run: (request: LookupRequest | undefined) => act(() => seen.at(-1)!.run(request)),
    rerun: () => act(() => seen.at(-1)!.rerun()),
    states: () => seen.map((s) => s.state),
  };
}

const ask = (input: string): LookupRequest => ({ type: 'lookup', input, source: 'typed' });

describe('useLookup', () => {
  it('holds the latest report until the final one', () => {
    const worker = fakeWorker();
    const { latest, run } = harness(worker.start);
    run(ask('five-mx.test'));
    expect(isRunning(latest())).toBe(true);
    const partial = { ...fiveMxReport(), status: 'running' as const };
    act(() => worker.lookups[0]!.send({ type: 'report', report: partial }));
    expect(latest().report).toBe(partial);
    const done = fiveMxReport();
    act(() => worker.lookups[0]!.send({ type: 'report', report: done }));
    expect(latest()).toEqual({ request: ask('five-mx.test'), report: done });
    expect(isRunning(latest())).toBe(false);
  });

  it('rerun keeps the report on screen until a new snapshot says where mail goes', () => {
    const worker = fakeWorker();
    const { latest, run, rerun, states } = harness(worker.start);
    run(ask('five-mx.test'));
    const first = fiveMxReport();
    act(() => worker.lookups[0]!.send({ type: 'report', report: first }));
    rerun();
    expect(latest().report).toBe(first);
    // The page's and the worker's lookups may each send a snapshot before the MX answer.
    const before = states().length;
    const early = { ...fiveMxReport(), status: 'running' as const, mxStatus: 'pending' as const, exchanges: [] };
    act(() => worker.lookups[1]!.send({ type: 'report', report: early }));
    expect(
      states()
        .slice(before)
        .every((s) => s.report === first),
    ).toBe(true);
    const answered = { ...fiveMxReport(), status: 'running' as const };
    act(() => worker.lookups[1]!.send({ type: 'report', report: answered }));
    expect(latest().report).toBe(answered);
    // Once replaced, every snapshot shows (a fresh lookup keeps nothing).
    act(() => worker.lookups[1]!.send({ type: 'report', report: early }));
    expect(latest().report).toBe(early);
  });

  it('a new name keeps nothing: its first snapshot shows even before the MX answer', () => {
    const worker = fakeWorker();
    const { latest, run } = harness(worker.start);
    run(ask('five-mx.test'));
    act(() => worker.lookups[0]!.send({ type: 'report', report: fiveMxReport() }));
    run(ask('other.test'));
    const early = { ...fiveMxReport(), status: 'running' as const, mxStatus: 'pending' as const, exchanges: [] };
    act(() => worker.lookups[1]!.send({ type: 'report', report: early }));
    expect(latest().report).toBe(early);
  });

  it('cancels the previous lookup on new input and ignores its late answers', () => {
    const worker = fakeWorker();
    const { latest, run } = harness(worker.start);
    run(ask('first.test'));
    run(ask('five-mx.test'));
    expect(worker.lookups[0]!.cancelled).toBe(true);
    act(() => worker.lookups[0]!.send({ type: 'report', report: fiveMxReport() }));
    expect(latest()).toEqual({ request: ask('five-mx.test') });
  });

  it('keeps the invalid-input error and the lost-connection error', () => {
    const worker = fakeWorker();
    const { latest, run } = harness(worker.start);
    run(ask('exa mple'));
    const error = { code: 'invalid-query' as const, reason: 'bad-character' as const, input: 'exa mple', message: 'A domain cannot contain a space.' };
    act(() => worker.lookups[0]!.send({ type: 'invalid', error }));
    expect(latest().invalid).toEqual(error);
    expect(isRunning(latest())).toBe(false);
    run(ask('five-mx.test'));
    act(() => worker.lookups[1]!.lose('The MXray background service stopped.'));
    expect(latest().lost).toBe('The MXray background service stopped.');
    expect(latest().invalid).toBeUndefined();
  });

  it('cancels on unmount and when cleared', () => {
    const worker = fakeWorker();
    const { run, latest } = harness(worker.start);
    run(ask('one.test'));
    run(undefined);
    expect(worker.lookups[0]!.cancelled).toBe(true);
    expect(latest()).toEqual({});
    run(ask('two.test'));
    unmountAll();
    expect(worker.lookups[1]!.cancelled).toBe(true);
  });
});
