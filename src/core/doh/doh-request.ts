/**
 * One HTTP exchange with one DoH resolver, in either format, ending in a `DnsMessage` or a typed
 * `ResolverError`. Everything about HTTP lives here; the client decides what to do with failures.
 */
import { decodeJsonMessage } from '../dns/json-codec';
import type { DnsMessage, DnsQuestion } from '../dns/message';
import { decodeMessage, encodeQuery } from '../dns/wire-codec';
import { BadAnswer, LookupAborted, ResolverError, ResolverHttpError, ResolverRedirected, ResolverTimeout, ResolverUnreachable } from '../errors';
import { WireFormatError } from '../dns/wire-layout';
import type { DohProvider } from './providers';
import { BodyTooLarge, readCappedBody } from './read-capped-body';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** A DNS message is at most 65,535 bytes (RFC 1035 §4.2.2 length field); anything bigger is not one. */
const MAX_BODY_BYTES = 65_535;

export interface RequestOptions {
  fetch: FetchLike;
  timeoutMs: number;
  method: 'GET' | 'POST';
  /** The caller's cancel signal (popup closed, new query). */
  signal?: AbortSignal;
}

export async function requestDoh(provider: DohProvider, question: DnsQuestion, options: RequestOptions): Promise<DnsMessage> {
  const label = `${question.name} ${question.type}`;
  if (options.signal?.aborted) throw new LookupAborted(provider.name, label);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
  try {
    const response = await options.fetch(...buildRequest(provider, question, options.method, signal));
    // `redirect: 'error'` should make a redirect a network error; a fetch that hands one back
    // anyway (or an opaque one) is refused here too: never follow, never read it.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      void response.body?.cancel().catch(() => undefined);
      throw new ResolverRedirected(provider.name, response.headers.get('location') ?? undefined, label);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new ResolverHttpError(provider.name, response.status, label, retryAfterMs(response.headers.get('retry-after')));
    }
    let body: Uint8Array;
    try {
      checkContentType(provider, response.headers.get('content-type'), label);
      body = await readBody(response, provider, label);
    } catch (error) {
      // A body left unread (too large, wrong type) holds its connection open for good.
      if (!response.bodyUsed) void response.body?.cancel().catch(() => undefined);
      throw error;
    }
    return provider.format === 'json' ? parseJsonBody(body, provider, label) : parseWireBody(body, provider, label);
  } catch (error) {
    if (options.signal?.aborted) throw new LookupAborted(provider.name, label);
    if (timeout.signal.aborted) throw new ResolverTimeout(provider.name, options.timeoutMs, label);
    if (error instanceof ResolverError) throw error;
    if (isRedirectError(error)) throw new ResolverRedirected(provider.name, undefined, label);
    throw new ResolverUnreachable(provider.name, networkDetail(error), label);
  } finally {
    clearTimeout(timer);
  }
}

function buildRequest(provider: DohProvider, question: DnsQuestion, method: 'GET' | 'POST', signal: AbortSignal): [string, RequestInit] {
  const url = new URL(provider.url);
  if (provider.format === 'json') {
    url.searchParams.set('name', question.name);
    url.searchParams.set('type', question.type);
    return [url.href, { method: 'GET', headers: { accept: 'application/dns-json' }, signal, credentials: 'omit', cache: 'no-store', redirect: 'error' }];
  }
  const query = encodeQuery(question);
  // Never follow a redirect: it could take the questions to another server, or to plain http.
  const common = { signal, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer', redirect: 'error' } as const;
  if (method === 'POST') {
    return [url.href, { ...common, method: 'POST', headers: { accept: 'application/dns-message', 'content-type': 'application/dns-message' }, body: query }];
  }
  // RFC 8484 §4.1: GET with the message in `dns`, base64url without padding.
  url.searchParams.set('dns', base64Url(query));
  return [url.href, { ...common, method: 'GET', headers: { accept: 'application/dns-message' } }];
}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function checkContentType(provider: DohProvider, contentType: string | null, label: string): void {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const expected = provider.format === 'json' ? ['application/dns-json', 'application/json', 'application/x-javascript'] : ['application/dns-message'];
  if (!expected.includes(type)) {
    throw new BadAnswer(provider.name, `content type "${type.slice(0, 40) || 'none'}", expected ${expected[0]}`, label);
  }
}

async function readBody(response: Response, provider: DohProvider, label: string): Promise<Uint8Array> {
  let body: Uint8Array;
  try {
    body = await readCappedBody(response, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      throw new BadAnswer(
        provider.name,
        `answer larger than ${MAX_BODY_BYTES} bytes, the most a DNS message can be; MXray stopped reading after ${error.seen} bytes`,
        label,
      );
    }
    throw error;
  }
  if (body.byteLength === 0) throw new BadAnswer(provider.name, 'empty answer', label);
  return body;
}

function parseWireBody(body: Uint8Array, provider: DohProvider, label: string): DnsMessage {
  try {
    return decodeMessage(body);
  } catch (error) {
    // The layout check says which record is wrong and how; the codec's own errors say little.
    const detail = error instanceof WireFormatError ? `: ${error.message}` : '';
    throw new BadAnswer(provider.name, `malformed DNS message${detail}`, label);
  }
}

function parseJsonBody(body: Uint8Array, provider: DohProvider, label: string): DnsMessage {
  try {
    return decodeJsonMessage(JSON.parse(new TextDecoder().decode(body)));
  } catch (error) {
    throw new BadAnswer(provider.name, `malformed JSON answer: ${error instanceof Error ? error.message : 'unreadable'}`, label);
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110 §10.2.3); capped so a hostile value cannot stall us. */
function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 0) * 1000, 60_000);
  return undefined;
}

/** Node's fetch says "unexpected redirect" in `cause`; browsers give no detail, so only Node's is told apart. */
function isRedirectError(error: unknown): boolean {
  const cause = (error as { cause?: { message?: string } } | undefined)?.cause;
  return typeof cause?.message === 'string' && /redirect/i.test(cause.message);
}

/** Node's fetch says why in `cause.code`; browsers only say "Failed to fetch". */
const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  UND_ERR_SOCKET: 'connection closed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another name',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
};

function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return 'network error';
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if (cause?.code) return NETWORK_CODES[cause.code] ?? cause.code.slice(0, 60);
  if (/failed to fetch|networkerror|load failed/i.test(error.message)) return 'network error';
  return (cause?.message ?? error.message).slice(0, 120);
}
