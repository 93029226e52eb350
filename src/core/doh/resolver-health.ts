/**
 * What MXray knows about each resolver's health, kept apart from the DoH client so that it
 * outlives it (the worker makes a new client when the settings change) and, through a
 * `HealthStore`, the worker itself: Chrome stops an idle worker after ~30 s, and a user whose
 * first resolver is blocked must not pay its time-out again on the next click.
 *
 * - Round trips: the last few per resolver, whose median sets the hedge delay (hedgeDelayMs).
 *   Kept in memory only: a restarted worker has no open connection, so its first answers pay
 *   a TLS handshake that stored round trips would not predict, and a hedge delay made from them
 *   would send every cold start's questions to two resolvers. It starts again at 1 s.
 * - Demotion: a resolver that timed out, failed, or lost a hedge race is asked last, not first,
 *   until it answers again. It is probed off the critical path (`dueForProbe`): at most once per
 *   `probeEveryMs`, the client sends it a copy of a question already answered elsewhere.
 */
import type { ErrorInfo } from '../vocabulary';

export interface Demotion {
  /** When it was demoted (or last failed a probe), ms on the health clock. */
  at: number;
  error: ErrorInfo;
}

/** Plain data, for storage.session / storage.local or a file. */
export interface HealthSnapshot {
  version: 1;
  /** Per resolver URL: why and since when it is asked last. */
  demoted: Record<string, Demotion>;
}

/** Where health is kept between runs (src/platform/health-storage.ts in the extension). */
export interface HealthStore {
  load(): Promise<HealthSnapshot | undefined>;
  save(snapshot: HealthSnapshot): Promise<void>;
}

export interface HealthOptions {
  now?: () => number;
  store?: HealthStore;
  /** A demoted resolver is re-probed at most this often (default 30 s). */
  probeEveryMs?: number;
}

const RTT_SAMPLES = 8;
export const MIN_HEDGE_DELAY_MS = 250;
export const MAX_HEDGE_DELAY_MS = 1_000;
/** Before a resolver has answered anything (a cold start with nothing stored). */
export const DEFAULT_HEDGE_DELAY_MS = MAX_HEDGE_DELAY_MS;

export class ResolverHealth {
  readonly now: () => number;
  readonly probeEveryMs: number;
  /** Resolves once the stored health is loaded (at once without a store). */
  readonly ready: Promise<void>;
  private rtts = new Map<string, number[]>();
  private demoted = new Map<string, Demotion>();
  private readonly probing = new Map<string, number>();
  private readonly store: HealthStore | undefined;
  private saveQueued = false;

  constructor(options: HealthOptions = {}) {
    this.now = options.now ?? Date.now;
    this.probeEveryMs = options.probeEveryMs ?? 30_000;
    this.store = options.store;
    this.ready = this.store
      ? this.store.load().then(
          (snapshot) => this.restore(snapshot),
          () => undefined,
        )
      : Promise.resolve();
  }

  /** 3 x the median recent round trip, within 250 ms..1 s; 1 s before any is known. */
  hedgeDelayMs(url: string): number {
    const samples = this.rtts.get(url);
    if (!samples || samples.length === 0) return DEFAULT_HEDGE_DELAY_MS;
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return Math.min(MAX_HEDGE_DELAY_MS, Math.max(MIN_HEDGE_DELAY_MS, Math.round(3 * median)));
  }

  demotion(url: string): Demotion | undefined {
    return this.demoted.get(url);
  }

  /** An answer: its round trip is a sample, and a demoted resolver is back. */
  answered(url: string, rttMs: number): void {
    const samples = this.rtts.get(url) ?? [];
    samples.push(Math.max(0, Math.round(rttMs)));
    if (samples.length > RTT_SAMPLES) samples.shift();
    this.rtts.set(url, samples);
    this.probing.delete(url);
    if (this.demoted.delete(url)) this.changed();
  }

  /** A time-out, a failure, or a hedge race lost: asked last until it answers again. */
  failed(url: string, error: ErrorInfo): void {
    this.probing.delete(url);
    this.demoted.set(url, { at: this.now(), error });
    this.changed();
  }

  /** True (once per `probeEveryMs`) when a demoted resolver should be probed now. */
  dueForProbe(url: string): boolean {
    const demotion = this.demoted.get(url);
    if (!demotion) return false;
    const now = this.now();
    const last = Math.max(demotion.at, this.probing.get(url) ?? Number.NEGATIVE_INFINITY);
    if (now - last < this.probeEveryMs) return false;
    this.probing.set(url, now);
    return true;
  }

  snapshot(): HealthSnapshot {
    return { version: 1, demoted: Object.fromEntries(this.demoted) };
  }

  private restore(snapshot: HealthSnapshot | undefined): void {
    if (!snapshot || snapshot.version !== 1 || typeof snapshot.demoted !== 'object' || snapshot.demoted === null) return;
    for (const [url, demotion] of Object.entries(snapshot.demoted)) {
      // What this run learnt already (an answer since the start) wins over what was stored.
      if (!this.demoted.has(url) && !this.rtts.has(url) && typeof demotion?.at === 'number' && typeof demotion.error?.message === 'string')
        this.demoted.set(url, demotion);
    }
  }

  /** A demotion or a comeback is saved in the same task: a worker may be stopped any moment. */
  private changed(): void {
    if (!this.store || this.saveQueued) return;
    this.saveQueued = true;
    queueMicrotask(() => {
      this.saveQueued = false;
      void this.store?.save(this.snapshot()).catch(() => undefined);
    });
  }
}

/** A `HealthStore` in memory (tests; the CLI, which starts afresh each run). */
export class MemoryHealthStore implements HealthStore {
  saved: HealthSnapshot | undefined;
  saves = 0;
  async load(): Promise<HealthSnapshot | undefined> {
    return this.saved ? structuredClone(this.saved) : undefined;
  }
  async save(snapshot: HealthSnapshot): Promise<void> {
    this.saves++;
    this.saved = structuredClone(snapshot);
  }
}
