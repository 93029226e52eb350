/**
 * A counting semaphore: at most `limit` tasks run at once, the rest queue in order.
 * Caps the HTTP requests in flight so a bulk run cannot flood a public resolver
 * (which would answer HTTP 429) while a single lookup is never held back.
 */
export class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** Highest number of tasks seen running at once (reported by the benchmarks). */
  peak = 0;

  constructor(private readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError('limit must be at least 1');
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    this.peak = Math.max(this.peak, this.running);
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
