/**
 * Work a lookup does after its routing report (MX, addresses, PTR, forward checks) is complete:
 * the mail diagnostics and the network (ASN) lookups. Issue 12, section 6: with every check on,
 * their questions outnumber the routing's four to one, and asked beside the PTR questions they
 * compete for the same thread and connection, so the routing report came later than with the
 * checks off. Deferred here, they cost the routing nothing; they show a little later instead.
 *
 * The gate opens when the lookup says the routing is settled, `ROUTING_FIRST_MS` after the first
 * deferred task at the latest (a PTR that hangs must not hold the checks for a whole time-out),
 * or at once when the lookup is aborted (the tasks then end on the aborted signal).
 */
import type { AskTracker } from './ask-tracker';

export const ROUTING_FIRST_MS = 1000;

export class AfterRouting {
  private open = false;
  private readonly queue: (() => void)[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly tracker: AskTracker,
    signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', () => this.release(), { once: true });
  }

  /** Runs `task` once the gate is open; the lookup stays open until the task has ended. */
  run(task: () => Promise<unknown>): void {
    this.tracker.hold();
    const go = () =>
      void task()
        .catch(() => undefined)
        .finally(() => this.tracker.release());
    if (this.open) {
      go();
      return;
    }
    this.queue.push(go);
    this.timer ??= setTimeout(() => this.release(), ROUTING_FIRST_MS);
  }

  /** The routing is settled (or waited for long enough): everything deferred starts, in order. */
  release(): void {
    if (this.open) return;
    this.open = true;
    clearTimeout(this.timer);
    for (const go of this.queue.splice(0)) go();
  }
}
