/**
 * The RFC 8484 DoH client the lookup plan talks to: one `query(question)` that
 * - answers from the TTL cache when it can (0 requests),
 * - shares one request between identical questions in flight,
 * - asks the resolvers of the chain in order, a demoted one (failed, timed out, slow) last until a
 *   probe off the critical path finds it answering again (resolver-health.ts); falls back on
 *   timeouts, network errors, HTTP 5xx/429 and bad answers, and hedges a slow resolver by asking
 *   the next one too (hedged-ask.ts), saying so in the answer,
 * - aborts a question's requests when every caller that asked it has gone (popup closed),
 * - retries a wire GET as POST where the resolver does not take GET (HTTP 405/413/414/415/501).
 * `fetch`, the clock and the cache are injected: the same client runs in the service worker,
 * the CLI and tests.
 */
import type { DnsMessage, DnsQuestion } from '../dns/message';
import type { ErrorInfo } from '../vocabulary';
import { isQueryableName, normaliseName } from '../dns/message';
import { LookupAborted, ResolverError, ResolverHttpError, UnaskableName } from '../errors';
import { AnswerCache } from './answer-cache';
import type { DnsAnswer } from './dns-answer';
import { requestDoh, type FetchLike } from './doh-request';
import { AttemptFailure, hedgedAsk, type ResolverNotice } from './hedged-ask';
import { Limiter, type Priority } from './limiter';
import type { DohProvider } from './providers';
import { ResolverHealth } from './resolver-health';
import { chaseCname } from './chase-cname';
import { withoutStrayRecords } from './stray-records';
import { raceAbort } from './race-abort';
import { validateAnswer } from './validate-answer';

export type { ResolverNotice } from './hedged-ask';

export interface DohClientOptions {
  /** The chosen resolver first, then the fallbacks (see `providerChain`). */
  providers: DohProvider[];
  fetch?: FetchLike;
  /** Milliseconds clock for the cache; `Date.now` unless a test or the CLI passes another. */
  now?: () => number;
  /** Per-request time limit. */
  timeoutMs?: number;
  /** Per-question time limit, however many resolvers are asked (default `timeoutMs` + 1 s). */
  deadlineMs?: number;
  cache?: AnswerCache;
  /** Cap on HTTP requests in flight (bulk lookups, resolver rate limits). */
  maxInFlight?: number;
  /**
   * Round trips and demotions of the resolvers (resolver-health.ts). Pass one that outlives
   * the client (and, with a store, the worker); default: this client's own.
   */
  health?: ResolverHealth;
  /** Ask the next resolver too when one is slow (default: on whenever the chain has several). */
  hedging?: boolean;
  /** How often a demoted resolver is re-probed, when the client makes its own health (default 30 s). */
  penaltyMs?: number;
}

export interface QueryOptions {
  signal?: AbortSignal;
  /** `background` requests wait while `normal` ones queue (see Limiter). */
  priority?: Priority;
  /** Told when this question is slow and goes to another resolver too (the UI says so). */
  onNotice?: (notice: ResolverNotice) => void;
}

const GET_REJECTED = new Set([405, 413, 414, 415, 501]);

/** One question in flight, shared by every caller asking it; aborted when they all left. */
interface Flight {
  promise: Promise<DnsAnswer>;
  controller: AbortController;
  callers: number;
  listeners: Set<(notice: ResolverNotice) => void>;
}

export class DohClient {
  readonly providers: DohProvider[];
  readonly cache: AnswerCache;
  readonly limiter: Limiter;
  readonly health: ResolverHealth;
  /** Requests sent and questions answered from the cache, since this client was made. */
  readonly stats = { requests: 0, cacheHits: 0, probes: 0 };
  private readonly fetch: FetchLike;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly hedging: boolean;
  private readonly inFlight = new Map<string, Flight>();
  private readonly postOnly = new Set<string>();

