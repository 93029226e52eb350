/**
 * Pause, resume and cancel for a bulk run. Pausing holds new lookups (the ones in flight
 * finish, so their answers are not wasted); cancelling aborts the lookups in flight too, through
 * the same `AbortSignal` the DoH client honours.
 */
export class RunControl {
  private readonly abort = new AbortController();
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  private pausedSince: number | undefined;
  private pausedTotal = 0;

  constructor(private readonly now: () => number = Date.now) {}

  get signal(): AbortSignal {
    return this.abort.signal;
  }

  get paused(): boolean {
    return this.gate !== undefined;
  }

  get cancelled(): boolean {
    return this.abort.signal.aborted;
  }

  pause(): void {
    if (this.gate || this.cancelled) return;
    this.pausedSince = this.now();
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  resume(): void {
    if (!this.gate) return;
    this.pausedTotal += this.now() - (this.pausedSince ?? this.now());
    this.pausedSince = undefined;
    const open = this.open!;
    this.gate = undefined;
    this.open = undefined;
    open();
  }

  cancel(): void {
    this.abort.abort(new DOMException('The bulk check was cancelled.', 'AbortError'));
    this.resume();
  }

  /** Milliseconds spent paused so far (for the rate and the time left). */
  pausedMs(): number {
    return this.pausedTotal + (this.pausedSince === undefined ? 0 : this.now() - this.pausedSince);
  }

  /** Resolves at once while running; while paused, when resumed or cancelled. */
  async wait(): Promise<void> {
    while (this.gate) await this.gate;
  }
}
