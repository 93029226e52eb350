/**
 * The RFC 8484 DoH client the lookup plan talks to: one `query(question)` that
 * - answers from the TTL cache when it can (0 requests; answer-cache.ts),
 * - shares one request between identical questions in flight, and aborts a question's requests
 *   when every caller that asked it has gone, the popup closed (shared-flights.ts),
 * - asks the resolvers of the chain in order, a demoted one (failed, timed out, slow) last until a
 *   probe off the critical path finds it answering again (resolver-order.ts, resolver-health.ts),
 * - falls back on timeouts, network errors, HTTP 5xx/429 and bad answers, and hedges a slow
 *   resolver by asking the next one too, saying so in the answer (hedged-ask.ts),
 * - retries a wire GET as POST where the resolver does not take GET (HTTP 405/413/414/415/501),
 *   and validates every answer against its question (resolver-attempt.ts),
 * - follows a CNAME chain the answer leaves unfinished, each piece cached (chase-cname.ts).
 * This file ties those together; the answer it returns is built by to-answer.ts. `fetch`, the
 * clock and the cache are injected: the same client runs in the service worker, the CLI and tests.
 */
import type { DnsQuestion } from '../dns/message';
import type { ErrorInfo } from '../vocabulary';
import { isQueryableName, normaliseName } from '../dns/message';
import { LookupAborted, UnaskableName } from '../errors';
import { AnswerCache } from './answer-cache';
import { chaseCname } from './chase-cname';
import type { DnsAnswer } from './dns-answer';
import type { FetchLike } from './doh-request';
import { hedgedAsk, type ResolverNotice } from './hedged-ask';
import { Limiter, type Priority } from './limiter';
import type { DohProvider } from './providers';
import { ResolverAttempts } from './resolver-attempt';
import { ResolverHealth } from './resolver-health';
import { orderedProviders, probeDemoted } from './resolver-order';
import { SharedFlights } from './shared-flights';
import { toAnswer } from './to-answer';

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
  /**
   * Told when a question goes out (not from the cache) and how it ended. A page that asks the
   * first questions itself relays them to the worker this way (src/platform/first-questions.ts).
   */
  observer?: QuestionObserver;
}

export interface QuestionObserver {
  asked(key: string): void;
  answered(key: string, answer: DnsAnswer): void;
  failed(key: string): void;
}

/**
 * An answer known elsewhere, looked for before asking the resolvers: another context's answer
 * to the same question (relayed-answers.ts), or a copy kept in storage. `undefined`, or a promise
 * of `undefined`, means "not here: ask".
 */
export type PriorAnswers = (key: string, signal: AbortSignal) => Promise<DnsAnswer | undefined> | undefined;

export interface QueryOptions {
  signal?: AbortSignal;
  /** `background` requests wait while `normal` ones queue (see Limiter). */
  priority?: Priority;
  /** Told when this question is slow and goes to another resolver too (the UI says so). */
  onNotice?: (notice: ResolverNotice) => void;
  /** Looked at before the resolvers, after the cache (see `PriorAnswers`). */
  prior?: PriorAnswers | undefined;
}

export class DohClient {
  readonly providers: DohProvider[];
  readonly cache: AnswerCache;
  readonly limiter: Limiter;
  readonly health: ResolverHealth;
  /** Requests sent and questions answered from the cache, since this client was made. */
  readonly stats = { requests: 0, cacheHits: 0, probes: 0 };
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly deadlineMs: number;
  private readonly hedging: boolean;
  private readonly flights = new SharedFlights();
  private readonly attempts: ResolverAttempts;
  private readonly observer: QuestionObserver | undefined;

  constructor(options: DohClientOptions) {
    if (options.providers.length === 0) throw new RangeError('at least one resolver is needed');
    this.providers = options.providers;
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.deadlineMs = options.deadlineMs ?? this.timeoutMs + 1_000;
    this.cache = options.cache ?? new AnswerCache();
    this.limiter = new Limiter(options.maxInFlight ?? 64);
    this.health = options.health ?? new ResolverHealth({ now: this.now, probeEveryMs: options.penaltyMs ?? 30_000 });
    this.hedging = (options.hedging ?? true) && this.providers.length > 1;
    const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.attempts = new ResolverAttempts({ fetch, now: this.now, limiter: this.limiter, stats: this.stats });
    this.observer = options.observer;
  }

  /** The cache key of a question, as this client writes it (another context's answers are matched by it). */
  keyOf(question: DnsQuestion): string {
    return this.key({ name: normaliseName(question.name), type: question.type });
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

  /** One question: from the cache, joined to the same question in flight, or asked of the chain. */
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
    const start = async (signal: AbortSignal, notify: (notice: ResolverNotice) => void) => {
      this.observer?.asked(key);
      try {
        const answer = (await options.prior?.(key, signal)) ?? (await this.ask(question, options.priority ?? 'normal', signal, notify));
        // Cached before any caller resumes, so a caller that asks again at once gets it from there.
        this.cache.set(key, answer, this.now());
        this.observer?.answered(key, answer);
        return answer;
      } catch (error) {
        this.observer?.failed(key);
        throw error;
      }
    };
    return this.flights.join(key, options, start, aborted);
  }

  /** Ask the chain (hedged-ask.ts), best-first, until one resolver gives a usable answer. */
  private async ask(question: DnsQuestion, priority: Priority, signal: AbortSignal, notify: (notice: ResolverNotice) => void): Promise<DnsAnswer> {
    await this.health.ready;
    const notes: ErrorInfo[] = [];
    const ordered = orderedProviders(this.providers, this.health, this.now(), notes);
    probeDemoted(
      ordered,
      question,
      this.health,
      (provider) => this.attempts.ask(provider, question, 'background', this.timeoutMs),
      () => this.stats.probes++,
    );
    const result = await hedgedAsk({
      question,
      ordered,
      healthy: ordered.filter((provider) => !this.health.demotion(provider.url)).length,
      hedging: this.hedging,
      timeoutMs: this.timeoutMs,
      deadlineMs: this.deadlineMs,
      now: this.now,
      hedgeDelayMs: (provider) => this.health.hedgeDelayMs(provider.url),
      attempt: (provider, timeoutMs, attemptSignal) => this.attempts.ask(provider, question, priority, timeoutMs, attemptSignal),
      signal,
      notify,
      onAnswered: (provider, rttMs) => this.health.answered(provider.url, rttMs),
      onFailed: (provider, error) => {
        if (error.code !== 'aborted') this.health.failed(provider.url, error);
      },
    });
    const answer = toAnswer(question, result.message, result.provider, result.requests, [...notes, ...result.failures]);
    if (result.hedged) answer.hedged = true;
    return answer;
  }
}
