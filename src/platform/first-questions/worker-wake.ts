/**
 * When a page that asks the first questions itself may wake a stopped worker (issue 24). On a
 * cold click the worker's start (~120 ms of the browser's and the renderer's time, on a machine
 * with two cores) ran beside the page's own script, and the page reached its first request and
 * its first row ~150 ms later than beside a warm worker. So the popup, as its script starts,
 * asks whether the worker runs (background-state.ts) and, if it is stopped, holds back
 * everything that would wake it (its lookup port, `getSettings` for the theme, `getRecent`)
 * until:
 *   - the page's own report says where mail goes, and the frame showing it has been painted;
 *   - or the page's lookup ended without that (a failure, an IP, an input it cannot parse);
 *   - or `WAKE_AT_LATEST_MS` after the script started (no lookup to start, or every resolver
 *     hanging: the worker's mail checks, history and health are then due, not a head start).
 * A running worker (or a browser that cannot say) opens the gate at once. A page that never
 * calls `holdStoppedWorker` (tests, other pages) has it open.
 */
import { backgroundState, type BackgroundState } from './background-state';

export const WAKE_AT_LATEST_MS = 1_000;

let opened = true;
let release: () => void = () => undefined;
let gate = Promise.resolve();
let stateAtStart: Promise<BackgroundState> | undefined;

/** Once, as the page's script starts; `asked`, the browser's answer asked earlier still (the popup's first script). */
export function holdStoppedWorker(asked?: Promise<BackgroundState>): void {
  opened = false;
  gate = new Promise<void>((resolve) => (release = resolve));
  setTimeout(letWorkerWake, WAKE_AT_LATEST_MS);
  stateAtStart = asked ?? backgroundState();
  void stateAtStart.then((known) => known !== 'stopped' && letWorkerWake());
}

/** The worker's state: for the page's first lookup the one asked as its script started, then asked afresh. */
export function workerState(): Promise<BackgroundState> {
  const state = stateAtStart ?? backgroundState();
  stateAtStart = undefined;
  return state;
}

export function letWorkerWake(): void {
  if (opened) return;
  opened = true;
  release();
}

export function workerMayWake(): boolean {
  return opened;
}

/** Runs `work` once the worker may wake (at once when it may already). */
export function afterWorkerMayWake<T>(work: () => T | Promise<T>): Promise<T> {
  return opened ? Promise.resolve().then(work) : gate.then(work);
}

/** After the frame being drawn now is painted: requestAnimationFrame runs before the paint, a task queued from it after. */
export function afterNextPaint(work: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(work, 0);
  requestAnimationFrame(() => setTimeout(work, 0));
}
