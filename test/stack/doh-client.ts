// A bare RFC 8484 client for the stack's self-tests: sends one query, returns the raw HTTP
// result so a test can look at status, headers and bytes before trusting any of it.
import dnsPacket, { type RecordType } from 'dns-packet';
import { presentData } from './presentation';

export interface DohQuery {
  name: string;
  type: RecordType;
  method?: 'GET' | 'POST';
  /** RFC 8484 4.1 recommends 0 for cache friendliness; tests set others to see mismatches. */
  id?: number;
  signal?: AbortSignal;
}

export interface DohResult {
  status: number;
  headers: Headers;
  body: Buffer;
  /** The sent query's bytes, to compare IDs and questions. */
  query: Buffer;
}

export async function dohWire(fetch: typeof globalThis.fetch, url: string, q: DohQuery): Promise<DohResult> {
  const query = dnsPacket.encode({
    type: 'query',
    id: q.id ?? 0,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: q.type, name: q.name }],
  });
  const accept = 'application/dns-message';
  const response =
    q.method === 'POST'
      ? await fetch(url, { method: 'POST', body: new Uint8Array(query), headers: { accept, 'content-type': accept }, signal: q.signal })
      : await fetch(`${url}?dns=${query.toString('base64url')}`, { headers: { accept }, signal: q.signal });
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()), query };
}

/** The answer section in kdig's text form (`10 mx.one-mx.test.`), sorted, OPT left out. */
export function answerData(body: Buffer): string[] {
  return (dnsPacket.decode(body).answers ?? [])
    .filter((r) => r.type !== 'OPT')
    .map(presentData)
    .sort();
}
