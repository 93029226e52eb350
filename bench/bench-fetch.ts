// The `fetch` the engine gets in the benchmarks: trusts the stack's CA (like
// test/stack/trusted-fetch.ts) and keeps one HTTP/1.1 connection per request in flight. The fault
// server speaks HTTP/1.1 only, so parallel questions need parallel connections: the pool is
// unbounded, and `warm` opens enough of them before a timed run so that no TLS handshake is
// counted as resolver latency. (A browser talking to a public resolver uses one HTTP/2
// connection, already open for the popup's second lookup; a handshake is not what we measure.)
import { Agent, fetch as undiciFetch } from 'undici';
import { encodeQuery } from '../src/core/dns/wire-codec';
import { base64Url, type FetchLike } from '../src/core/doh/doh-request';
import { clearFaultLog } from '../test/stack/fault-log-client';
import type { StackInfo } from '../test/stack/stack-info';

/**
 * Connections to keep open: the engine's cap on requests in flight (DohClient `maxInFlight`, 64)
 * plus slack, because the limiter hands a freed slot to the next request a moment before undici
 * marks the connection free, and the pool would then open a new one (a TLS handshake mid-run).
 */
export const WARM_CONNECTIONS = 128;

export interface BenchFetch {
  fetch: FetchLike;
  /** Opens (or re-uses) `count` connections by sending that many requests at once, then forgets them in the log. */
  warm(count?: number): Promise<void>;
  /** TLS connections opened so far (to check that timed runs open none). */
  connections(): number;
  close(): Promise<void>;
}

export function createBenchFetch(stack: Pick<StackInfo, 'faultUrl' | 'caPem'>): BenchFetch {
  // connections: null = no limit per origin; pipelining 1 = one request per connection at a time.
  const dispatcher = new Agent({ connect: { ca: stack.caPem }, connections: null, pipelining: 1, keepAliveTimeout: 10_000 });
  let opened = 0;
  dispatcher.on('connect', () => opened++);
  const fetch = ((input: string, init: RequestInit) =>
    undiciFetch(input, { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as FetchLike;
  const warmUrl = `${stack.faultUrl}/tag/warm/delay/20/dns-query?dns=${base64Url(encodeQuery({ name: 'one-mx.test', type: 'A' }))}`;
  return {
    fetch,
    async warm(count = WARM_CONNECTIONS) {
      // The server closes a connection idle for 5 s: sending `count` requests at once, each held
      // 20 ms, makes every connection of the pool busy and fresh right before the run.
      await Promise.all(
        Array.from({ length: count }, async () => {
          const response = await fetch(warmUrl, { headers: { accept: 'application/dns-message' } });
          await response.arrayBuffer();
        }),
      );
      await clearFaultLog(stack, 'warm');
    },
    connections: () => opened,
    close: () => dispatcher.close(),
  };
}
