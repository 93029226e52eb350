/**
 * The RFC 8484 DoH client the lookup plan talks to: one `query(question)` that
 * - answers from the TTL cache when it can (0 requests),
 * - shares one request between identical questions in flight,
 * - asks the resolvers of the chain in order, skipping one that failed recently, and falls back
 *   on timeouts, network errors, HTTP 5xx/429 and bad answers, saying so in the answer,
 * - retries a wire GET as POST where the resolver does not take GET (HTTP 405/413/414/415/501).
 * `fetch`, the clock and the cache are injected: the same client runs in the service worker,
 * the CLI and tests.
 */
import type { DnsMessage, DnsQuestion } from '../dns/message';
import { isQueryableName, normaliseName } from '../dns/message';
import { AllResolversFailed, LookupAborted, ResolverError, ResolverHttpError, UnaskableName } from '../errors';
import type { ErrorInfo } from '../report';
import { AnswerCache } from './answer-cache';
import type { DnsAnswer } from './dns-answer';
import { requestDoh, type FetchLike } from './doh-request';
import { Limiter, type Priority } from './limiter';
import type { DohProvider } from './providers';
import { chaseCname } from './chase-cname';
import { withoutStrayRecords } from './stray-records';
import { validateAnswer } from './validate-answer';

export interface DohClientOptions {
  /** The chosen resolver first, then the fallbacks (see `providerChain`). */
  providers: DohProvider[];
  fetch?: FetchLike;
  /** Milliseconds clock for the cache; `Date.now` unless a test or the CLI passes another. */
  now?: () => number;
  /** Per-request time limit. */
  timeoutMs?: number;
  cache?: AnswerCache;
  /** Cap on HTTP requests in flight (bulk lookups, resolver rate limits). */
  maxInFlight?: number;
  /** How long a resolver that failed is asked last instead of first. */
  penaltyMs?: number;
}

export interface QueryOptions {
  signal?: AbortSignal;
  /** `background` requests wait while `normal` ones queue (see Limiter). */
  priority?: Priority;
}

const GET_REJECTED = new Set([405, 413, 414, 415, 501]);
/** Wait at most this long for a Retry-After before the one retry of a rate-limited request. */
const MAX_RETRY_WAIT_MS = 5_000;

export class DohClient {
  readonly providers: DohProvider[];
  readonly cache: AnswerCache;
  readonly limiter: Limiter;
  /** Requests sent and questions answered from the cache, since this client was made. */
  readonly stats = { requests: 0, cacheHits: 0 };
  private readonly fetch: FetchLike;
  private readonly now: () => number;
  private readonly timeoutMs: number;
  private readonly penaltyMs: number;
  private readonly inFlight = new Map<string, Promise<DnsAnswer>>();
  private readonly failedAt = new Map<string, { at: number; error: ErrorInfo }>();
  private readonly postOnly = new Set<string>();

  constructor(options: DohClientOptions) {
    if (options.providers.length === 0) throw new RangeError('at least one resolver is needed');
    this.providers = options.providers;
    this.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.now = options.now ?? Date.now;
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.cache = options.cache ?? new AnswerCache();
    this.limiter = new Limiter(options.maxInFlight ?? 64);
    this.penaltyMs = options.penaltyMs ?? 30_000;
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
    let shared = this.inFlight.get(key);
    const joined = shared !== undefined;
    if (!shared) {
      shared = this.ask(question, options.priority ?? 'normal').finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, shared);
      shared.then((answer) => this.cache.set(key, answer, this.now()), () => undefined);
    }
    // A caller that joins a request already in flight gets its answer but sent nothing itself:
    // its `requests` is 0, so adding up what each caller got counts every request once.
    const mine = joined ? shared.then((answer) => ({ ...answer, requests: 0 })) : shared;
    return raceAbort(mine, options.signal, () => new LookupAborted(this.providers[0]!.name, `${question.name} ${question.type}`));
  }

  /** Ask the chain, best-first, until one resolver gives a usable answer. */
  private async ask(question: DnsQuestion, priority: Priority): Promise<DnsAnswer> {
    const failures: ResolverError[] = [];
    const notes: ErrorInfo[] = [];
    let requests = 0;
    const ordered = this.orderedProviders(notes);
    for (const provider of ordered) {
      for (let attempt = 0; attempt < 2; attempt++) {
        try {
          const { message, sent } = await this.askOne(provider, question, priority);
          requests += sent;
          this.failedAt.delete(provider.url);
          return toAnswer(question, message, provider, requests, [...notes, ...failures.map((f) => f.toJSON())]);
        } catch (error) {
          requests += error instanceof CountedError ? error.sent : 1;
          const failure = error instanceof CountedError ? error.cause : error;
          if (!(failure instanceof ResolverError) || !failure.retryable) throw failure;
          // Rate limited by the last resolver we have: honour Retry-After once, then give up.
          const isLast = provider === ordered.at(-1);
          if (attempt === 0 && isLast && failure instanceof ResolverHttpError && failure.status === 429) {
            await sleep(Math.min(failure.retryAfterMs ?? 1_000, MAX_RETRY_WAIT_MS));
            continue;
          }
          failures.push(failure);
          this.failedAt.set(provider.url, { at: this.now(), error: failure.toJSON() });
          break;
        }
      }
    }
    throw new AllResolversFailed(failures, `${question.name} ${question.type}`, requests);
  }

  /** One resolver: GET (or POST where GET is refused), validated. Throws CountedError. */
  private async askOne(provider: DohProvider, question: DnsQuestion, priority: Priority): Promise<{ message: DnsMessage; sent: number }> {
    let sent = 0;
    const send = (method: 'GET' | 'POST') => {
      sent++;
      this.stats.requests++;
      return this.limiter.run(() => requestDoh(provider, question, { fetch: this.fetch, timeoutMs: this.timeoutMs, method }), priority);
    };
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
      return { message, sent };
    } catch (error) {
      throw new CountedError(error, sent);
    }
  }

  /** Resolvers that failed within the penalty window go last, and the skip is noted. */
  private orderedProviders(notes: ErrorInfo[]): DohProvider[] {
    const now = this.now();
    const healthy: DohProvider[] = [];
    const penalised: DohProvider[] = [];
    for (const provider of this.providers) {
      const failed = this.failedAt.get(provider.url);
      if (failed && now - failed.at < this.penaltyMs) penalised.push(provider);
      else healthy.push(provider);
    }
    if (healthy.length > 0) {
      for (const provider of penalised) {
        const failed = this.failedAt.get(provider.url)!;
        notes.push({
          code: 'resolver-skipped',
          resolver: provider.name,
          message: `${provider.name} was skipped: it failed ${Math.round((now - failed.at) / 1000)} s ago (${failed.error.message})`,
        });
      }
    }
    return [...healthy, ...penalised];
  }
}

/** An error plus how many requests were sent before it, so request counts stay honest. */
class CountedError extends Error {
  constructor(override readonly cause: unknown, readonly sent: number) {
    super('counted');
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

function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined, makeError: () => Error): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(makeError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(makeError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => { signal.removeEventListener('abort', onAbort); resolve(value); },
      (error: unknown) => { signal.removeEventListener('abort', onAbort); reject(error instanceof Error ? error : new Error(String(error))); },
    );
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
