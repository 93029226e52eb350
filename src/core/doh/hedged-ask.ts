/**
 * One question asked of the chain, hedged (issue 12, docs/architecture.md "Hedged questions"):
 *   - the first resolver is asked; if it has not answered within its hedge delay (3 x its
 *     recent median round trip, 250 ms..1 s), the next resolver of the chain is asked too, and
 *     so on, each after the last one's delay;
 *   - a failure (time-out, HTTP error, bad answer) asks the next resolver at once, as before;
 *   - the first valid answer wins and every other request is aborted;
 *   - the whole question has a deadline: every request ends by it, so when every resolver
 *     hangs the error comes after `deadlineMs` (5 s with the extension's 4 s time-out), not
 *     after one time-out per resolver (16 s with four).
 * Only the resolvers of the chain it is given are asked; a chain of one is never hedged.
 */
import type { DnsMessage, DnsQuestion } from '../dns/message';
import { AllResolversFailed, LookupAborted, ResolverError, ResolverHttpError } from '../errors';
import type { ErrorInfo } from '../vocabulary';
import type { DohProvider } from './providers';

/** Said while a question waits: the resolvers that are slow, and the one asked as well. */
export interface ResolverNotice {
  code: 'resolver-slow';
  /** Names of the resolvers asked and not answered yet. */
  slow: string[];
  /** Name of the resolver asked now, as a hedge. */
  next: string;
  /** How long the question had waited. */
  afterMs: number;
}

export interface HedgedAskOptions {
  question: DnsQuestion;
  ordered: DohProvider[];
  /**
   * How many of `ordered` (the first ones) are in good health. A hedge never goes to a demoted
   * resolver while a healthy one is being waited on: it failed recently, and a healthy one that
   * is merely slower than usual (a cold connection) should not double every question. Demoted
   * ones are still asked on a failure, and hedged among themselves when none is healthy.
   */
  healthy: number;
  hedging: boolean;
  timeoutMs: number;
  deadlineMs: number;
  now: () => number;
  hedgeDelayMs: (provider: DohProvider) => number;
  /** One resolver, one attempt. Throws `{ error, sent }` (see AttemptFailure). */
  attempt: (provider: DohProvider, timeoutMs: number, signal: AbortSignal) => Promise<{ message: DnsMessage; sent: number; rttMs: number }>;
  /** Aborts everything: every caller left. */
  signal: AbortSignal;
  notify: (notice: ResolverNotice) => void;
  onAnswered: (provider: DohProvider, rttMs: number) => void;
  onFailed: (provider: DohProvider, error: ErrorInfo) => void;
}

export class AttemptFailure extends Error {
  constructor(
    readonly error: unknown,
    readonly sent: number,
  ) {
    super('attempt failed');
  }
}

export interface HedgedResult {
  message: DnsMessage;
  provider: DohProvider;
  requests: number;
  /** Earlier resolvers that failed, or were still silent when this one answered. */
  failures: ErrorInfo[];
  hedged: boolean;
}

const MAX_RETRY_WAIT_MS = 5_000;

