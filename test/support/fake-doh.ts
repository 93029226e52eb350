/**
 * For unit tests of error paths only: a `fetch` stand-in that answers DoH requests from a
 * table of records, or misbehaves on demand. Integration tests use the real knotd + dnsdist.
 */
import * as dnsPacket from 'dns-packet';
import { Buffer } from 'node:buffer';

export type FakeRecord = dnsPacket.Answer;

export interface FakeZone {
  [key: string]: { rcode?: string; answers?: FakeRecord[]; authorities?: FakeRecord[] };
}

export interface FakeCall {
  url: string;
  method: string;
  host: string;
  name?: string;
  type?: string;
}

/** Decode the question from a wire GET/POST request. */
export async function questionOf(url: string, init: RequestInit): Promise<{ name: string; type: string; id: number }> {
  let bytes: Buffer;
  if ((init.method ?? 'GET') === 'POST') bytes = Buffer.from(init.body as Uint8Array);
  else bytes = Buffer.from(new URL(url).searchParams.get('dns')!.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  const packet = dnsPacket.decode(bytes);
  return { name: packet.questions![0]!.name, type: packet.questions![0]!.type, id: packet.id ?? 0 };
}

export function wireResponse(question: { name: string; type: string; id?: number }, entry: FakeZone[string] | undefined, status = 200): Response {
  const body = dnsPacket.encode({
    type: 'response',
    id: question.id ?? 0,
    // dns-packet takes the RCODE as the low 4 bits of the flags (RFC 1035 §4.1.1).
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | RCODES[entry?.rcode ?? (entry ? 'NOERROR' : 'NXDOMAIN')]!,
    questions: [{ name: question.name, type: question.type as dnsPacket.RecordType }],
    answers: entry?.answers ?? [],
    authorities: entry?.authorities ?? [
      { name: 'test', type: 'SOA', ttl: 300, data: { mname: 'ns.test', rname: 'h.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 60 } },
    ],
  });
  return new Response(new Uint8Array(body), { status, headers: { 'content-type': 'application/dns-message' } });
}

const RCODES: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5 };

/** Undefined (or a promise of it) lets the zone answer, e.g. after a delay. */
export type Behaviour = (call: FakeCall, init: RequestInit) => Promise<Response | undefined> | Response | undefined;

/**
 * A fake fetch: per host, an optional behaviour; when it returns undefined the zone answers.
 * Every call is logged.
 */
export function fakeFetch(zone: FakeZone, behaviours: Record<string, Behaviour> = {}) {
  const calls: FakeCall[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const host = new URL(url).host;
    const question = await questionOf(url, init).catch(() => undefined);
    const call: FakeCall = { url, method: init.method ?? 'GET', host, name: question?.name, type: question?.type };
    calls.push(call);
    const custom = await behaviours[host]?.(call, init);
    if (custom) return custom;
    return wireResponse(question!, zone[`${question!.name} ${question!.type}`]);
  };
  return { fetch, calls };
}

/** Never answers until the request's signal aborts (then rejects like fetch does). */
export function hang(_call: FakeCall, init: RequestInit): Promise<Response> {
  return new Promise((_resolve, reject) => {
    init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')), { once: true });
  });
}
