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
  private readonly onAbort = () => this.release();

  constructor(
    private readonly tracker: AskTracker,
    private readonly signal: AbortSignal | undefined,
  ) {
    signal?.addEventListener('abort', this.onAbort, { once: true });
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

  /**
   * The routing is settled (or waited for long enough, or the lookup is over): everything
   * deferred starts, in order. The abort listener goes too: a bulk run's lookups share one
   * signal, and 10,000 listeners left on it made every removal from it slower (a scan).
   */
  release(): void {
    if (this.open) return;
    this.open = true;
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    for (const go of this.queue.splice(0)) go();
  }
}
