/**
 * When a lookup pushes a snapshot to its listener. Answers that land in the same task (HTTP/2
 * delivers many at once) make one snapshot, not one each, and after the first answer people
 * wait for, at most one per frame (16 ms): with the mail diagnostics a lookup gets 50-100
 * answers, and a snapshot costs a deep copy and every check. The first snapshot that answers
 * "where does mail go?" never waits, not even behind the other answers of its own task.
 */

/** Snapshots after the first answering one are at most this often (one frame). */
export const MIN_UPDATE_INTERVAL_MS = 16;

export interface SnapshotEmitterOptions {
  /** Makes and sends one snapshot. */
  send: () => void;
  /** Would a snapshot now answer the question (the MX answer, or its implicit-MX stand-in, is in)? */
  answerKnown: () => boolean;
  /** Milliseconds clock. */
  now: () => number;
  minIntervalMs?: number;
}

export class SnapshotEmitter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastSentAt = Number.NEGATIVE_INFINITY;
  private answerSent = false;

  constructor(private readonly options: SnapshotEmitterOptions) {}

  /** Some answers landed: send now if this is the first answering snapshot, else within a frame. */
  request(): void {
    if (!this.answerSent && this.options.answerKnown()) {
      this.sendNow();
      return;
    }
    if (this.timer !== undefined) return;
    const interval = this.options.minIntervalMs ?? MIN_UPDATE_INTERVAL_MS;
    const wait = Math.max(0, this.lastSentAt + interval - this.options.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sendNow();
    }, wait);
  }

  /** Sends a snapshot at once (also the last one, when the lookup ends). */
  sendNow(): void {
    this.cancel();
    this.lastSentAt = this.options.now();
    if (this.options.answerKnown()) this.answerSent = true;
    this.options.send();
  }

  /** No snapshot is sent after this unless asked again. */
  cancel(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