  constructor(options: DohClientOptions) {
    if (options.providers.length === 0) throw new RangeError('at least one resolver is needed');
    this.providers = options.providers;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.deadlineMs = options.deadlineMs ?? this.timeoutMs + 1_000;
    this.cache = options.cache ?? new AnswerCache();
    this.limiter = new Limiter(options.maxInFlight ?? 64);
    this.health = options.health ?? new ResolverHealth({ now: this.now, probeEveryMs: options.penaltyMs ?? 30_000 });
    this.hedging = (options.hedging ?? true) && this.providers.length > 1;
  }

  /** The cache key: the chain (its first resolver) and the question. */
  private key(question: DnsQuestion): string {
    return `${this.providers[0]!.url}|${question.type}|${question.name}`;
  }

  async query(asked: DnsQuestion, options: QueryOptions = {}): Promise<DnsAnswer> {
    const first = await this.queryOne(asked, options);
    // A chain the answer leaves unfinished is followed here (chase-cname.ts), each piece cached.
    return chaseCname(first, asked, (name) => this.queryOne({ name, type: asked.type }, options));
  }

  private async queryOne(asked: DnsQuestion, options: QueryOptions): Promise<DnsAnswer> {
    const question = { name: normaliseName(asked.name), type: asked.type };
    // A name from DNS data can be one no query can carry (a label holding a dot, over 255 octets):
    // asking it would ask another name, or fail inside the codec.
    if (!isQueryableName(question.name)) throw new UnaskableName(this.providers[0]!.name, question.name, `${question.name.slice(0, 300)} ${question.type}`);
    const key = this.key(question);
    const cached = this.cache.get(key, this.now());
    if (cached) {
      this.stats.cacheHits++;
      return cached;
    }
    const aborted = () => new LookupAborted(this.providers[0]!.name, `${question.name} ${question.type}`);
    if (options.signal?.aborted) throw aborted();
    let flight = this.inFlight.get(key);
    const joined = flight !== undefined;
    if (!flight) {
      const controller = new AbortController();
      const listeners = new Set<(notice: ResolverNotice) => void>();
      const promise = this.ask(question, options.priority ?? 'normal', controller.signal, listeners).finally(() => this.inFlight.delete(key));
      flight = { promise, controller, callers: 0, listeners };
      this.inFlight.set(key, flight);
      promise.then(
        (answer) => this.cache.set(key, answer, this.now()),
        () => undefined,
      );
    }
    const current = flight;
    current.callers++;
    if (options.onNotice) current.listeners.add(options.onNotice);
    // A caller that joins a request already in flight gets its answer but sent nothing itself:
    // its `requests` is 0, so adding up what each caller got counts every request once.
    const mine = joined ? current.promise.then((answer) => ({ ...answer, requests: 0 })) : current.promise;
    // Cancel for real: when the last caller of a question leaves, its requests are aborted.
    const leave = () => {
      if (options.onNotice) current.listeners.delete(options.onNotice);
      if (--current.callers > 0) return;
      if (this.inFlight.get(key) === current) this.inFlight.delete(key);
      current.controller.abort();
    };
    return raceAbort(mine, options.signal, aborted, leave);
  }

  /** Ask the chain (hedged.ts), best-first, until one resolver gives a usable answer. */
  private async ask(question: DnsQuestion, priority: Priority, signal: AbortSignal, listeners: Set<(notice: ResolverNotice) => void>): Promise<DnsAnswer> {
    await this.health.ready;
    const notes: ErrorInfo[] = [];
    const ordered = this.orderedProviders(notes);
    this.probeDemoted(ordered, question);
    const result = await hedgedAsk({
      question,
      ordered,
      healthy: ordered.filter((provider) => !this.health.demotion(provider.url)).length,
      hedging: this.hedging,
      timeoutMs: this.timeoutMs,
      deadlineMs: this.deadlineMs,
      now: this.now,
      hedgeDelayMs: (provider) => this.health.hedgeDelayMs(provider.url),
      attempt: (provider, timeoutMs, attemptSignal) => this.askOne(provider, question, priority, timeoutMs, attemptSignal),
      signal,
      notify: (notice) => {
        for (const listener of listeners) {
          try {
            listener(notice);
          } catch {
            // A listener's bug must not stop the question.
          }
        }
      },
      onAnswered: (provider, rttMs) => this.health.answered(provider.url, rttMs),
      onFailed: (provider, error) => {
        if (error.code !== 'aborted') this.health.failed(provider.url, error);
      },
    });
    const answer = toAnswer(question, result.message, result.provider, result.requests, [...notes, ...result.failures]);
    if (result.hedged) answer.hedged = true;
    return answer;
  }

