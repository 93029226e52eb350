// The fault server's request log: what tests count ("how many queries for this lookup?") and
// measure ("how many sequential round trips?"). Times are performance.now() since server start.

export interface FaultLogEntry {
  seq: number;
  /** From `/tag/<tag>`, so concurrent tests can each read only their own requests. */
  tag: string | null;
  method: string;
  /** URL path without the query string, e.g. `/tag/t1/delay/50/dns-query`. */
  path: string;
  /** Fault modes in the path, without the tag, e.g. ['delay/50']. */
  modes: string[];
  /** The question, as sent (no trailing dot); null when the request carried no readable query. */
  name: string | null;
  type: string | null;
  /** null while pending, and for requests the client gave up on (see `aborted`). */
  httpStatus: number | null;
  /** The client closed the connection before an answer was sent (e.g. `/hang` + AbortSignal). */
  aborted: boolean;
  startMs: number;
  endMs: number | null;
}

export class FaultLog {
  readonly entries: FaultLogEntry[] = [];
  #seq = 0;
  readonly #origin = performance.now();

  now(): number {
    return Math.round((performance.now() - this.#origin) * 1000) / 1000;
  }

  start(fields: Pick<FaultLogEntry, 'tag' | 'method' | 'path' | 'modes'>): FaultLogEntry {
    const entry: FaultLogEntry = {
      seq: ++this.#seq,
      ...fields,
      name: null,
      type: null,
      httpStatus: null,
      aborted: false,
      startMs: this.now(),
      endMs: null,
    };
    this.entries.push(entry);
    return entry;
  }

  select(tag: string | null): FaultLogEntry[] {
    return tag === null ? [...this.entries] : this.entries.filter((e) => e.tag === tag);
  }

  /** Removes entries in place (the array handed out as `log` stays the same object). */
  clear(tag: string | null): void {
    const keep = tag === null ? [] : this.entries.filter((e) => e.tag !== tag);
    this.entries.splice(0, this.entries.length, ...keep);
  }
}

/**
 * The longest chain of requests in which each one started only after the previous one had
 * been answered: the number of sequential round trips a person waited for.
 */
export function criticalPathDepth(entries: readonly FaultLogEntry[]): number {
  const sorted = [...entries].sort((a, b) => a.startMs - b.startMs);
  const depth: number[] = [];
  sorted.forEach((entry, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) {
      const earlier = sorted[j] as FaultLogEntry;
      if (earlier.endMs !== null && earlier.endMs <= entry.startMs) before = Math.max(before, depth[j] ?? 0);
    }
    depth.push(before + 1);
  });
  return Math.max(0, ...depth);
}
