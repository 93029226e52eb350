/**
 * The soak's resolvers: a `fetch` that answers RFC 8484 requests in-process from the zone
 * model at the simulated time, read and written with the codec the product uses
 * (@leichtgewicht/dns-packet). Outage windows make it fail as resolvers do:
 * - `primary-down`: the chosen resolver (Cloudflare) answers HTTP 503; the fallbacks answer;
 * - `all-down`: every request is a network error (offline, or every resolver down);
 * - `hang`: no request is answered until it times out (the client's own timer aborts it).
 * A call from a worker run that was stopped is never answered (worker-context.ts).
 */
import * as dnsPacket from '@leichtgewicht/dns-packet';
import { never, type WorkerRun } from './worker-context';
import type { ZoneModel } from './zone-model';

export type OutageMode = 'primary-down' | 'all-down' | 'hang';

export interface Outage {
  from: number;
  to: number;
  mode: OutageMode;
}

export interface DohStats {
  requests: number;
  answered: number;
  failed: number;
  hung: number;
  /** Requests a stopped worker run made (never answered). */
  afterStop: number;
}

const PRIMARY_HOST = 'cloudflare-dns.com';

function fromBase64Url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
}

/** `files`: the extension's own files (`chrome-extension://…/<path>`), by path. */
/**
 * A 200 response holding a DNS message, as the client reads it: status, headers and the bytes
 * (a Response without a stream, which read-capped-body.ts reads whole). undici's Response costs
 * more than the rest of a check's question; 30 days of checks ask hundreds of thousands.
 */
function wireResponse(bytes: Uint8Array): Response {
  let used = false;
  const headers = new Map([
    ['content-type', 'application/dns-message'],
    ['content-length', String(bytes.byteLength)],
  ]);
  return {
    ok: true,
    status: 200,
    type: 'basic',
    redirected: false,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    body: null,
    get bodyUsed() {
      return used;
    },
    async arrayBuffer() {
      if (used) throw new TypeError('Body has already been used');
      used = true;
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    },
  } as unknown as Response;
}

export function fakeDohFetch(zone: ZoneModel, outages: Outage[], files: Record<string, string> = {}) {
  const stats: DohStats = { requests: 0, answered: 0, failed: 0, hung: 0, afterStop: 0 };
  const outageAt = (t: number) => outages.find((o) => o.from <= t && t < o.to)?.mode;

  const fetch = async (worker: WorkerRun, input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    if (!worker.alive) {
      stats.afterStop++;
      return never();
    }
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (url.protocol === 'chrome-extension:') {
      const file = files[url.pathname.slice(1)];
      return file === undefined ? new Response('not in the package', { status: 404 }) : new Response(file, { headers: { 'content-type': 'application/json' } });
    }
    stats.requests++;
    const mode = outageAt(Date.now());
    if (mode === 'all-down' || (mode === 'primary-down' && url.host === PRIMARY_HOST)) {
      stats.failed++;
      if (mode === 'primary-down') return new Response('unavailable', { status: 503 });
      throw new TypeError('fetch failed');
    }
    if (mode === 'hang') {
      stats.hung++;
      return new Promise((_resolve, reject) => {
        const signal = init.signal;
        signal?.addEventListener('abort', () => reject(signal.reason ?? new DOMException('The operation was aborted.', 'AbortError')), { once: true });
      });
    }
    const bytes = (init.method ?? 'GET') === 'POST' ? new Uint8Array(init.body as ArrayBuffer) : fromBase64Url(url.searchParams.get('dns') ?? '');
    const query = dnsPacket.decode(bytes);
    const question = query.questions![0]!;
    const { rcode, answers } = zone.answer(question.name, question.type, Date.now());
    const body = dnsPacket.encode({
      type: 'response',
      id: query.id ?? 0,
      flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | (rcode === 'NXDOMAIN' ? 3 : 0),
      questions: [{ name: question.name, type: question.type, class: 'IN' }],
      answers: answers as dnsPacket.Answer[],
      authorities:
        answers.length === 0
          ? [
              {
                name: 'soak.example',
                type: 'SOA',
                ttl: 300,
                data: { mname: 'ns.soak.example', rname: 'hostmaster.soak.example', serial: 1, refresh: 3600, retry: 600, expire: 86400, minimum: 300 },
              },
            ]
          : [],
    });
    stats.answered++;
    return wireResponse(Uint8Array.from(body));
  };
  /** The `fetch` one worker run sees. */
  const fetchFor = (worker: WorkerRun) => (input: string | URL | Request, init?: RequestInit) => fetch(worker, input, init);
  return { fetchFor, stats };
}
