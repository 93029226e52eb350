/**
 * Resolver failures as typed, serialisable values, each with a sentence a person can act on.
 *
 * They are thrown inside the DoH client and caught by the lookup plan, which turns them into
 * `ErrorInfo` (plain data) for the report. `retryable` decides whether the client falls back to
 * the next resolver: a transport or format fault says nothing about the name, so another
 * resolver may well answer; a DNS answer such as NXDOMAIN or SERVFAIL is not an error here.
 */
import type { ErrorInfo } from './vocabulary';

export abstract class ResolverError extends Error {
  abstract readonly code: string;
  /** A few words for lists of failures: "timed out after 4000 ms", "HTTP 503". */
  abstract get reason(): string;
  /** Worth asking the next resolver. */
  readonly retryable: boolean = true;
  constructor(
    message: string,
    readonly resolver: string,
    readonly question?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
  toJSON(): ErrorInfo {
    const info: ErrorInfo = { code: this.code, message: this.message, resolver: this.resolver };
    if (this.question !== undefined) info.question = this.question;
    return info;
  }
}

/** No answer within the per-request time limit. */
export class ResolverTimeout extends ResolverError {
  readonly code = 'resolver-timeout';
  constructor(
    resolver: string,
    readonly timeoutMs: number,
    question?: string,
  ) {
    super(`${resolver} did not answer within ${timeoutMs} ms. It may be down or blocked on this network.`, resolver, question);
  }
  get reason(): string {
    return `no answer within ${this.timeoutMs} ms`;
  }
}

/** The request never got an HTTP answer (DNS of the resolver's host, TLS, refused connection, offline). */
export class ResolverUnreachable extends ResolverError {
  readonly code = 'resolver-unreachable';
  constructor(
    resolver: string,
    readonly detail: string,
    question?: string,
  ) {
    super(`Could not reach ${resolver} (${detail}). Check the network connection or choose another resolver.`, resolver, question);
  }
  get reason(): string {
    return `unreachable: ${this.detail}`;
  }
}

/** The resolver answered with an HTTP error status. 429 means we are being rate limited. */
export class ResolverHttpError extends ResolverError {
  readonly code = 'resolver-http-error';
  constructor(
    resolver: string,
    readonly status: number,
    question?: string,
    readonly retryAfterMs?: number,
  ) {
    super(describeHttpStatus(resolver, status), resolver, question);
  }
  get reason(): string {
    return this.status === 429 ? 'rate limited (HTTP 429)' : `HTTP ${this.status}`;
  }
}

function describeHttpStatus(resolver: string, status: number): string {
  if (status === 429) return `${resolver} is rate limiting requests (HTTP 429). Wait a moment, or choose another resolver.`;
  if (status >= 500) return `${resolver} had a server error (HTTP ${status}). Try again, or choose another resolver.`;
  if (status === 404) return `${resolver} has no DNS-over-HTTPS service at this address (HTTP 404). Check the resolver URL.`;
  if (status === 401 || status === 403) return `${resolver} refused the request (HTTP ${status}). The resolver may need an account or block this network.`;
  return `${resolver} rejected the request (HTTP ${status}). Check the resolver URL and format (wire or JSON).`;
}

/**
 * The resolver answered with an HTTP redirect. DoH requests never follow one: it could send the
 * questions in cleartext (an `http:` target) or to a server the user did not choose.
 */
export class ResolverRedirected extends ResolverError {
  readonly code = 'resolver-redirect';
  constructor(
    resolver: string,
    readonly location?: string,
    question?: string,
  ) {
    super(
      `${resolver} answered with a redirect${location ? ` to ${location.slice(0, 100)}` : ''} instead of a DNS answer. MXray never follows a resolver's redirects, since they could send your questions unencrypted or to another server; check the resolver URL.`,
      resolver,
      question,
    );
  }
  get reason(): string {
    return 'redirected (not followed)';
  }
}

/** The resolver answered, but not with a usable DNS message for our question. */
export class BadAnswer extends ResolverError {
  readonly code = 'bad-answer';
  constructor(
    resolver: string,
    readonly problem: string,
    question?: string,
  ) {
    super(`${resolver} sent an answer MXray cannot use (${problem}). Try another resolver.`, resolver, question);
  }
  get reason(): string {
    return `unusable answer: ${this.problem}`;
  }
}

/** The lookup was cancelled by the caller (popup closed, new query typed). Never retried. */
export class LookupAborted extends ResolverError {
  readonly code = 'aborted';
  override readonly retryable = false;
  constructor(resolver: string, question?: string) {
    super('The lookup was cancelled.', resolver, question);
  }
  get reason(): string {
    return 'cancelled';
  }
}

/** A name from DNS data that no query can carry as it is; never sent, never retried. */
export class UnaskableName extends ResolverError {
  readonly code = 'unaskable-name';
  override readonly retryable = false;
  constructor(
    resolver: string,
    readonly dnsName: string,
    question?: string,
  ) {
    super(
      `MXray did not look up "${dnsName.slice(0, 120)}": it is not a name a DNS query can carry as it is (a label holding a "." or "\\" byte, an empty label, or more than 255 octets), and asking it would ask another name.`,
      resolver,
      question,
    );
  }
  get reason(): string {
    return 'not a name a query can carry';
  }
}

/** Every resolver in the chain failed; carries each one's failure so the report can say what happened. */
export class AllResolversFailed extends ResolverError {
  /** With one resolver, its own failure's code says more than "all failed". */
  get code(): string {
    return this.failures.length === 1 ? this.failures[0]!.code : 'all-resolvers-failed';
  }
  get reason(): string {
    return this.failures.map((f) => `${f.resolver}: ${f.reason}`).join('; ');
  }
  override readonly retryable = false;
  constructor(
    readonly failures: ResolverError[],
    question?: string,
    readonly requests = failures.length,
  ) {
    super(summariseFailures(failures), failures.at(-1)?.resolver ?? 'resolver', question);
  }
  override toJSON(): ErrorInfo {
    return { ...super.toJSON(), message: this.message };
  }
}

function summariseFailures(failures: ResolverError[]): string {
  if (failures.length === 1) return failures[0]!.message;
  const each = failures.map((f) => `${f.resolver} (${f.reason})`).join(', ');
  return `No resolver answered: ${each}.`;
}

/** Turn anything thrown into the report's plain `ErrorInfo`. */
export function toErrorInfo(error: unknown, fallbackResolver = 'resolver', question?: string): ErrorInfo {
  if (error instanceof ResolverError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  const info: ErrorInfo = { code: 'internal-error', message: `Unexpected error: ${message}`, resolver: fallbackResolver };
  if (question !== undefined) info.question = question;
  return info;
}
