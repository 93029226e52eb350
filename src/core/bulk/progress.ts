/** Done/total, rate and time left of a bulk run, for the progress bar and the CLI's line. */
export interface BulkProgress {
  done: number;
  total: number;
  /** Domains per second over the time spent running (pauses left out). */
  rate: number;
  /** Seconds left at that rate; `undefined` before the first result. */
  secondsLeft?: number;
}

export function progressOf(done: number, total: number, runningMs: number): BulkProgress {
  const rate = done > 0 && runningMs > 0 ? (done * 1000) / runningMs : 0;
  const progress: BulkProgress = { done, total, rate };
  if (rate > 0) progress.secondsLeft = Math.max(0, (total - done) / rate);
  return progress;
}

/** `412/1000 · 96/s · 6 s left` */
export function progressText(progress: BulkProgress): string {
  const left = progress.secondsLeft === undefined ? '' : ` · ${formatSeconds(progress.secondsLeft)} left`;
  return `${progress.done}/${progress.total} · ${Math.round(progress.rate)}/s${left}`;
}

export function formatSeconds(seconds: number): string {
  const whole = Math.ceil(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  return minutes < 60 ? `${minutes} min ${whole % 60} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