  /**
   * A demoted resolver is asked again off the critical path: a copy of this question, at
   * background priority, whose answer only tells its health (at most once per probe interval).
   */
  private probeDemoted(ordered: DohProvider[], question: DnsQuestion): void {
    for (const provider of ordered.slice(1)) {
      if (!this.health.dueForProbe(provider.url)) continue;
      this.stats.probes++;
      this.askOne(provider, question, 'background', this.timeoutMs).then(
        ({ rttMs }) => this.health.answered(provider.url, rttMs),
        (thrown: unknown) => {
          const error = thrown instanceof AttemptFailure ? thrown.error : thrown;
          if (error instanceof ResolverError && error.code !== 'aborted') this.health.failed(provider.url, error.toJSON());
        },
      );
    }
  }

  /** One resolver: GET (or POST where GET is refused), validated. Throws AttemptFailure. */
  private async askOne(
    provider: DohProvider,
    question: DnsQuestion,
    priority: Priority,
    timeoutMs: number,
    signal?: AbortSignal,
  ): Promise<{ message: DnsMessage; sent: number; rttMs: number }> {
    let sent = 0;
    let rttMs = 0;
    const send = (method: 'GET' | 'POST') =>
      this.limiter.run(
        async () => {
          sent++;
          this.stats.requests++;
          const started = this.now();
          const message = await requestDoh(provider, question, { fetch: this.fetch, timeoutMs, method, ...(signal ? { signal } : {}) });
          rttMs = this.now() - started;
          return message;
        },
        priority,
        signal,
      );
    try {
      let message: DnsMessage;
      const usePost = this.postOnly.has(provider.url) && provider.format === 'wire';
      try {
        message = await send(usePost ? 'POST' : 'GET');
      } catch (error) {
        const getRefused = error instanceof ResolverHttpError && GET_REJECTED.has(error.status);
        if (!getRefused || usePost || provider.format !== 'wire') throw error;
        this.postOnly.add(provider.url);
        message = await send('POST');
      }
      validateAnswer(message, question, provider);
      return { message, sent, rttMs };
    } catch (error) {
      // Left the limiter's queue on abort: nothing was sent.
      const failure = signal?.aborted && !(error instanceof ResolverError) ? new LookupAborted(provider.name, `${question.name} ${question.type}`) : error;
      throw new AttemptFailure(failure, sent);
    }
  }

  /** Demoted resolvers (failed, timed out, or slow) go last until they answer again; the skip is noted. */
  private orderedProviders(notes: ErrorInfo[]): DohProvider[] {
    const now = this.now();
    const healthy: DohProvider[] = [];
    const demoted: DohProvider[] = [];
    for (const provider of this.providers) (this.health.demotion(provider.url) ? demoted : healthy).push(provider);
    if (healthy.length > 0) {
      for (const provider of demoted) {
        const demotion = this.health.demotion(provider.url)!;
        notes.push({
          code: 'resolver-skipped',
          resolver: provider.name,
          message: `${provider.name} was skipped: it failed ${Math.max(0, Math.round((now - demotion.at) / 1000))} s ago (${demotion.error.message})`,
        });
      }
    }
    return [...healthy, ...demoted];
  }
}

function toAnswer(question: DnsQuestion, message: DnsMessage, provider: DohProvider, requests: number, failures: ErrorInfo[]): DnsAnswer {
  const { answers, notes } = withoutStrayRecords(message, question);
  return {
    ...(notes.length > 0 ? { notes } : {}),
    name: question.name,
    type: question.type,
    rcode: message.rcode,
    answers,
    authorities: message.authorities,
    authenticated: message.flags.ad,
    resolver: provider.id,
    fromCache: false,
    requests,
    failures,
  };
}
