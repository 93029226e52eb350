/**
 * The soak's clock: simulated time for everything the watch code reads or waits on. `Date` is
 * Vitest's fake (so `Date.now()` and `new Date()` move with it); the worker's `setTimeout` and
 * `setInterval` are this file's own queue (`timersFor`), because the soak must know when the
 * next timer is due (a DoH time-out inside a check) to step to it and not past the next alarm,
 * and must drop the timers of a worker the browser stopped. `setImmediate`, microtasks and I/O
 * stay real: fake-indexeddb schedules its work with setImmediate, and the soak waits for that
 * work to end (`settle`), counting the tasks scheduled and not yet run.
 */
import { vi } from 'vitest';
import type { WorkerRun } from './worker-context';

interface Timer {
  id: number;
  at: number;
  /** Creation order, so timers due at the same time run in the order they were set. */
  seq: number;
  fn: (...args: unknown[]) => void;
  args: unknown[];
  every?: number;
  worker: WorkerRun;
}

const realSetImmediate = setImmediate;

export interface Timers {
  setTimeout: (fn: Timer['fn'], ms?: number, ...args: unknown[]) => number;
  clearTimeout: (id: unknown) => void;
  setInterval: (fn: Timer['fn'], ms?: number, ...args: unknown[]) => number;
  clearInterval: (id: unknown) => void;
}

export class SimClock {
  private readonly timers = new Map<number, Timer>();
  private nextId = 1;
  private seq = 0;
  /** setImmediate callbacks scheduled and not yet run (fake-indexeddb's work, mostly). */
  private pendingImmediates = 0;

  install(start: number): void {
    vi.useFakeTimers({ toFake: ['Date'], now: start });
    const counted = (fn: (...args: unknown[]) => void, ...args: unknown[]) => {
      this.pendingImmediates++;
      return realSetImmediate(() => {
        this.pendingImmediates--;
        fn(...args);
      });
    };
    (globalThis as Record<string, unknown>).setImmediate = counted;
  }

  uninstall(): void {
    (globalThis as Record<string, unknown>).setImmediate = realSetImmediate;
    vi.useRealTimers();
  }

  /** A worker run's timers, on simulated time; a stopped run's never fire. */
  timersFor(worker: WorkerRun): Timers {
    const add = (fn: Timer['fn'], ms: number | undefined, args: unknown[], every?: number): number => {
      const id = this.nextId++;
      const delay = Math.max(0, Number(ms) || 0);
      this.timers.set(id, { id, at: Date.now() + delay, seq: this.seq++, fn, args, worker, ...(every === undefined ? {} : { every: Math.max(1, delay) }) });
      return id;
    };
    const clear = (id: unknown) => {
      if (typeof id === 'number') this.timers.delete(id);
    };
    return {
      setTimeout: (fn, ms, ...args) => add(fn, ms, args),
      setInterval: (fn, ms, ...args) => add(fn, ms, args, Number(ms) || 0),
      clearTimeout: clear,
      clearInterval: clear,
    };
  }

  now(): number {
    return Date.now();
  }

  /** Moves the clock forward (never back); timers due by then run on the next `runDueTimers`. */
  advanceTo(time: number): void {
    if (time > Date.now()) vi.setSystemTime(time);
  }

  /** The earliest live timer's due time. */
  nextTimerAt(): number | undefined {
    let next: number | undefined;
    for (const timer of this.timers.values()) {
      if (!timer.worker.alive) {
        this.timers.delete(timer.id); // a stopped worker's timers never fire
        continue;
      }
      if (next === undefined || timer.at < next) next = timer.at;
    }
    return next;
  }

  /** Runs every timer due now, in due order, each in the context of the worker that set it. */
  runDueTimers(): number {
    let ran = 0;
    for (;;) {
      const due = [...this.timers.values()].filter((t) => t.at <= Date.now()).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) return ran;
      if (due.every === undefined) this.timers.delete(due.id);
      else due.at += due.every;
      if (!due.worker.alive) {
        this.timers.delete(due.id);
        continue;
      }
      ran++;
      due.fn(...due.args);
    }
  }

  /**
   * Lets every piece of work that is not waiting on simulated time finish: microtasks,
   * fake-indexeddb's setImmediate tasks and the promises they resolve. Returns once a real
   * macrotask turn passes with nothing scheduled.
   */
  async settle(maxTurns = 100_000): Promise<void> {
    let quiet = 0;
    for (let turn = 0; turn < maxTurns; turn++) {
      await new Promise<void>((resolve) => realSetImmediate(resolve));
      quiet = this.pendingImmediates === 0 ? quiet + 1 : 0;
      if (quiet >= 2) return;
    }
    throw new Error(`the simulation did not settle in ${maxTurns} turns`);
  }

  /** Runs `turns` real macrotask turns only: a worker stop then lands in the middle of whatever was running. */
  async turns(turns: number): Promise<void> {
    for (let i = 0; i < turns; i++) await new Promise<void>((resolve) => realSetImmediate(resolve));
  }
}
