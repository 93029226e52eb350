/**
 * A counting semaphore: at most `limit` tasks run at once, the rest queue in order.
 * Caps the HTTP requests in flight so a bulk run cannot flood a public resolver
 * (which would answer HTTP 429) while a single lookup is never held back.
 *
 * Two queues: `background` tasks (the mail diagnostics' questions, dozens per lookup) only
 * take a free slot when no `normal` task (the mail routing: MX, addresses, PTR) is waiting, so
 * a lookup's routing never queues behind its own blocklist queries.
 */
export type Priority = 'normal' | 'background';

export class Limiter {
  private running = 0;
  private readonly waiting: Record<Priority, (() => void)[]> = { normal: [], background: [] };
  /** Highest number of tasks seen running at once (reported by the benchmarks). */
  peak = 0;

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  }

  /** A task whose `signal` aborts while it waits leaves the queue and never runs. */
  async run<T>(task: () => Promise<T>, priority: Priority = 'normal', signal?: AbortSignal): Promise<T> {
    if (this.running >= this.limit) {
      await new Promise<void>((resolve, reject) => {
        const queue = this.waiting[priority];
        const onAbort = () => {
          const at = queue.indexOf(start);
          if (at >= 0) queue.splice(at, 1);
          reject(signal!.reason instanceof Error ? signal!.reason : new Error('aborted'));
        };
        const start = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(start);
      });
    }
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      this.running--;
      (this.waiting.normal.shift() ?? this.waiting.background.shift())?.();
    }
  }
}