export function hedgedAsk(o: HedgedAskOptions): Promise<HedgedResult> {
  const label = `${o.question.name} ${o.question.type}`;
  const startedAt = o.now();
  const deadlineAt = startedAt + o.deadlineMs;
  return new Promise<HedgedResult>((resolve, reject) => {
    const running = new Map<DohProvider, { controller: AbortController; startedAt: number }>();
    const failures: ResolverError[] = [];
    let next = 0;
    let requests = 0;
    let settled = false;
    let retried = false;
    let hedgeTimer: ReturnType<typeof setTimeout> | undefined;

    const finish = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(hedgeTimer);
      o.signal.removeEventListener('abort', onAbort);
      for (const { controller } of running.values()) controller.abort();
      done();
    };
    const onAbort = () => finish(() => reject(new LookupAborted(o.ordered[0]!.name, label)));
    if (o.signal.aborted) return onAbort();
    o.signal.addEventListener('abort', onAbort, { once: true });

    const giveUpIfIdle = () => {
      if (running.size === 0) finish(() => reject(new AllResolversFailed(failures, label, requests)));
    };

    const launch = (provider: DohProvider): boolean => {
      const remaining = deadlineAt - o.now();
      if (settled || remaining <= 0) return false;
      const controller = new AbortController();
      const attemptStart = o.now();
      running.set(provider, { controller, startedAt: attemptStart });
      // Cut to the deadline, in whole tenths of a second so the error reads "within 3900 ms".
      const timeoutMs = remaining >= o.timeoutMs ? o.timeoutMs : Math.max(100, Math.floor(remaining / 100) * 100);
      o.attempt(provider, timeoutMs, AbortSignal.any([controller.signal, o.signal])).then(
        ({ message, sent, rttMs }) => {
          requests += sent;
          running.delete(provider);
          o.onAnswered(provider, rttMs);
          if (settled) return;
          // The ones asked before this one and still silent lost the race: they were slow.
          const slow: ErrorInfo[] = [];
          for (const [other, state] of running) {
            if (state.startedAt > attemptStart) continue;
            const waited = Math.round(o.now() - state.startedAt);
            const info = {
              code: 'resolver-slow',
              resolver: other.name,
              question: label,
              message: `${other.name} was slow to answer (nothing after ${waited} ms), so MXray asked ${provider.name} too`,
            };
            slow.push(info);
            o.onFailed(other, info);
          }
          // Aborted requests were sent too: count them, so the report's total matches the wire.
          for (const state of running.values()) if (state.startedAt <= attemptStart) requests++;
          finish(() => resolve({ message, provider, requests, failures: [...failures.map((f) => f.toJSON()), ...slow], hedged: slow.length > 0 }));
        },
        (thrown: unknown) => {
          const { error, sent } = thrown instanceof AttemptFailure ? thrown : new AttemptFailure(thrown, 1);
          requests += sent;
          running.delete(provider);
          if (settled) return;
          if (!(error instanceof ResolverError) || !error.retryable) {
            finish(() => reject(error));
            return;
          }
          // Rate limited by the last resolver we have: honour Retry-After once, then give up.
          const isLast = next >= o.ordered.length && running.size === 0;
          if (!retried && isLast && error instanceof ResolverHttpError && error.status === 429) {
            retried = true;
            const wait = Math.min(error.retryAfterMs ?? 1_000, MAX_RETRY_WAIT_MS, Math.max(0, deadlineAt - o.now() - 100));
            // A placeholder holds the question open while it waits.
            running.set(provider, { controller: new AbortController(), startedAt: o.now() });
            setTimeout(() => {
              running.delete(provider);
              if (settled || launch(provider)) return;
              failures.push(error);
              giveUpIfIdle();
            }, wait);
            return;
          }
          failures.push(error);
          o.onFailed(provider, error.toJSON());
          if (!launchNext()) giveUpIfIdle();
        },
      );
      scheduleHedge(provider);
      return true;
    };

    const launchNext = (): boolean => {
      while (next < o.ordered.length) {
        if (launch(o.ordered[next++]!)) return true;
        if (o.now() >= deadlineAt) return false;
      }
      return false;
    };

    const scheduleHedge = (provider: DohProvider) => {
      clearTimeout(hedgeTimer);
      hedgeTimer = undefined;
      if (!o.hedging || next >= o.ordered.length) return;
      if (next >= o.healthy && o.healthy > 0) return;
      hedgeTimer = setTimeout(() => {
        if (settled || next >= o.ordered.length) return;
        const candidate = o.ordered[next]!;
        o.notify({ code: 'resolver-slow', slow: [...running.keys()].map((p) => p.name), next: candidate.name, afterMs: Math.round(o.now() - startedAt) });
        launchNext();
      }, o.hedgeDelayMs(provider));
    };

    launchNext();
  });
}
