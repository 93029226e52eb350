/**
 * One attempt at one resolver: the request built and sent (doh-request.ts) through the
 * concurrency limiter, timed for the resolver's health, and its answer validated
 * (validate-answer.ts: the question asked, the ID, no truncation, no FORMERR/NOTIMP). A wire GET
 * that the resolver refuses (HTTP 405, 413, 414, 415 or 501: some servers take RFC 8484's POST
 * only) is sent again as POST, and the resolver is remembered as POST-only for the life of the
 * client. Every failure is thrown as an `AttemptFailure` with the requests it cost, so the
 * request counts stay honest whatever happened.
 */
import type { DnsMessage, DnsQuestion } from '../dns/message';
import { LookupAborted, ResolverError, ResolverHttpError } from '../errors';
import { requestDoh, type FetchLike } from './doh-request';
import { AttemptFailure } from './hedged-ask';
import type { Limiter, Priority } from './limiter';
import type { DohProvider } from './providers';
import { validateAnswer } from './validate-answer';

/** HTTP statuses that say "not by GET": RFC 8484 §4.1 wants servers to take both methods, some take POST only. */
const GET_REJECTED = new Set([405, 413, 414, 415, 501]);

export interface Attempted {
  message: DnsMessage;
  /** HTTP requests this attempt sent (2 when GET was refused and POST answered). */
  sent: number;
  /** The round trip of the request that answered, for the resolver's health. */
  rttMs: number;
}

export interface AttemptSettings {
  fetch: FetchLike;
  now: () => number;
  limiter: Limiter;
  /** The client's request count, raised for every request sent. */
  stats: { requests: number };
}

export class ResolverAttempts {
  /** Resolvers that refused a GET: asked by POST from then on. */
  private readonly postOnly = new Set<string>();

  constructor(private readonly settings: AttemptSettings) {}

  /** One resolver: GET (or POST where GET is refused), validated. Throws AttemptFailure. */
  async ask(provider: DohProvider, question: DnsQuestion, priority: Priority, timeoutMs: number, signal?: AbortSignal): Promise<Attempted> {
    const { fetch, now, limiter, stats } = this.settings;
    let sent = 0;
    let rttMs = 0;
    const send = (method: 'GET' | 'POST') =>
      limiter.run(
        async () => {
          sent++;
          stats.requests++;
          const started = now();
          const message = await requestDoh(provider, question, { fetch, timeoutMs, method, ...(signal ? { signal } : {}) });
          rttMs = now() - started;
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
        // The JSON API has no POST form: its refusal is a failure like any other.
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
}
